import type { Endpoint, Payload } from 'payload'

import { publicPath } from '../lib/preview'
import { runSearch } from '../queries/search'

export const SEARCH_CACHE_CONTROL = 'public, max-age=30'

/** The JSON answer of a search: the outcome, with each result's public URL. */
export async function searchAnswer(payload: Payload, params: URLSearchParams) {
  const outcome = await runSearch(payload, Object.fromEntries(params.entries()))
  return { ...outcome, results: outcome.results.map((hit) => ({ ...hit, url: publicPath('articles', hit.slug) })) }
}

/**
 * GET /api/search?q=…&category=<id>&from=1403/01/01&to=1403/12/29&page=n — published articles
 * matching every word, title matches first, then newest. Used by the header's search box; the
 * /search page runs the same search on the server. Bad input answers 200 with a Persian
 * `message` (or `errors` per filter), never an error page.
 *
 * Our express server answers this path itself, before Next (src/server/app.ts: the same answer
 * without Next's routing and Payload's request setup); this endpoint serves it wherever the Next
 * app runs without that server.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) =>
    Response.json(await searchAnswer(req.payload, req.searchParams), {
      headers: { 'Cache-Control': SEARCH_CACHE_CONTROL },
    }),
}
