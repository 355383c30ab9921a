// Drill b: the app is killed (SIGKILL: no shutdown code runs) under the write load and started
// again on the same database. Expected: every acknowledged write exists, nothing is stored twice,
// no ticket code is given out twice, and the view counter holds at least every acknowledged view.
// Requests in flight at the kill lose their answer; each of them is stored at most once.
import { startBenchServer } from '../lib/benchServer.mjs'
import { isOk, summarize } from '../lib/writeLoad.mjs'
import { countBy, loadUnderWay, sleep, verdict, waitFor } from './common.mjs'

export async function killAppDrill(ctx) {
  const { load, checkStored } = await loadUnderWay(ctx, 'kill')

  const exited = new Promise((resolve) => ctx.server.child.once('exit', (code, signal) => resolve(signal ?? code)))
  const killed = Date.now()
  ctx.server.child.kill('SIGKILL')
  const signal = await exited
  ctx.server = await startBenchServer(ctx.uri, { env: ctx.env })
  const up = Date.now()
  await waitFor(() => load.records.some((r) => isOk(r) && r.start >= up), 30_000)
  await sleep(5000)
  const records = await load.stop()

  const inFlight = records.filter((r) => r.start < killed && r.end >= killed)
  const stored = await checkStored(records)
  const afterRestart = records.filter((r) => r.start >= up)
  const checks = [
    { what: 'the app died of SIGKILL', ok: signal === 'SIGKILL', detail: String(signal) },
    {
      what: 'writes acknowledged again after the restart',
      ok: afterRestart.some(isOk),
      detail: `${afterRestart.filter(isOk).length}/${afterRestart.length} after restart 2xx`,
    },
    {
      what: 'no acknowledged write lost',
      ok: stored.comment.missing === 0 && stored.ticket.missing === 0,
      detail: `comments ${stored.comment.acknowledged} acknowledged, ${stored.comment.missing} missing; tickets ${stored.ticket.acknowledged}, ${stored.ticket.missing} missing`,
    },
    {
      what: 'nothing stored twice',
      ok: stored.comment.duplicated === 0 && stored.ticket.duplicated === 0,
      detail: `duplicated: comments ${stored.comment.duplicated}, tickets ${stored.ticket.duplicated}`,
    },
    {
      what: 'ticket codes unique, none missing',
      ok: stored.ticketCodesShared === 0 && stored.ticketsWithoutCode === 0,
      detail: `${stored.ticketCodesShared} shared, ${stored.ticketsWithoutCode} without code`,
    },
    {
      what: 'views counted ≥ beacons acknowledged',
      ok: stored.views.counted >= stored.views.acknowledged,
      detail: `${stored.views.counted} counted, ${stored.views.acknowledged} acknowledged`,
    },
  ]
  return verdict('b. kill -9 of the app under load, restart on the same database', checks, {
    bootSeconds: +((up - killed) / 1000).toFixed(1),
    inFlightAtKill: countBy(inFlight, (r) => `${r.kind}:${r.status || r.error}`),
    storedUnacknowledged: {
      comments: stored.comment.storedUnacknowledged,
      tickets: stored.ticket.storedUnacknowledged,
    },
    whole: summarize(records),
    stored,
  })
}
