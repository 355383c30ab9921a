import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

export type RunningServer = {
  url: string
  process: ChildProcess
  /** Everything the server printed, for assertions and for failure reports. */
  output(): string
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts the production server (`dist/server.mjs`, as `npm run serve` does) on a free port with
 * the test environment plus `env`, and waits until /healthz answers. Rejects with the server's
 * output if it exits first.
 */
export async function startServer(
  env: Record<string, string | undefined> = {},
  {
    waitForHealth = true,
    selfURL = false,
    cwd,
  }: { waitForHealth?: boolean; selfURL?: boolean; /** working folder (separateWorkingFolder) */ cwd?: string } = {},
): Promise<RunningServer> {
  const port = await freePort()
  // selfURL: the server's public origin is its own address (browser tests follow absolute links).
  if (selfURL) env = { SERVER_URL: `http://127.0.0.1:${port}`, ...env }
  // The production command line (scripts/lib/serverCommand.mjs), with its heap cap.
  const child = spawn(process.execPath, ['--max-old-space-size=384', '--conditions=production', 'dist/server.mjs'], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd,
  })
  // A test run that times out or is force-exited must not leave its servers running.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.removeListener('exit', killOnExit))
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
  if (!waitForHealth) return server

  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${server.url}/healthz`)
      if (res.ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await server.stop('SIGKILL')
  throw new Error(`server did not become healthy within 60 s:\n${output}`)
}
