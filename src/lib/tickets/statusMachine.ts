import { TICKET_STATUSES, type TicketStatus } from './labels'
import { TICKET_MESSAGES } from './messages'

/**
 * The one owner of a ticket's status: which events move a ticket, who may cause them, where
 * they take it from each status, what a change records and which email it sends. The hooks, the
 * admin's status field and the idle-ticket job all ask here; nothing else decides a status.
 */

const DAY_MS = 24 * 60 * 60 * 1000
const STATUSES: readonly TicketStatus[] = TICKET_STATUSES.map((status) => status.value)

export const isTicketStatus = (value: unknown): value is TicketStatus => STATUSES.includes(value as TicketStatus)

/** Who causes an event: the requester, support staff (or scripts on their behalf), or the idle-ticket job. */
export type TicketActor = 'reader' | 'staff' | 'system'

/** What drives an event: filing the ticket, a message on it, an edit of the status field, or a job. */
export type TicketDriver = 'filing' | 'message' | 'statusField' | 'job'

export type TicketEvent =
  /** A reader files a ticket (staff and scripts may, through the Local API). Its first message is part of it. */
  | 'file'
  /** Staff post a public answer. */
  | 'staffAnswer'
  /** Staff post an internal note. */
  | 'staffNote'
  /** The requester writes again. */
  | 'readerReply'
  /** The requester edits the status field (the site's close button, the REST API). */
  | 'readerSetsStatus'
  /** Staff edit the status field (the admin panel, the REST API). */
  | 'staffSetsStatus'
  /** The idle-ticket job closes an answered ticket that heard nothing for the configured days. */
  | 'autoClose'

/** Events whose status change another collection's hook or a job carries out (see RequestContext.ticketEvent). */
export type DrivenTicketEvent = Extract<TicketEvent, 'staffAnswer' | 'staffNote' | 'readerReply' | 'autoClose'>

/** A refusal: the Persian answer and its HTTP status. */
export type TicketRefusal = { message: string; httpStatus: number }

/** The emails of the ticket itself; a message's own email is EventRule.messageEmail. */
export type TicketEmail = 'filed' | 'closed' | 'closedAutomatically'

type EventRule = {
  actor: TicketActor
  drivenBy: TicketDriver
  /**
   * What sets the ticket's last-message time, whether or not the status changes: the moment of
   * filing, the message's own time, or nothing (an internal note does not count as a message).
   */
  lastMessageAt: 'filedAt' | 'messageTime' | null
  /** The email the message sends: a staff answer to the reader, a reader's reply to the department and assignee. */
  messageEmail: 'staffReply' | 'readerReply' | null
  /** The answer when the table has no row for what was asked (status-field edits only). */
  refusal?: TicketRefusal
}

export const TICKET_EVENTS: Record<TicketEvent, EventRule> = {
  file: { actor: 'reader', drivenBy: 'filing', lastMessageAt: 'filedAt', messageEmail: null },
  staffAnswer: { actor: 'staff', drivenBy: 'message', lastMessageAt: 'messageTime', messageEmail: 'staffReply' },
  staffNote: { actor: 'staff', drivenBy: 'message', lastMessageAt: null, messageEmail: null },
  readerReply: { actor: 'reader', drivenBy: 'message', lastMessageAt: 'messageTime', messageEmail: 'readerReply' },
  readerSetsStatus: {
    actor: 'reader',
    drivenBy: 'statusField',
    lastMessageAt: null,
    messageEmail: null,
    refusal: { message: TICKET_MESSAGES.readerMayOnlyClose, httpStatus: 400 },
  },
  // No refusal: staff may set any status; a value that is no status is the select field's to refuse.
  staffSetsStatus: { actor: 'staff', drivenBy: 'statusField', lastMessageAt: null, messageEmail: null },
  autoClose: { actor: 'system', drivenBy: 'job', lastMessageAt: null, messageEmail: null },
}

/** A check a transition needs besides its starting status. */
export type TicketGuard =
  /** A closed ticket takes a reader's reply only within the site settings' reopening days. */
  | 'withinReopenWindow'
  /** The ticket heard nothing for the site settings' auto-close days (the job's query checks it). */
  | 'idle'

/** What a change of status writes on the ticket besides the status and a history entry. */
export type StatusStamps = { answeredAt?: 'now'; closedAt: 'now' | 'clear' }

