// Request lists for autocannon that change from one request to the next (bench, soak).

/** A request list that rotates through `paths`, one per request. */
export function rotation(paths, extra = {}) {
  let next = 0
  return [{ method: 'GET', ...extra, setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }]
}

/** POST requests to `path`, the nth shaped by `make(n)` into { headers, body }. */
export function numberedPosts(path, make) {
  let n = 0
  return [{ method: 'POST', path, setupRequest: (req) => ({ ...req, ...make(n++) }) }]
}
