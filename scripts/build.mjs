// Production build: Next.js (admin, API, public site) and the express server bundle.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

import { STAMP_FILE, sourceFingerprint } from './build-stamp.mjs'

const started = Date.now()
const fingerprint = sourceFingerprint()
const next = spawnSync('npx', ['next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation' },
})
if (next.status !== 0) process.exit(next.status ?? 1)
await import('./bundle-server.mjs')
fs.writeFileSync(STAMP_FILE, fingerprint)
console.log(`ساخت نسخه تولید در ${Math.round((Date.now() - started) / 1000)} ثانیه انجام شد.`)
