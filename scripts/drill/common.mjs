// What the three drills share: the site they write to, the mixed write load, a /readyz poller.
import crypto from 'node:crypto'

import { adminAuth } from '../lib/benchServer.mjs'
import { COMMENTS_PATH, guestComment, readerTicket, signInReaders, TICKETS_PATH, viewBeaconHeaders, viewBeaconPath } from '../lib/siteWrites.mjs'
import { startWriteLoad } from '../lib/writeLoad.mjs'

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const WORKERS = Number(process.env.DRILL_WORKERS_PER_KIND || 4)

/** The article written to, the ticket departments and signed-in readers' sessions. */
export async function siteFixture(server, readers = 20) {
  const auth = await adminAuth(server)
  const api = async (path) => (await fetch(`${server.url}${path}`, { headers: auth })).json()
  const [article] = (await api('/api/articles?limit=1&sort=-publishedAt&depth=0&select[slug]=true')).docs
  const departments = (await api('/api/departments?limit=10&depth=0')).docs.map((d) => d.id)
  return { articleId: article.id, departments, tokens: await signInReaders(server, readers) }
}

/** A run's marker prefix: letters and digits, unique per run, found again in the stored text. */
export const runTag = (name) => `${name}${crypto.randomBytes(3).toString('hex')}`

/** Guest comments, tickets by signed-in readers and view beacons at once, `workers` loops each. */
export function mixedWriteLoad(ctx, tag, { workers = WORKERS, rates = {} } = {}) {
  const { articleId, departments, tokens } = ctx.site
  return startWriteLoad({
    baseUrl: () => ctx.server.url,
    kinds: {
      beacon: { workers, rate: rates.beacon, request: () => ({ path: viewBeaconPath(articleId), headers: viewBeaconHeaders }) },
      comment: {
        workers,
        rate: rates.comment,
        request: (n) => ({ path: COMMENTS_PATH, marker: `${tag}-${n}`, ...guestComment(n, articleId, `نظر آزمون پایداری ${tag}-${n}`) }),
      },
      ticket: {
        workers,
        rate: rates.ticket,
        request: (n) => ({ path: TICKETS_PATH, marker: `${tag}-${n}`, ...readerTicket(n, tokens[n % tokens.length], departments[n % departments.length], `درخواست آزمون پایداری ${tag}-${n}`) }),
      },
    },
  })
}

/** Asks /readyz every `everyMs` until stopped; each sample: when it was sent, the status (0: no answer). */
export function pollReadyz(baseUrl, everyMs = 200) {
  const samples = []
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now()
      let status = 0
      try {
        status = (await fetch(`${baseUrl()}/readyz`, { signal: AbortSignal.timeout(5000) })).status
      } catch {}
      samples.push({ at, status })
      await sleep(everyMs)
    }
  })()
  return {
    samples,
    stop: async () => {
      stopped = true
      await loop
      return samples
    },
  }
}

/** Resolves with the first value `probe()` returns that is truthy, or null after `timeoutMs`. */
export async function waitFor(probe, timeoutMs, everyMs = 50) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = probe()
    if (value) return value
    await sleep(everyMs)
  }
  return null
}

/** A drill's verdict: every check passes. */
export const verdict = (name, checks, figures) => ({ name, pass: checks.every((c) => c.ok), checks, figures })

export const countBy = (items, key) => items.reduce((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {})
