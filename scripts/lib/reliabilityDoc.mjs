// docs/reliability.md keeps one generated section per drill or soak, between
// `<!-- <name>:start -->` and `<!-- <name>:end -->`; a run replaces its own section only.
import fs from 'node:fs'
import os from 'node:os'

const DOC = 'docs/reliability.md'

export function writeReliabilitySection(name, markdown) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const section = `${start}\n${markdown.trim()}\n${end}`
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Reliability\n'
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  const next =
    from >= 0 && to > from
      ? doc.slice(0, from) + section + doc.slice(to + end.length)
      : `${doc.trimEnd()}\n\n${section}\n`
  fs.writeFileSync(DOC, next)
}

/** One line on where a run took place: figures from a shared two-core VM are not a dedicated server's. */
export function machineNote() {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at the end ${load}; the machine is shared with other engineers' test runs`
}

/** A markdown table from rows of objects (columns: the first row's keys). */
export function markdownTable(rows) {
  if (!rows.length) return ''
  const keys = Object.keys(rows[0])
  return [
    `| ${keys.join(' | ')} |`,
    `|${keys.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${keys.map((k) => r[k]).join(' | ')} |`),
  ].join('\n')
}
