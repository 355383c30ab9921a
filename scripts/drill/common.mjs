// What the three drills share: the mixed write load, a /readyz poller, small helpers.
import { mixedWriteLoad as siteWriteLoad, runTag } from '../lib/siteWrites.mjs'
import { checkStoredWrites, viewsOf } from '../lib/storedWrites.mjs'

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const WORKERS = Number(process.env.DRILL_WORKERS_PER_KIND || 4)

/**
 * The drills' load, under way for five seconds when this resolves: comments, tickets and beacons,
 * WORKERS client loops each, as fast as answered, marked with a fresh tag. `checkStored(records)`
 * then compares the database with the answers (scripts/lib/storedWrites.mjs).
 */
export async function loadUnderWay(ctx, name) {
  const tag = runTag(name)
  const viewsBefore = await viewsOf(ctx.uri, ctx.site.articleId)
  const load = siteWriteLoad({
    baseUrl: () => ctx.server.url,
    site: ctx.site,
    tag,
    workers: { beacon: WORKERS, comment: WORKERS, ticket: WORKERS },
  })
  await sleep(5000)
  return {
    load,
    checkStored: (records) => checkStoredWrites(ctx.uri, records, { tag, articleId: ctx.site.articleId, viewsBefore }),
  }
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
      } catch {
        // unreachable counts as status 0
      }
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
