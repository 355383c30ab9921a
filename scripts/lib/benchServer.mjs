// The production server as the benchmarks start it: a free loopback port, a fresh secret and
// admin, no demo content, and a stop that waits for the process to exit.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'

import { serverNodeArgs } from './serverCommand.mjs'

/** A TCP port nobody listens on at the moment (the kernel picks it). */
export const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

/**
 * `processes` > 1 starts that many workers (WEB_CONCURRENCY) and waits until all of them serve,
 * which the primary prints.
 */
export async function startBenchServer(databaseURI, { timeoutMs = 120_000, env: previous, processes = 1 } = {}) {
  const port = await freePort()
  // `previous`: the environment of an earlier start (same secret and admin), on a new port.
  const env = previous
    ? { ...previous, PORT: String(port), WEB_CONCURRENCY: String(processes) }
    : {
        ...process.env,
        NODE_ENV: 'production',
        ENV_FILE: 'none',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URI: databaseURI,
        PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
        ADMIN_EMAIL: 'bench@sarkhat.test',
        ADMIN_PASSWORD: crypto.randomBytes(12).toString('base64url'),
        SEED_DEMO: 'false',
        MEDIA_DIR: 'data/bench-media',
        WEB_CONCURRENCY: String(processes),
      }
  const child = spawn(process.execPath, serverNodeArgs(), { env, stdio: ['ignore', 'pipe', 'inherit'] })
  let allServing = processes === 1
  child.stdout.on('data', (chunk) => {
    if (String(chunk).includes('فرایند سرخط آماده‌اند')) allServing = true
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if (allServing && (await fetch(`${url}/healthz`)).ok) return { url, child, env }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error('server did not start')
}

export async function stopBenchServer(server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return // already gone (a drill killed it)
  server.child.kill('SIGTERM')
  await new Promise((r) => server.child.once('exit', r))
}

/** A bearer header for the benchmark's admin (created at boot from ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function adminAuth(server) {
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: server.env.ADMIN_EMAIL, password: server.env.ADMIN_PASSWORD }),
  })
  const { token } = await login.json()
  return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
}
