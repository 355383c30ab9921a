import crypto from 'node:crypto'

import type { Request, RequestHandler, Response } from 'express'

/** Sent with every answer. Answers that know better (media files, attachments) replace them. */
const BASELINE: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // The admin frames the public site for live preview; nobody else frames either.
  'X-Frame-Options': 'SAMEORIGIN',
}

const HSTS = 'max-age=31536000; includeSubDomains'

/** Data blocks (JSON-LD) are not run, so they need no hash. */
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i

/** The hashes of every inline script in a page, in CSP's `'sha256-…'` form. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, content] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || DATA_BLOCK.test(attributes!)) continue
    hashes.add(`'sha256-${crypto.createHash('sha256').update(content!, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/**
 * The public pages' policy: scripts from this origin and exactly the inline scripts the page was
 * sent with (Next's bootstrap and streamed data), nothing injected into it runs. Hashes rather
 * than a nonce: a nonce differs per request, which would end the caching of rendered pages
 * (Next's ISR and the page cache serve the same bytes to every reader).
 */
export function publicPagePolicy(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/** The admin is Payload's Next app with scripts of its own: the policy here is who may frame it. */
const ADMIN_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"

const isHtml = (res: Response) => String(res.getHeader('content-type') ?? '').startsWith('text/html')

/**
 * Holds a public HTML page until its last byte, to hash its inline scripts into its policy.
 * A page the page cache answers already carries the policy it was stored with and is let through.
 */
function withHashedPolicy(res: Response): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
  const chunks: Buffer[] = []
  let holding: boolean | undefined
  let ending = false
  const decide = () => (holding ??= isHtml(res) && !res.getHeader('content-security-policy') && !res.headersSent)
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')

  // Next sends the head of a streamed page early; its headers are kept on the response instead,
  // to go out with the policy once the page is complete.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (ending || res.headersSent) return writeHead(status, ...rest)
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as
      Record<string, unknown> | unknown[] | undefined
    const message = rest.find((arg) => typeof arg === 'string') as string | undefined
    res.statusCode = status
    if (message) res.statusMessage = message
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string)
    else if (headers)
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string)
    return decide() ? res : writeHead(status)
  }) as Response['writeHead']
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!decide()) return write(chunk, ...rest)
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    callback?.()
    return true
  }) as Response['write']
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (!decide()) return end(chunk, ...rest)
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
    const body = Buffer.concat(chunks)
    res.setHeader('Content-Security-Policy', publicPagePolicy(body.toString('utf8')))
    res.removeHeader('transfer-encoding')
    res.setHeader('Content-Length', body.length)
    ending = true
    const callback = [chunk, ...rest].find((arg) => typeof arg === 'function') as (() => void) | undefined
    return end(body, callback)
  }) as Response['end']
}

type Routes = { adminRoute: string; apiRoute: string }
const isUnder = (req: Request, prefix: string) => req.path === prefix || req.path.startsWith(`${prefix}/`)

/**
 * Security headers for every answer: the baseline above, HSTS when the request came over HTTPS
 * (directly, or through a proxy TRUST_PROXY trusts), `frame-ancestors` on the admin, and on the
 * API a policy that lets nothing in an answer run.
 */
export function securityHeaders({ adminRoute, apiRoute }: Routes): RequestHandler {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(BASELINE)) res.setHeader(name, value)
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS)
    if (isUnder(req, adminRoute)) res.setHeader('Content-Security-Policy', ADMIN_POLICY)
    else if (isUnder(req, apiRoute))
      res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
    next()
  }
}

/**
 * The hashed script policy on public pages. It must see the page as Next wrote it: mounted after
 * compression (which then compresses what it passes on) and before the page cache (which stores
 * the policy with the page and serves both).
 */
export function publicPageScriptPolicy({ adminRoute, apiRoute }: Routes): RequestHandler {
  return (req, res, next) => {
    if (!isUnder(req, adminRoute) && !isUnder(req, apiRoute) && !req.path.startsWith('/_next/')) withHashedPolicy(res)
    next()
  }
}
