import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { ParsedMail } from 'mailparser'

import { type Agent, registerReader, signIn } from './accounts'

export type TicketDoc = { id: number; code: string; subject: string; status: string; [key: string]: unknown }
export type MessageDoc = { id: number; body: string; internal?: boolean; [key: string]: unknown }

/** Files as the folder the server stores ticket attachments in (scripts/test.mjs sets it). */
export const ticketFilesDir = () => path.resolve(process.env.TICKET_FILES_DIR || 'data/ticket-files')
export const storedTicketFiles = () => (fs.existsSync(ticketFilesDir()) ? fs.readdirSync(ticketFilesDir()).sort() : [])

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
/** A minimal well-formed PDF, `padding` bytes of comment making it as large as needed. */
export const pdf = (padding = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%'),
    Buffer.alloc(padding, 'a'),
    Buffer.from('\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n'),
  ])

/** A verified reader and an agent signed in as them. */
export async function signedInReader(url: string, name = 'خواننده درخواست‌ها') {
  const reader = await registerReader(url, name)
  return { reader, agent: await signIn(url, 'readers', reader.email) }
}

export const ticketData = (department: number | string, data: Record<string, unknown> = {}) => ({
  type: 'complaint',
  department,
  subject: `موضوع آزمون ${crypto.randomBytes(3).toString('hex')}`,
  message: 'متن نخستین پیام درخواست',
  ...data,
})

/** Files a ticket as `agent` and returns it, failing loudly on anything but 201. */
export async function fileTicket(
  agent: Agent,
  department: number | string,
  data: Record<string, unknown> = {},
): Promise<TicketDoc> {
  const res = await agent.post('/api/tickets?depth=0').send(ticketData(department, data))
  if (res.status !== 201) throw new Error(`filing a ticket failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

export const postMessage = (agent: Agent, ticket: number | string, body: string, extra: Record<string, unknown> = {}) =>
  agent.post('/api/ticket-messages?depth=0').send({ ticket, body, ...extra })

/** Uploads a ticket attachment the way the ticket form does (multipart, `file` and `_payload`). */
export const upload = (agent: Agent, name: string, content: Buffer, contentType = 'application/octet-stream') =>
  agent
    .post('/api/ticket-attachments?depth=0')
    .field('_payload', '{}')
    .attach('file', content, { filename: name, contentType })

export async function uploadOk(
  agent: Agent,
  name: string,
  content: Buffer,
): Promise<{ id: number; filename: string; url: string; [key: string]: unknown }> {
  const res = await upload(agent, name, content)
  if (res.status !== 201) throw new Error(`uploading ${name} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

/** The path a ticket attachment is downloaded from. */
export const fileURL = (filename: string) => `/api/ticket-attachments/file/${encodeURIComponent(filename)}`

export const recipient = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '')

/** The current Jalali year in Tehran, computed independently of the app's own calendar code. */
export function jalaliYearNow(): number {
  const digits = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    timeZone: 'Asia/Tehran',
  }).format(new Date())
  return Number(digits.match(/\d{4}/)![0])
}
