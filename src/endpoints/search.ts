import type { Endpoint } from 'payload'

import { publicPath } from '../lib/preview'
import { runSearch } from '../lib/search'

/**
 * GET /api/search?q=…&category=<id>&from=1403/01/01&to=1403/12/29&page=n — published articles
 * matching every word, title matches first, then newest. Used by the header's search box; the
 * /search page runs the same search on the server. Bad input answers 200 with a Persian
 * `message` (or `errors` per filter), never an error page.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const outcome = await runSearch(req.payload, Object.fromEntries(req.searchParams.entries()))
    return Response.json(
      { ...outcome, results: outcome.results.map((hit) => ({ ...hit, url: publicPath('articles', hit.slug) })) },
      { headers: { 'Cache-Control': 'public, max-age=30' } },
    )
  },
}
