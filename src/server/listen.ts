import type { Server } from 'node:http'

import { revalidateSite } from '../lib/revalidate'
import type { SarkhatApp } from './app'

/**
 * Serves the app and wires SIGTERM/SIGINT to a graceful stop: stop accepting, let in-flight
 * requests finish (at most `graceMs`), close Next and the database, exit 0.
 */
export function listenWithGracefulShutdown(
  sarkhat: SarkhatApp,
  { port, host, graceMs }: { port: number; host: string; graceMs: number },
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = sarkhat.app.listen(port, host, (error?: Error) => {
      if (error) return reject(error)
      sarkhat.payload.logger.info(`سرخط آماده است: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
      // Pages prerendered by `next build` saw no database: drop them so readers get real content.
      void revalidateSite(sarkhat.payload)
      resolve(server)
    })

    let stopping = false
    const stop = async (signal: NodeJS.Signals) => {
      if (stopping) return
      stopping = true
      sarkhat.payload.logger.info(`${signal} دریافت شد؛ درخواست‌های در جریان به پایان می‌رسند…`)
      sarkhat.startDraining()
      const forced = setTimeout(() => {
        sarkhat.payload.logger.warn(`درخواست‌ها در ${graceMs} میلی‌ثانیه تمام نشدند؛ اتصال‌ها بسته می‌شوند.`)
        server.closeAllConnections()
      }, graceMs)
      forced.unref()
      server.close(async () => {
        clearTimeout(forced)
        try {
          await sarkhat.close()
          process.exit(0)
        } catch (error) {
          console.error(error)
          process.exit(1)
        }
      })
      server.closeIdleConnections()
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}
