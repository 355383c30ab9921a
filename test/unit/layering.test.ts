import fs from 'node:fs'
import path from 'node:path'

/**
 * src/lib is the ground floor: helpers that import packages and each other, never the layers
 * built on them (the Payload config, the database, the server, the site's queries and pages…).
 * Payload's *types* (src/payload-types.ts, `payload`) are fine: they come from packages or are
 * generated.
 */
const root = process.cwd()
const LIB = path.join(root, 'src/lib')

/** Paths (from the repository root) that src/lib may not import, nor anything under them. */
const FORBIDDEN = [
  'payload.config',
  'collections',
  'globals',
  'src/access',
  'src/app',
  'src/cli',
  'src/components',
  'src/db',
  'src/email',
  'src/endpoints',
  'src/fields',
  'src/jobs',
  'src/migrations',
  'src/plugins',
  'src/queries',
  'src/seed',
  'src/server',
]

/** Every module specifier of a source: static imports and re-exports, dynamic imports, require. */
function importSpecifiers(source: string): string[] {
  const pattern =
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3]!)
}

/** The repository path a specifier points at, or null for a package. */
function resolveSpecifier(specifier: string, fromFile: string): string | null {
  let target: string
  if (specifier === '@payload-config') target = path.join(root, 'payload.config')
  else if (specifier.startsWith('@/')) target = path.join(root, 'src', specifier.slice(2))
  else if (specifier.startsWith('@collections/')) target = path.join(root, 'collections', specifier.slice(13))
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier)
  else return null
  return path.relative(root, target).split(path.sep).join('/')
}

const isForbidden = (target: string) =>
  FORBIDDEN.some((prefix) => target === prefix || target.startsWith(`${prefix}/`) || target.startsWith(`${prefix}.`))

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(full)
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : []
  })
}

describe('layering', () => {
  it('finds every kind of import and resolves aliases and relative paths', () => {
    const source = `import a from '../db/kind'
import type { B } from "@/server/app"
import {
  c,
  d,
} from '@payload-config'
export * from './persian'
import 'side-effect'
const e = await import('../../collections/Media')
const f = require('@collections/Tickets/limits')`
    const file = path.join(LIB, 'example.ts')
    const targets = importSpecifiers(source).map((s) => resolveSpecifier(s, file))
    expect(targets).toEqual([
      'src/db/kind',
      'src/server/app',
      'payload.config',
      'src/lib/persian',
      null,
      'collections/Media',
      'collections/Tickets/limits',
    ])
    expect(targets.map((t) => t !== null && isForbidden(t))).toEqual([true, true, true, false, false, true, true])
    // A name that merely starts like a layer is not that layer.
    expect(isForbidden('src/serverURL')).toBe(false)
    expect(isForbidden('src/server.ts')).toBe(true)
  })

  it('keeps src/lib free of imports from the layers above it', () => {
    const files = sourcesUnder(LIB)
    expect(files.length).toBeGreaterThan(10)
    const violations = files.flatMap((file) =>
      importSpecifiers(fs.readFileSync(file, 'utf8'))
        .map((specifier) => ({ specifier, target: resolveSpecifier(specifier, file) }))
        .filter(({ target }) => target !== null && isForbidden(target))
        .map(({ specifier }) => `${path.relative(root, file)} imports ${specifier}`),
    )
    expect(violations).toEqual([])
  })
})
