// `npm test`: builds the production app when the sources changed, then runs the Jest suites
// against it on a fresh test database — SQLite by default, PostgreSQL or MongoDB when
// DATABASE_URI says so (npm run test:postgres). `npm run test:e2e`: only the browser journeys.
// Extra arguments go to Jest.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'

import { buildIsCurrent } from './build-stamp.mjs'

if (!buildIsCurrent()) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URI: process.env.DATABASE_URI || 'file:./data/test.db',
  PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
  SERVER_URL: 'http://localhost:3000',
  ADMIN_EMAIL: 'admin@sarkhat.test',
  ADMIN_PASSWORD: crypto.randomBytes(12).toString('base64url'),
  ADMIN_NAME: 'مدیر آزمون',
  SEED_DEMO: 'true',
  DB_PUSH: 'false',
  ENV_FILE: 'none', // the tests never read a developer's .env
  MEDIA_DIR: 'data/test-media',
  TICKET_FILES_DIR: 'data/test-ticket-files',
  // Every test registers readers and files tickets from 127.0.0.1; the tests of these limits
  // start their own server with a low value.
  READER_SIGNUP_RATE_LIMIT_PER_HOUR: '0',
  TICKET_RATE_LIMIT_PER_HOUR: '0',
  SMTP_HOST: '',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-deprecation'].filter(Boolean).join(' '),
}
console.log(`پایگاه داده آزمون: ${env.DATABASE_URI.replace(/\/\/[^@]*@/, '//…@')}`)

// The suites of several instances need Redis (127.0.0.1:6379, or TEST_REDIS_URL). CI has it and
// requires them; a machine without it runs the rest and says what it left out.
const REDIS_SUITES = ['/test/process/jobsOnce', '/test/process/rateLimitCluster', '/test/process/scaleOut']
const redisTarget = new URL(process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379')
const redisAnswers = await new Promise((resolve) => {
  const socket = net.connect(Number(redisTarget.port || 6379), redisTarget.hostname)
  socket.setTimeout(1000, () => socket.destroy())
  socket.once('connect', () => socket.write('PING\r\n'))
  socket.once('data', (reply) => {
    resolve(String(reply).startsWith('+PONG'))
    socket.destroy()
  })
  socket.once('close', () => resolve(false))
  socket.once('error', () => resolve(false))
})
const withoutRedis = !redisAnswers && !process.env.CI
if (withoutRedis)
  console.log(
    `Redis در ${redisTarget.host} پاسخ نمی‌دهد: آزمون‌های چند نمونه‌ای (${REDIS_SUITES.join('، ')}) اجرا نمی‌شوند (در CI الزامی‌اند).`,
  )

// Two Jest runs, each on a fresh database: unit, HTTP and process tests, then the browser
// journeys (e2e). `--e2e` runs only the journeys; named test files run just those.
const args = process.argv.slice(2).filter((a) => a !== '--e2e')
const e2eOnly = process.argv.includes('--e2e')
const namedFiles = args.some((a) => !a.startsWith('-'))
const phases = namedFiles
  ? [{ name: 'آزمون‌های انتخاب‌شده', args }]
  : [
      ...(e2eOnly
        ? []
        : [
            {
              name: 'آزمون‌های واحد، HTTP و فرایند',
              args: [...args, '--testPathIgnorePatterns', '/test/browser/', ...(withoutRedis ? REDIS_SUITES : [])],
            },
          ]),
      { name: 'آزمون‌های مرورگر (e2e)', args: [...args, '--testPathPatterns', 'test/browser/'] },
    ]
let failed = 0
for (const phase of phases) {
  console.log(`\n== ${phase.name} ==`)
  const started = Date.now()
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--runInBand', '--forceExit', ...phase.args],
    { stdio: 'inherit', env },
  )
  console.log(`== ${phase.name}: ${Math.round((Date.now() - started) / 1000)} ثانیه ==`)
  if (jest.status !== 0) failed = jest.status ?? 1
}
process.exit(failed)