/** Every change of status is kept in the history; these are the moments readers and the job care about. */
export const STATUS_STAMPS: Record<TicketStatus, StatusStamps> = {
  new: { closedAt: 'clear' },
  in_progress: { closedAt: 'clear' },
  answered: { answeredAt: 'now', closedAt: 'clear' },
  closed: { closedAt: 'now' },
}

export type TicketTransition = {
  event: TicketEvent
  /** `null`: the ticket is being filed. */
  from: TicketStatus | null
  to: TicketStatus
  guard?: TicketGuard
  /** When refused because the guard does not hold. */
  refusal?: TicketRefusal
  /** A history entry and stamps, or nothing when the status stays. */
  records: StatusStamps | null
  email: TicketEmail | null
}

function row(
  event: TicketEvent,
  from: TicketStatus | null,
  to: TicketStatus,
  extra: Pick<TicketTransition, 'guard' | 'refusal'> = {},
): TicketTransition {
  const changes = from !== to
  const email: TicketEmail | null =
    event === 'file'
      ? 'filed'
      : to === 'closed' && changes
        ? event === 'autoClose'
          ? 'closedAutomatically'
          : 'closed'
        : null
  return { event, from, to, ...extra, records: changes ? STATUS_STAMPS[to] : null, email }
}

/**
 * The state table. A status-field edit to the status a ticket already has changes nothing and is
 * always accepted; anything else not listed is refused with the event's refusal (or, for the job
 * and for staff, does not apply).
 */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  row('file', null, 'new'),
  // A staff answer answers the ticket from any status, a closed one included.
  ...STATUSES.map((from) => row('staffAnswer', from, 'answered')),
  // An internal note changes nothing.
  ...STATUSES.map((from) => row('staffNote', from, from)),
  // A new ticket stays new until staff pick it up; an answered or closed one is back in progress.
  row('readerReply', 'new', 'new'),
  row('readerReply', 'in_progress', 'in_progress'),
  row('readerReply', 'answered', 'in_progress'),
  row('readerReply', 'closed', 'in_progress', {
    guard: 'withinReopenWindow',
    refusal: { message: TICKET_MESSAGES.closedForGood, httpStatus: 409 },
  }),
  // A reader may only close their ticket.
  ...STATUSES.filter((from) => from !== 'closed').map((from) => row('readerSetsStatus', from, 'closed')),
  // Staff may set any status.
  ...STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => row('staffSetsStatus', from, to))),
  row('autoClose', 'answered', 'closed', { guard: 'idle' }),
]

export type StatusDecision = { to: TicketStatus; transition: TicketTransition | null } | { refused: TicketRefusal }

export type DecideOptions = {
  /** The status asked for, on a status-field edit (anything the client sent). */
  requested?: unknown
  /** For a reply to a closed ticket: when it was closed, and the reopening days of the site settings. */
  closedAt?: string | Date | null
  /**
   * Without it a reply to a closed ticket is taken as already accepted: prepareMessage judges the
   * window before the message is stored, applyToTicket then only moves the ticket.
   */
  reopenDays?: number
  now?: number
}

const unchanged = (from: TicketStatus): StatusDecision => ({ to: from, transition: null })

/**
 * Where `event` takes a ticket in status `from`: the next status (with its table row, `null`
 * when nothing changes), a refusal, or `null` when the event does not apply (the job on a ticket
 * that is not answered; staff asking for a value that is no status, which field validation refuses).
 */
export function decideStatus(
  event: TicketEvent,
  from: TicketStatus | null,
  options: DecideOptions = {},
): StatusDecision | null {
  const rule = TICKET_EVENTS[event]
  if (rule.drivenBy === 'statusField') {
    const { requested } = options
    if (requested === undefined || requested === from) return from === null ? null : unchanged(from)
    const transition = TICKET_TRANSITIONS.find((t) => t.event === event && t.from === from && t.to === requested)
    if (transition) return { to: transition.to, transition }
    return rule.refusal ? { refused: rule.refusal } : null
  }
  const transition = TICKET_TRANSITIONS.find((t) => t.event === event && t.from === from)
  if (!transition) return null
  if (transition.guard === 'withinReopenWindow' && options.reopenDays !== undefined) {
    if (!canReopen(options.closedAt, options.reopenDays, options.now)) return { refused: transition.refusal! }
  }
  return { to: transition.to, transition: transition.records ? transition : null }
}

