// A process's resident memory as the kernel reports it (/proc/<pid>/status), in MB.
import fs from 'node:fs'

const statusField = (pid, field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024)

/** Resident memory now. */
export const rssMB = (pid) => statusField(pid, 'VmRSS')
/** Peak resident memory so far (the kernel's high-water mark). */
export const peakRssMB = (pid) => statusField(pid, 'VmHWM')
