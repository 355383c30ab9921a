/** Persian names of the ticket vocabularies, shared by collections, pages and emails. */
export const TICKET_TYPES = [
  { value: 'criticism', label: 'انتقاد' },
  { value: 'suggestion', label: 'پیشنهاد' },
  { value: 'complaint', label: 'شکایت' },
] as const

export const TICKET_STATUSES = [
  { value: 'new', label: 'تازه' },
  { value: 'in_progress', label: 'در حال بررسی' },
  { value: 'answered', label: 'پاسخ داده شده' },
  { value: 'closed', label: 'بسته' },
] as const

export const TICKET_PRIORITIES = [
  { value: 'low', label: 'کم' },
  { value: 'normal', label: 'عادی' },
  { value: 'high', label: 'زیاد' },
  { value: 'urgent', label: 'فوری' },
] as const

export type TicketType = (typeof TICKET_TYPES)[number]['value']
export type TicketStatus = (typeof TICKET_STATUSES)[number]['value']
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]['value']

const labelOf = <T extends readonly { value: string; label: string }[]>(list: T, value: string | null | undefined) =>
  list.find((item) => item.value === value)?.label ?? '—'

export const ticketTypeLabel = (value: string | null | undefined) => labelOf(TICKET_TYPES, value)
export const ticketStatusLabel = (value: string | null | undefined) => labelOf(TICKET_STATUSES, value)
export const ticketPriorityLabel = (value: string | null | undefined) => labelOf(TICKET_PRIORITIES, value)
