import type { TicketStatus } from '../../src/lib/tickets/labels'
import {
  AUTO_CLOSE,
  canReopen,
  decideStatus,
  FILED_STATUS,
  historyBy,
  idleCutoff,
  messageEvent,
  needsReopenWindow,
  readerEditRefusal,
  STATUS_STAMPS,
  TICKET_EVENTS,
  TICKET_TRANSITIONS,
  type TicketEvent,
  ticketEmail,
} from '../../src/lib/tickets/statusMachine'

const STATUSES: TicketStatus[] = ['new', 'in_progress', 'answered', 'closed']
const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 0, 15, 12)
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString()

const READER_MAY_ONLY_CLOSE = 'شما فقط می‌توانید درخواست خود را ببندید یا پس از بسته شدن به آن امتیاز دهید.'
const RATING_ONLY_WHEN_CLOSED = 'امتیاز را پس از بسته شدن درخواست می‌توانید بدهید.'
const RATING_RANGE = 'امتیاز باید عددی از ۱ تا ۵ باشد.'
const CLOSED_FOR_GOOD = 'این درخواست بسته شده و مهلت پاسخ به آن گذشته است؛ لطفاً درخواست تازه‌ای ثبت کنید.'

/** The next status, or the refusal's [message, HTTP status], or null when the event does not apply. */
function outcome(event: TicketEvent, from: TicketStatus | null, options: Parameters<typeof decideStatus>[2] = {}) {
  const decision = decideStatus(event, from, options)
  if (!decision) return null
  return 'refused' in decision ? [decision.refused.message, decision.refused.httpStatus] : decision.to
}

