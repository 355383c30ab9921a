// A process's resident memory and CPU time as the kernel reports them (/proc), and the machine's
// CPU time: on a shared machine, what else ran beside the server shows in the difference.
import fs from 'node:fs'

const statusField = (pid, field) =>
  Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024)

/** Resident memory now, in MB. */
export const rssMB = (pid) => statusField(pid, 'VmRSS')
/** Peak resident memory so far (the kernel's high-water mark), in MB. */
export const peakRssMB = (pid) => statusField(pid, 'VmHWM')

/** The largest peak among a process and its children (a cluster's workers), in MB. */
export function peakRssOfTreeMB(pid) {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
    ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    : []
  return Math.max(peakRssMB(pid), ...children.map((child) => peakRssMB(Number(child))))
}

/** CPU time (user + system) the process used so far, in clock ticks. */
export function processTicks(pid) {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** The machine's CPU time so far, in clock ticks: { busy, total } over all cores. */
export function machineTicks() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number)
  const idle = values[3] + values[4] // idle + iowait
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}
