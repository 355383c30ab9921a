// A fingerprint of everything that goes into the production build, so `npm start` and
// `npm test` rebuild only when the sources changed.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const INPUTS = [
  'src',
  'collections',
  'globals',
  'payload.config.ts',
  'next.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'scripts/bundle-server.mjs',
]
export const STAMP_FILE = path.join('.next', 'sarkhat-build-stamp')

function* files(entry) {
  if (!fs.existsSync(entry)) return
  if (fs.statSync(entry).isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name))
  } else yield entry
}

export function sourceFingerprint() {
  const hash = crypto.createHash('sha256')
  for (const input of INPUTS) for (const file of files(input)) hash.update(file).update(fs.readFileSync(file))
  return hash.digest('hex')
}

export function buildIsCurrent() {
  return (
    fs.existsSync('dist/server.mjs') &&
    fs.existsSync(STAMP_FILE) &&
    fs.readFileSync(STAMP_FILE, 'utf8') === sourceFingerprint()
  )
}
