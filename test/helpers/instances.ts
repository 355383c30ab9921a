import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A working folder as a second host would have it: its own copy of the production build (Next
 * writes regenerated pages into .next), its own data/ and media/; the code (dist/, node_modules/)
 * linked read-only. Start a server in it with `startServer(env, { cwd })`. Removed at process exit.
 */
export function separateWorkingFolder(label = 'instance'): string {
  const repo = process.cwd()
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `sarkhat-${label}-`))
  for (const shared of ['dist', 'node_modules', 'package.json', 'public'])
    if (fs.existsSync(path.join(repo, shared))) fs.symlinkSync(path.join(repo, shared), path.join(folder, shared))
  fs.cpSync(path.join(repo, '.next'), path.join(folder, '.next'), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(repo, '.next', 'cache')),
  })
  fs.mkdirSync(path.join(folder, 'data'))
  fs.mkdirSync(path.join(folder, 'media'))
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }))
  return folder
}
