// `npm start`: the one command a newcomer runs. Creates .env on first run (random secret and
// admin password), builds when the sources changed, then serves the production server, which
// migrates the database, creates the first admin and loads the demo content on a fresh database.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'

import { buildIsCurrent } from './build-stamp.mjs'
import { serverNodeArgs } from './lib/serverCommand.mjs'

if (!fs.existsSync('.env')) {
  const secret = crypto.randomBytes(32).toString('hex')
  const password = crypto.randomBytes(9).toString('base64url')
  const env = fs
    .readFileSync('.env.example', 'utf8')
    .replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${secret}`)
    .replace(/^ADMIN_PASSWORD=.*$/m, `ADMIN_PASSWORD=${password}`)
  fs.writeFileSync('.env', env, { mode: 0o600 })
  const email = /^ADMIN_EMAIL=(.*)$/m.exec(env)?.[1]
  console.log(`\nپرونده .env ساخته شد. ورود به پیشخوان: http://localhost:${process.env.PORT || 3000}/admin
  رایانامه: ${email}
  گذرواژه:  ${password}
(این گذرواژه در .env هم نوشته شده است.)\n`)
}

if (!buildIsCurrent()) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(process.execPath, serverNodeArgs(), {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