describe('the ticket status table, event by event', () => {
  it('files every ticket as new, recording the filing and sending the filing emails', () => {
    expect(FILED_STATUS).toBe('new')
    expect(outcome('file', null)).toBe('new')
    const [filed] = TICKET_TRANSITIONS.filter((t) => t.event === 'file')
    expect(filed).toMatchObject({ from: null, to: 'new', records: { closedAt: 'clear' }, email: 'filed' })
    expect(TICKET_EVENTS.file).toMatchObject({ actor: 'reader', lastMessageAt: 'filedAt', messageEmail: null })
    expect(ticketEmail('file', null, 'new')).toBe('filed')
  })

  it('answers the ticket on a staff answer, from every status, a closed one included', () => {
    expect(STATUSES.map((from) => outcome('staffAnswer', from))).toEqual([
      'answered',
      'answered',
      'answered',
      'answered',
    ])
    const fromClosed = decideStatus('staffAnswer', 'closed')
    expect(fromClosed).toMatchObject({
      to: 'answered',
      transition: { records: { answeredAt: 'now', closedAt: 'clear' } },
    })
    // already answered: nothing to record
    expect(decideStatus('staffAnswer', 'answered')).toEqual({ to: 'answered', transition: null })
    expect(TICKET_EVENTS.staffAnswer).toMatchObject({ lastMessageAt: 'messageTime', messageEmail: 'staffReply' })
    expect(STATUSES.map((from) => ticketEmail('staffAnswer', from, 'answered'))).toEqual([null, null, null, null])
  })

  it('changes nothing on an internal note: no status, no last-message time, no email', () => {
    expect(STATUSES.map((from) => outcome('staffNote', from))).toEqual(STATUSES)
    for (const from of STATUSES) expect(decideStatus('staffNote', from)).toEqual({ to: from, transition: null })
    expect(TICKET_EVENTS.staffNote).toMatchObject({ lastMessageAt: null, messageEmail: null })
  })

  it('puts an answered or closed ticket back in progress on a reader reply; a new one stays new', () => {
    expect(STATUSES.map((from) => outcome('readerReply', from))).toEqual([
      'new',
      'in_progress',
      'in_progress',
      'in_progress',
    ])
    expect(TICKET_EVENTS.readerReply).toMatchObject({
      actor: 'reader',
      lastMessageAt: 'messageTime',
      messageEmail: 'readerReply',
    })
    expect(decideStatus('readerReply', 'closed')).toMatchObject({
      to: 'in_progress',
      transition: { records: { closedAt: 'clear' }, email: null },
    })
  })

  it('reopens a closed ticket on a reader reply only within the reopening window', () => {
    const closed = (closedDaysAgo: number, reopenDays: number) =>
      outcome('readerReply', 'closed', { closedAt: daysAgo(closedDaysAgo), reopenDays, now: NOW })
    expect(closed(6, 7)).toBe('in_progress')
    expect(closed(7, 7)).toBe('in_progress')
    expect(closed(7.01, 7)).toEqual([CLOSED_FOR_GOOD, 409])
    expect(closed(0.001, 0)).toEqual([CLOSED_FOR_GOOD, 409])
    // closed without a recorded time: always reopens
    expect(outcome('readerReply', 'closed', { closedAt: null, reopenDays: 0, now: NOW })).toBe('in_progress')
    // only a closed ticket needs the window; the others never read the settings
    expect(STATUSES.map((from) => needsReopenWindow('readerReply', from))).toEqual([false, false, false, true])
    expect(needsReopenWindow('staffAnswer', 'closed')).toBe(false)
    // an open ticket takes a reply whatever the window says
    for (const from of STATUSES.filter((s) => s !== 'closed'))
      expect(outcome('readerReply', from, { closedAt: daysAgo(100), reopenDays: 0, now: NOW })).not.toEqual([
        CLOSED_FOR_GOOD,
        409,
      ])
  })

  it('lets a reader only close their ticket, from any status', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const expected = to === from || to === 'closed' ? to : [READER_MAY_ONLY_CLOSE, 400]
        expect([from, to, outcome('readerSetsStatus', from, { requested: to })]).toEqual([from, to, expected])
      }
      // no status sent: nothing changes
      expect(outcome('readerSetsStatus', from, {})).toBe(from)
      // anything that is no status is refused the same way
      expect(outcome('readerSetsStatus', from, { requested: 'archived' })).toEqual([READER_MAY_ONLY_CLOSE, 400])
      expect(outcome('readerSetsStatus', from, { requested: null })).toEqual([READER_MAY_ONLY_CLOSE, 400])
    }
    expect(ticketEmail('readerSetsStatus', 'answered', 'closed')).toBe('closed')
    expect(ticketEmail('readerSetsStatus', 'closed', 'closed')).toBeNull()
  })

  it('lets staff set any status, and tells the reader when they close it', () => {
    for (const from of STATUSES)
      for (const to of STATUSES) expect(outcome('staffSetsStatus', from, { requested: to })).toBe(to)
    // a value that is no status is left to the select field's validation
    expect(outcome('staffSetsStatus', 'new', { requested: 'archived' })).toBeNull()
    expect(STATUSES.map((from) => ticketEmail('staffSetsStatus', from, 'closed'))).toEqual([
      'closed',
      'closed',
      'closed',
      null,
    ])
    expect(ticketEmail('staffSetsStatus', 'closed', 'new')).toBeNull()
    expect(decideStatus('staffSetsStatus', 'closed', { requested: 'new' })).toMatchObject({
      to: 'new',
      transition: { records: { closedAt: 'clear' } },
    })
  })

  it('closes automatically only an answered ticket, in the automatic email’s words', () => {
    expect(AUTO_CLOSE).toMatchObject({ event: 'autoClose', from: 'answered', to: 'closed', guard: 'idle' })
    expect(STATUSES.map((from) => outcome('autoClose', from))).toEqual([null, null, 'closed', null])
    expect(ticketEmail('autoClose', 'answered', 'closed')).toBe('closedAutomatically')
    expect(TICKET_EVENTS.autoClose.actor).toBe('system')
    expect(idleCutoff(7, NOW).toISOString()).toBe(daysAgo(7))
    expect(idleCutoff(0, NOW).getTime()).toBe(NOW)
  })
})

