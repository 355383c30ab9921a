// Drill a: PostgreSQL stops (fast shutdown: sessions terminated) and comes back after a few
// seconds, under the write load, while the app keeps running. Expected: /readyz says 503 while
// the database is down, failed writes get a prompt 5xx with a Persian message (no hangs, no
// dropped connections), the app serves again within seconds of the database, without a restart,
// and every acknowledged write is stored exactly once.
import { errorMessages, isOk, summarize } from '../lib/writeLoad.mjs'
import { countBy, loadUnderWay, pollReadyz, sleep, verdict, waitFor } from './common.mjs'

const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_SECONDS || 5) * 1000
const RECOVERY_LIMIT_S = 10

export async function restartDatabaseDrill(ctx) {
  const { load, checkStored } = await loadUnderWay(ctx, 'pgrestart')
  const readyz = pollReadyz(() => ctx.server.url)

  const stopping = Date.now()
  ctx.pg.stop()
  const down = Date.now()
  await sleep(OUTAGE_MS)
  ctx.pg.start()
  const up = Date.now()
  const kinds = ['beacon', 'comment', 'ticket']
  // Seconds from the database's return to each kind's first acknowledged write sent after it.
  const firstOk = (kind) =>
    load.records
      .filter((r) => r.kind === kind && isOk(r) && r.start >= up)
      .reduce((min, r) => Math.min(min, r.end), Infinity)
  await waitFor(() => kinds.every((k) => firstOk(k) < Infinity), 60_000)
  await sleep(5000)
  const records = await load.stop()
  const samples = await readyz.stop()

  const recovery = Object.fromEntries(kinds.map((k) => [k, +((firstOk(k) - up) / 1000).toFixed(2)]))
  const readyAgain = samples.find((s) => s.at >= up && s.status === 200)
  const outageSamples = samples.filter((s) => s.at >= down && s.at < up)
  // Requests answered between the shutdown's start and the database's return: the outage.
  const duringOutage = records.filter((r) => r.end >= stopping && r.start < up)
  const outage = summarize(duringOutage)
  const all = summarize(records)
  const failed = records.filter((r) => !isOk(r))
  const stored = await checkStored(records)

  const checks = [
    {
      what: '/readyz answered 503 throughout the outage',
      ok: outageSamples.length > 0 && outageSamples.every((s) => s.status === 503),
      detail: `${outageSamples.filter((s) => s.status === 503).length}/${outageSamples.length} samples 503`,
    },
    {
      what: `every kind served again within ${RECOVERY_LIMIT_S} s of the database, no app restart`,
      ok: kinds.every((k) => recovery[k] <= RECOVERY_LIMIT_S),
      detail: kinds.map((k) => `${k} ${recovery[k]} s`).join(', '),
    },
    {
      what: 'failures are 5xx answers, none hung or dropped',
      ok: failed.every((r) => r.status >= 500),
      detail: `${failed.length} failed: ${JSON.stringify(countBy(failed, (r) => r.status || r.error))}`,
    },
    {
      what: 'every error message is Persian',
      ok: Object.values(all).every((s) => s.nonPersianErrors === 0),
      detail: errorMessages(records).join(' | ') || 'no errors',
    },
    {
      what: 'every 2xx stored exactly once, ticket codes unique, views ≥ acknowledged',
      ok: stored.exact,
      detail: JSON.stringify(stored),
    },
  ]
  return verdict('a. PostgreSQL restart under load', checks, {
    outageSeconds: +((up - stopping) / 1000).toFixed(1),
    recoverySeconds: recovery,
    readyzAgainSeconds: readyAgain ? +((readyAgain.at - up) / 1000).toFixed(2) : null,
    duringOutage: outage,
    whole: all,
    stored,
  })
}
