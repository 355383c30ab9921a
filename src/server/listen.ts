import http, { type Server } from 'node:http'
import type { Duplex } from 'node:stream'

import type { AddressInfo } from 'node:net'

import { listenForInvalidations } from './invalidation'
import { REVALIDATE_ROUTE, revalidateHere, setControlOrigin } from './revalidate'
import type { SarkhatApp } from './app'

/**
 * Serves the app and wires SIGTERM/SIGINT to a graceful stop: stop accepting, let in-flight
 * requests finish (at most `graceMs`), close Next and the database, exit 0.
 */
const MAX_HEADER_BYTES = 64 * 1024

/** Requests Node rejects before any route sees them (oversized or malformed) get a Persian answer. */
function answerClientErrorInPersian(error: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable) return socket.destroy()
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'نشانی یا سرآیندهای درخواست بیش از اندازه بلند است؛ عبارت کوتاه‌تری بفرستید.',
        ]
      : [400, 'Bad Request', 'درخواست نامعتبر است.']
  const body = JSON.stringify({ errors: [{ message }] })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

export function listenWithGracefulShutdown(
  sarkhat: SarkhatApp,
  { port, host, graceMs }: { port: number; host: string; graceMs: number },
): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Node's 16 KB header limit turns a long search query (10 KB of Persian is 60 KB in a URL)
    // into a bare 431; allow 64 KB and answer whatever still does not fit in Persian.
    const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, sarkhat.app)
    server.on('clientError', answerClientErrorInPersian)
    server.once('error', reject)
    const control = controlListener(sarkhat)
    server.listen(port, host, async () => {
      try {
        await control.ready
        const { payload } = sarkhat
        // Pages prerendered by `next build` saw no database: this process drops its own copies.
        await revalidateHere(payload, undefined)
        await listenForInvalidations(({ path }) => revalidateHere(payload, path), payload.logger)
        payload.logger.info(`سرخط آماده است: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
        resolve(server)
      } catch (error) {
        reject(error)
      }
    })

    let stopping = false
    // server.close() stops accepting connections, but a keep-alive connection carries request
    // after request: under steady load the server went on serving for the whole grace period,
    // then cut the connections with requests on them (`npm run drill`, SIGTERM drill). While
    // stopping, every answer says `Connection: close`, so each client's connection ends after
    // the request it has in flight.
    server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (stopping) res.setHeader('Connection', 'close')
    })
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
      control.server.close()
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

/**
 * A loopback listener on a port of its own that only this process accepts on (`exclusive`: a
 * cluster worker's listener is otherwise shared through the primary). Revalidation made outside
 * a Next request reaches this process's Next through it (src/server/revalidate.ts); it answers
 * nothing else.
 */
function controlListener(sarkhat: SarkhatApp): { server: Server; ready: Promise<void> } {
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith(REVALIDATE_ROUTE)) return sarkhat.app(req, res)
    res.writeHead(404).end()
  })
  const ready = new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      setControlOrigin(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      resolve()
    })
  })
  return { server, ready }
}
