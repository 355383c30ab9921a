/**
 * Sarkhat's process: an Express 5 server in front of Next.js and Payload.
 *   node --import tsx src/server.ts          (npm run serve / npm start)
 */
import 'dotenv/config'

import { assertProductionSecret } from './lib/secret'

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