/** Whether judging `event` on a ticket in status `from` needs the reopening days (saves reading the settings). */
export const needsReopenWindow = (event: TicketEvent, from: TicketStatus): boolean =>
  TICKET_TRANSITIONS.some((t) => t.event === event && t.from === from && t.guard === 'withinReopenWindow')

/** The status a ticket is filed with. */
export const FILED_STATUS: TicketStatus = TICKET_TRANSITIONS.find((t) => t.event === 'file')!.to

/** The one move the idle-ticket job makes: answered → closed. */
export const AUTO_CLOSE = TICKET_TRANSITIONS.find((t) => t.event === 'autoClose') as TicketTransition & {
  from: TicketStatus
}

/** The event a new message is: a staff answer, a staff internal note or the requester's reply. */
export const messageEvent = (message: {
  fromStaff?: boolean | null
  internal?: boolean | null
}): Extract<TicketEvent, 'staffAnswer' | 'staffNote' | 'readerReply'> =>
  message.fromStaff ? (message.internal ? 'staffNote' : 'staffAnswer') : 'readerReply'

/**
 * What a reader's edit of their ticket may do: close it (any status to closed), and once it is
 * (or becomes) closed, rate it from 1 to 5 and comment on the rating.
 */
export function readerEditRefusal(
  from: TicketStatus | null,
  data: { status?: unknown; rating?: unknown; ratingComment?: unknown },
): TicketRefusal | null {
  const decision = decideStatus('readerSetsStatus', from, { requested: data.status })
  if (decision && 'refused' in decision) return decision.refused
  const willBeClosed = (data.status ?? from) === 'closed'
  const { rating } = data
  if (rating !== undefined && rating !== null) {
    if (!willBeClosed) return { message: TICKET_MESSAGES.ratingOnlyWhenClosed, httpStatus: 400 }
    if (!Number.isInteger(Number(rating)) || Number(rating) < 1 || Number(rating) > 5)
      return { message: TICKET_MESSAGES.ratingRange, httpStatus: 400 }
  }
  if (data.ratingComment && !willBeClosed) return { message: TICKET_MESSAGES.ratingOnlyWhenClosed, httpStatus: 400 }
  return null
}

/** Who a history entry names. */
export const HISTORY_BY = {
  reader: 'خواننده',
  staff: 'پشتیبانی',
  system: 'سامانه',
  autoClose: 'بستن خودکار',
} as const

/** The signed-in account behind a change: a reader, a staff member (with their name), or none (a script). */
export type StatusSession = { reader: true } | { reader: false; name?: unknown } | null

/**
 * The history's "by" of a change: the job says so; a message names its author; otherwise the
 * session: the reader, the staff member by name, or the system for a script.
 */
export function historyBy(event: TicketEvent, session: StatusSession, messageAuthor?: string | null): string {
  if (event === 'autoClose') return HISTORY_BY.autoClose
  if (TICKET_EVENTS[event].drivenBy === 'message' && messageAuthor) return messageAuthor
  if (!session) return HISTORY_BY.system
  return session.reader ? HISTORY_BY.reader : String(session.name ?? HISTORY_BY.staff)
}

/** The email of the ticket itself that moving `from` → `to` by `event` sends. */
export function ticketEmail(event: TicketEvent, from: TicketStatus | null | undefined, to: TicketStatus) {
  if (event === 'file') return 'filed'
  if (from === to) return null
  const transition = TICKET_TRANSITIONS.find((t) => t.event === event && t.from === from && t.to === to)
  // A status the table does not know (a stored value outside the list) still tells the reader of a close.
  return transition ? transition.email : to === 'closed' ? 'closed' : null
}

/** A closed ticket takes a reader's reply (and reopens) only within `reopenDays` of closing. */
export function canReopen(closedAt: string | Date | null | undefined, reopenDays: number, now = Date.now()): boolean {
  if (!closedAt) return true
  return now - new Date(closedAt).getTime() <= reopenDays * DAY_MS
}

/** Answered tickets with no reply for `days` are closed by the idle-ticket job. */
export const idleCutoff = (days: number, now = Date.now()): Date => new Date(now - days * DAY_MS)
