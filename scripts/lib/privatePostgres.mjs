// A throwaway PostgreSQL cluster of a script's own (the drills stop and restart it, which the shared
// server must never suffer): initdb into a directory under os.tmpdir(), a free loopback port, the
// unix socket in that directory, trust authentication for user postgres. initdb refuses to run as
// root, so as root every binary runs as the postgres system user, who then owns the directory.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './benchServer.mjs'

const POSTGRES_ROOT = '/usr/lib/postgresql'

/** The bin directory of the newest PostgreSQL installed under /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir() {
  const versions = fs.existsSync(POSTGRES_ROOT)
    ? fs.readdirSync(POSTGRES_ROOT).filter((v) => fs.existsSync(path.join(POSTGRES_ROOT, v, 'bin', 'initdb')))
    : []
  if (!versions.length) throw new Error(`no PostgreSQL binaries (initdb) under ${POSTGRES_ROOT}/*/bin`)
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return path.join(POSTGRES_ROOT, newest, 'bin')
}

export async function startPrivatePostgres({ name = 'sarkhat-pg' } = {}) {
  const bin = postgresBinDir()
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`))
  const data = path.join(dir, 'data')
  const logFile = path.join(dir, 'postgres.log')
  if (asRoot) chownToPostgres(dir)

  const run = (tool, args, { check = true } = {}) => {
    const command = asRoot
      ? ['runuser', '-u', 'postgres', '--', path.join(bin, tool), ...args]
      : [path.join(bin, tool), ...args]
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8' })
    if (check && result.status !== 0)
      throw new Error(`${tool} ${args[0]} failed (${result.status}): ${result.stderr || result.stdout}`)
    return result
  }

  let removed = false
  const remove = () => {
    if (removed) return
    removed = true
    run('pg_ctl', ['stop', '-D', data, '-m', 'immediate'], { check: false })
    fs.rmSync(dir, { recursive: true, force: true })
  }
  // Also on a crash or Ctrl-C of the script: no cluster is left running behind it.
  const interrupted = () => process.exit(130) // runs the 'exit' handler
  process.once('exit', remove)
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)

  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
    const port = await freePort()
    // pg_ctl keeps these options (postmaster.opts), so restarts reuse them.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`
    const start = () => run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options])
    start()
    return {
      port,
      dir,
      logFile,
      uri: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
      start,
      /** Fast shutdown: connected sessions are terminated, as an operator's restart would. */
      stop: () => run('pg_ctl', ['stop', '-w', '-D', data, '-m', 'fast']),
      remove: async () => {
        process.removeListener('exit', remove)
        process.removeListener('SIGINT', interrupted)
        process.removeListener('SIGTERM', interrupted)
        remove()
      },
    }
  } catch (error) {
    remove()
    throw error
  }
}

function chownToPostgres(dir) {
  const result = spawnSync('chown', ['-R', 'postgres:postgres', dir], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`chown failed: ${result.stderr}`)
}
