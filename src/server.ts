/**
 * Sarkhat's process: an Express 5 server in front of Next.js and Payload. Bundled to
 * dist/server.mjs by scripts/bundle-server.mjs and run by `npm start` / `npm run serve`.
 */
import { assertProductionSecret } from './lib/secret'
import { loadEnvFile } from './server/loadEnvFile'

loadEnvFile()

try {
  assertProductionSecret()
} catch (error) {
  console.error(`خطا: ${(error as Error).message}`)
  process.exit(1)
}

const { createSarkhatApp } = await import('./server/app')
const { listenWithGracefulShutdown } = await import('./server/listen')

const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '0.0.0.0'
const sarkhat = await createSarkhatApp({ dev: process.env.NODE_ENV === 'development', hostname: host, port })
await listenWithGracefulShutdown(sarkhat, { port, host, graceMs: Number(process.env.SHUTDOWN_GRACE_MS || 10_000) })
