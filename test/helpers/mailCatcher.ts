import type { AddressInfo } from 'node:net'

import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type MailCatcher = {
  port: number
  messages: ParsedMail[]
  /** Resolves with the first delivered message that matches, waiting up to `timeoutMs`. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  close(): Promise<void>
}

/** A real SMTP server on loopback that keeps every delivered message. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  // A server under test stopped in the middle of a delivery resets its connection: that is the
  // sender's business, not a failure of the test that stopped it.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') console.error(`mail catcher: ${error.message}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    messages,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const found = messages.find(match)
        if (found) return found
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no matching email within ${timeoutMs} ms (received ${messages.length})`)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
