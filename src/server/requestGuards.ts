import type { RequestHandler, Response } from 'express'

import { persianStatusMessage } from '../lib/persianErrors'

// A host name or IPv4 address, or an IPv6 address in brackets, with an optional port.
const VALID_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

function badRequest(res: Response, isApi: boolean) {
  const message = persianStatusMessage(400)
  res.status(400).set('Cache-Control', 'no-store')
  if (isApi) res.json({ errors: [{ message }] })
  else
    res
      .type('html')
      .send(
        `<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8"><title>${message}</title><p>${message}</p></html>`,
      )
}

// An encoded CR or LF: no form or link puts one in a query string; in a log line it forges the next.
const LINE_BREAK_IN_QUERY = /%0[ad]/i

/**
 * Requests no browser sends, refused before any route: a Host header that is not a host (it
 * becomes part of URLs Payload and Next build), a path with a broken %-escape (Next answers
 * those with a 500) and a query string with a line break in it.
 */
export function rejectMalformedRequests(apiRoute: string): RequestHandler {
  return (req, res, next) => {
    const isApi = req.path.startsWith(apiRoute)
    const host = req.headers.host
    if (host !== undefined && !VALID_HOST.test(host)) return badRequest(res, isApi)
    try {
      decodeURIComponent(req.path)
    } catch {
      return badRequest(res, isApi)
    }
    const query = req.originalUrl.indexOf('?')
    if (query >= 0 && LINE_BREAK_IN_QUERY.test(req.originalUrl.slice(query))) return badRequest(res, isApi)
    next()
  }
}
