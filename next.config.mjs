import { withPayload } from '@payloadcms/next/withPayload'

/**
 * The express server (src/server.ts) boots Payload before Next serves anything, and Next's
 * route handlers reuse that instance. Payload's server packages therefore stay external in the
 * production build too (as withPayload does in development): one copy of `payload` per process,
 * so its error classes, hooks and caches are the same for both.
 */
const payloadServerPackages = [
  'payload',
  '@payloadcms/db-mongodb',
  '@payloadcms/db-postgres',
  '@payloadcms/db-sqlite',
  '@payloadcms/drizzle',
  '@payloadcms/email-nodemailer',
  '@payloadcms/graphql',
  // Shared connections kept on globalThis (src/server/redis.ts): one copy of the client for both.
  'ioredis',
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The express server compresses (src/server/app.ts), so its page cache sees Next's plain bytes.
  compress: false,
  // Cached pages are kept in memory once, by the express server's page cache (src/server/pageCache.ts);
  // Next keeps its copy on disk only (.next/server), read on the few requests that reach it.
  cacheMaxMemorySize: 0,
  reactStrictMode: true,
  serverExternalPackages: payloadServerPackages,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
