// Drill c: SIGTERM under the write load. Expected: the server stops accepting, every request sent
// before the signal gets its answer (no connection reset), and the process exits 0 within its
// grace period (SHUTDOWN_GRACE_MS, 10 s). Requests sent after the signal are refused (not
// accepted); they are counted apart.
import { isOk, summarize } from '../lib/writeLoad.mjs'
import { countBy, loadUnderWay, sleep, verdict } from './common.mjs'

const GRACE_MS = 10_000

export async function sigtermDrill(ctx) {
  const { load, checkStored } = await loadUnderWay(ctx, 'sigterm')

  const child = ctx.server.child
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const signalled = Date.now()
  child.kill('SIGTERM')
  const { code, signal } = await exited
  const exitMs = Date.now() - signalled
  await sleep(500)
  const records = await load.stop()
  ctx.server = null // exited: the next drill starts its own

  const before = records.filter((r) => r.start < signalled)
  const inFlight = before.filter((r) => r.end >= signalled)
  const unanswered = before.filter((r) => !r.status)
  const after = records.filter((r) => r.start >= signalled)
  const stored = await checkStored(records)
  const checks = [
    { what: 'exit code 0', ok: code === 0, detail: `code ${code}${signal ? `, signal ${signal}` : ''}` },
    { what: `exited within the grace period (${GRACE_MS / 1000} s)`, ok: exitMs < GRACE_MS, detail: `${exitMs} ms` },
    {
      what: 'every request sent before the signal answered (no reset)',
      ok: unanswered.length === 0,
      detail: `${inFlight.length} in flight at the signal, ${inFlight.filter(isOk).length} answered 2xx; unanswered ${JSON.stringify(countBy(unanswered, (r) => r.error))}`,
    },
    {
      what: 'every request sent before the signal answered 2xx',
      ok: before.every(isOk),
      detail: JSON.stringify(
        countBy(
          before.filter((r) => !isOk(r)),
          (r) => r.status || r.error,
        ),
      ),
    },
    {
      what: 'every 2xx stored exactly once, ticket codes unique, views ≥ acknowledged',
      ok: stored.exact,
      detail: JSON.stringify(stored),
    },
    {
      // Sent after the signal on a connection the server was closing: refused, not accepted.
      what: 'requests cut after the signal were not processed',
      ok: stored.comment.storedUnacknowledged === 0 && stored.ticket.storedUnacknowledged === 0,
      detail: `${after.filter((r) => !r.status && r.error !== 'ECONNREFUSED').length} cut, ${after.filter((r) => r.error === 'ECONNREFUSED').length} refused; comments or tickets stored without an answer: ${stored.comment.storedUnacknowledged + stored.ticket.storedUnacknowledged}`,
    },
  ]
  return verdict('c. SIGTERM under load', checks, {
    exitMs,
    inFlightAtSignal: inFlight.length,
    afterSignal: countBy(after, (r) => r.status || r.error),
    whole: summarize(records),
    stored,
  })
}
