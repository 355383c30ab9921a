/**
 * Sarkhat's process: an Express 5 server in front of Next.js and Payload. Bundled to
 * dist/server.mjs by scripts/bundle-server.mjs and run by `npm start` / `npm run serve`. With
 * WEB_CONCURRENCY > 1 the first process supervises that many copies of itself (src/server/primary.ts).
 */
import cluster from 'node:cluster'

import { env } from './lib/env'
import { WORKER_READY } from './server/primary'
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

const { port, host, development, shutdownGraceMs, webConcurrency, redisURL } = env()

if (webConcurrency > 1 && cluster.isPrimary && !development) {
  // WEB_CONCURRENCY workers share the port; this process only supervises them.
  const { superviseWorkers } = await import('./server/primary')
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
  await superviseWorkers({ count: webConcurrency, origin, redis: Boolean(redisURL), graceMs: shutdownGraceMs })
} else {
  const { createSarkhatApp } = await import('./server/app')
  const { listenWithGracefulShutdown } = await import('./server/listen')
  const sarkhat = await createSarkhatApp({ dev: development, hostname: host, port })
  await listenWithGracefulShutdown(sarkhat, { port, host, graceMs: shutdownGraceMs })
  if (cluster.isWorker) process.send?.({ type: WORKER_READY })
}