describe('what a change records', () => {
  it('stamps answered and closed, and clears the closing time whenever a ticket is not closed', () => {
    expect(STATUS_STAMPS).toEqual({
      new: { closedAt: 'clear' },
      in_progress: { closedAt: 'clear' },
      answered: { answeredAt: 'now', closedAt: 'clear' },
      closed: { closedAt: 'now' },
    })
  })

  it('records a history entry for every row that changes the status, and only those', () => {
    for (const t of TICKET_TRANSITIONS)
      expect([t.event, t.from, t.to, t.records !== null]).toEqual([t.event, t.from, t.to, t.from !== t.to])
    // the rows every status can take: staff may set any status, the others move as above
    expect(TICKET_TRANSITIONS.filter((t) => t.event === 'staffSetsStatus')).toHaveLength(12)
    expect(TICKET_TRANSITIONS.filter((t) => t.event === 'readerSetsStatus').map((t) => [t.from, t.to])).toEqual([
      ['new', 'closed'],
      ['in_progress', 'closed'],
      ['answered', 'closed'],
    ])
  })

  it('names who made the change in the history', () => {
    const reader = { reader: true } as const
    const staff = { reader: false, name: 'مهدی پشتیبان' } as const
    expect(historyBy('file', reader)).toBe('خواننده')
    expect(historyBy('file', null)).toBe('سامانه')
    expect(historyBy('readerSetsStatus', reader)).toBe('خواننده')
    expect(historyBy('staffSetsStatus', staff)).toBe('مهدی پشتیبان')
    expect(historyBy('staffSetsStatus', { reader: false })).toBe('پشتیبانی')
    expect(historyBy('staffSetsStatus', null)).toBe('سامانه')
    // a message names its author, whoever the session is; without a name, the session
    expect(historyBy('staffAnswer', staff, 'کارشناس پشتیبانی')).toBe('کارشناس پشتیبانی')
    expect(historyBy('readerReply', reader, 'رضا پیگیر')).toBe('رضا پیگیر')
    expect(historyBy('readerReply', reader, '')).toBe('خواننده')
    // the status field's edit never takes a message's author
    expect(historyBy('staffSetsStatus', staff, 'کسی دیگر')).toBe('مهدی پشتیبان')
    expect(historyBy('autoClose', null)).toBe('بستن خودکار')
    expect(historyBy('autoClose', staff, 'کسی')).toBe('بستن خودکار')
  })
})

describe('messages and reader edits', () => {
  it('knows a message’s event from who wrote it', () => {
    expect(messageEvent({ fromStaff: true, internal: false })).toBe('staffAnswer')
    expect(messageEvent({ fromStaff: true, internal: true })).toBe('staffNote')
    expect(messageEvent({ fromStaff: false, internal: false })).toBe('readerReply')
    expect(messageEvent({})).toBe('readerReply')
  })

  it('lets a reader rate only a closed (or closing) ticket, from 1 to 5', () => {
    expect(readerEditRefusal('answered', { status: 'in_progress' })?.message).toBe(READER_MAY_ONLY_CLOSE)
    expect(readerEditRefusal('answered', { rating: 5 })).toEqual({ message: RATING_ONLY_WHEN_CLOSED, httpStatus: 400 })
    expect(readerEditRefusal('answered', { ratingComment: 'خوب' })?.message).toBe(RATING_ONLY_WHEN_CLOSED)
    expect(readerEditRefusal('answered', { status: 'closed', rating: 5, ratingComment: 'خوب' })).toBeNull()
    expect(readerEditRefusal('closed', { rating: 4, ratingComment: 'پاسخ سریع بود.' })).toBeNull()
    expect(readerEditRefusal('closed', { rating: 6 })).toEqual({ message: RATING_RANGE, httpStatus: 400 })
    expect(readerEditRefusal('closed', { rating: 0 })?.message).toBe(RATING_RANGE)
    expect(readerEditRefusal('closed', { rating: 2.5 })?.message).toBe(RATING_RANGE)
    expect(readerEditRefusal('closed', { rating: null, ratingComment: '' })).toBeNull()
    // the status is judged first
    expect(readerEditRefusal('answered', { status: 'new', rating: 9 })?.message).toBe(READER_MAY_ONLY_CLOSE)
    // fields a reader may not change are dropped by field access, not refused here
    expect(readerEditRefusal('answered', {})).toBeNull()
  })

  it('keeps the reopening window’s edge: within the days counts', () => {
    expect(canReopen(daysAgo(3), 3, NOW)).toBe(true)
    expect(canReopen(new Date(NOW - 3 * DAY - 1), 3, NOW)).toBe(false)
    expect(canReopen(undefined, 0, NOW)).toBe(true)
  })
})
