import type { Payload } from 'payload'

// `/articles/versions`, `/articles/versions/7`, `/globals/navigation/versions/3` (after the API root).
const VERSIONS_PATH = /^\/(globals\/)?([^/]+)\/versions(?:\/|$)/

/**
 * True for a versions route of a collection or global that keeps no versions: Payload would query
 * a versions table that does not exist (a 500 with the SQL in the log); it is answered 404 instead.
 */
export function isVersionsRouteWithoutVersions(payload: Payload, path: string): boolean {
  const match = VERSIONS_PATH.exec(path)
  if (!match) return false
  const [, isGlobal, slug] = match
  const entity = isGlobal
    ? payload.config.globals.find((global) => global.slug === slug)
    : payload.collections[slug as keyof typeof payload.collections]?.config
  return Boolean(entity) && !entity!.versions
}
