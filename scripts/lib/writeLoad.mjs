// Public writes under sustained load, every request and its answer recorded, so that a script can
// check afterwards what the database holds against what the clients were told (exactly once).
// Plain fetch loops: a worker sends one request, waits for its answer, sends the next (closed
// loop), optionally paced to a rate per kind. Comments and tickets carry a unique marker in their
// text, so each answer can be matched with the rows stored.

const PERSIAN = /[\u0600-\u06FF]/
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Starts the load. `baseUrl()` is asked before every request (a restarted server listens on a new
 * port); `kinds` maps a kind to { workers, rate? (requests/s, else as fast as answered),
 * request(n) → { path, headers, body, marker? } }.
 */
export function startWriteLoad({ baseUrl, kinds, timeoutMs = 20_000 }) {
  const records = []
  let stopped = false
  const loops = []
  for (const [kind, { workers, rate, request }] of Object.entries(kinds)) {
    let n = 0
    let nextSlot = Date.now()
    for (let w = 0; w < workers; w++) {
      loops.push(
        (async () => {
          while (!stopped) {
            if (rate) {
              const slot = Math.max(Date.now(), nextSlot)
              nextSlot = slot + 1000 / rate
              if (slot > Date.now()) await sleep(slot - Date.now())
              if (stopped) break
            }
            const record = await send(baseUrl(), kind, n++, request, timeoutMs)
            records.push(record)
            // A server that is down refuses at once: do not spin.
            if (record.status === 0) await sleep(50)
          }
        })(),
      )
    }
  }
  return {
    records,
    /** Stops sending and waits for the answers of the requests in flight. */
    stop: async () => {
      stopped = true
      await Promise.all(loops)
      return records
    },
  }
}

async function send(base, kind, n, request, timeoutMs) {
  const { path, headers, body, marker } = request(n)
  const record = { kind, n, marker, start: Date.now(), end: 0, status: 0, error: null, message: null }
  try {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) })
    const text = await res.text()
    record.status = res.status
    if (!res.ok) record.message = errorMessage(text)
  } catch (error) {
    // fetch wraps the socket's error: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, or a timeout.
    record.error = error.name === 'TimeoutError' ? 'timeout' : (error.cause?.code ?? error.cause?.name ?? error.name)
  }
  record.end = Date.now()
  return record
}

function errorMessage(text) {
  try {
    const json = JSON.parse(text)
    return String(json.errors?.[0]?.message ?? json.message ?? text).slice(0, 200)
  } catch {
    return text.slice(0, 200)
  }
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0

/** Per kind: answers by status, network errors by code, latency; `filter` picks the records counted. */
export function summarize(records, filter = () => true) {
  const byKind = {}
  for (const r of records.filter(filter)) {
    const s = (byKind[r.kind] ??= {
      requests: 0,
      ok: 0,
      statuses: {},
      networkErrors: {},
      nonPersianErrors: 0,
      latencies: [],
    })
    s.requests++
    if (r.status >= 200 && r.status < 300) s.ok++
    else if (r.status) {
      s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1
      if (!PERSIAN.test(r.message ?? '')) s.nonPersianErrors++
    } else s.networkErrors[r.error] = (s.networkErrors[r.error] ?? 0) + 1
    s.latencies.push(r.end - r.start)
  }
  for (const s of Object.values(byKind)) {
    const sorted = s.latencies.sort((a, b) => a - b)
    s.p50ms = percentile(sorted, 50)
    s.p99ms = percentile(sorted, 99)
    s.maxMs = sorted.at(-1) ?? 0
    delete s.latencies
  }
  return byKind
}

export const isOk = (r) => r.status >= 200 && r.status < 300
/** Distinct error messages seen (status: message), for the report. */
export const errorMessages = (records) => [
  ...new Set(records.filter((r) => r.status && !isOk(r)).map((r) => `${r.status}: ${r.message}`)),
]
