import { jalaliParts } from '../persian/jalali'

/** The Jalali year a ticket filed at `when` belongs to (Tehran time). */
export const ticketYear = (when: Date = new Date()): number => jalaliParts(when).year

/** `1405-000123`: the year, then the year's running number padded to six digits. */
export const formatTicketCode = (year: number, sequence: number): string =>
  `${year}-${String(sequence).padStart(6, '0')}`

/** Accepts what a reader types: Persian or Arabic digits, any dash, spaces around it. */
export function parseTicketCode(input: string | null | undefined): string | null {
  if (!input) return null
  const latin = input
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
  const match = latin.trim().match(/^(\d{4})\s*[-–—_/]\s*(\d{1,6})$/)
  return match ? formatTicketCode(Number(match[1]), Number(match[2])) : null
}
