/**
 * Sarkhat's process: an Express 5 server in front of Next.js and Payload. Bundled to
 * dist/server.mjs by scripts/bundle-server.mjs and run by `npm start` / `npm run serve`.
 */
import { env } from './lib/env'
import { assertProductionSecret } from './lib/secret'
import { loadEnvFile } from './server/loadEnvFile'

// Before anything reads the configuration (env() reads process.env once, on first use).
loadEnvFile()

try {
  assertProductionSecret()
} catch (error) {
  console.error(`خطا: ${(error as Error).message}`)
  process.exit(1)
}

const { createSarkhatApp } = await import('./server/app')
const { listenWithGracefulShutdown } = await import('./server/listen')

const { port, host, development, shutdownGraceMs } = env()
const sarkhat = await createSarkhatApp({ dev: development, hostname: host, port })
await listenWithGracefulShutdown(sarkhat, { port, host, graceMs: shutdownGraceMs })
