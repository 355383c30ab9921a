/**
 * The keys hooks hand each other through `req.context`, typed. Payload's RequestContext is an
 * open `{ [key: string]: unknown }`; this augmentation adds the known keys on top of it, so a
 * read needs no cast and a misspelt key is an error. Every key says who sets it and who reads it.
 *
 * A context given to a Local API call is merged into the same request's context and stays there
 * after the call: a key may outlive the operation it was meant for (see `filingTicket`).
 *
 * Types only: tsconfig includes this file, so `tsc` and `next build` see it; bundles need nothing.
 */
import type { FirstMessage } from '../../collections/Tickets/hooks/prepareTicket'
import type { TicketSettings } from '../../collections/Tickets/settings'
import type { DrivenTicketEvent } from '../lib/tickets/statusMachine'
import type { SiteSetting, Ticket } from '../payload-types'
import type { SpentPoint } from '../rateLimits/points'

declare module 'payload' {
  export interface RequestContext {
    // Tickets

    /**
     * The message a ticket is being filed with, checked. Set by Tickets' prepareTicket (create);
     * read and cleared by createFirstMessage, which stores it once the ticket exists.
     */
    firstMessage?: FirstMessage
    /** That message's text. Set by createFirstMessage; read by notifyTicketChange for the department's email. */
    firstMessageBody?: string
    /**
     * The ticket whose first message is being stored. Set by createFirstMessage around its create
     * (then cleared); read through `filingTicketOf` by the message hooks prepareMessage (the
     * requester is the author, no query for the ticket), applyToTicket (no status change) and
     * notifyMessage (no reply email: the ticket's own notify hook sends the filing emails).
     */
    filingTicket?: Ticket
    /**
     * The department a ticket being filed was checked against, with its address. Set by
     * prepareTicket (create); read by recipients' departmentAddress, saving a query.
     */
    ticketDepartment?: { id: number | string; email: string | null }
    /** The site settings' ticket rules, once per request. Set and read by Tickets' ticketSettings. */
    ticketSettings?: TicketSettings
    /**
     * The event behind a ticket update another hook or a job makes (statusMachine's events), and
     * the message's author for the history. Set by TicketMessages' applyToTicket and the
     * closeIdleTickets job; read through `ticketEventOf` by prepareTicket (a reader's own-edit
     * rules do not apply), recordStatusChange (the history's "by") and notifyTicketChange (which
     * email). Absent: the update is the session's own edit of the status field.
     */
    ticketEvent?: { event: DrivenTicketEvent; author?: string }

    // Ticket attachments

    /**
     * The uploaded file's own name, cleaned, before it is replaced by a random one. Set by
     * TicketAttachments' screenUpload; read by its recordUploader as `originalName`.
     */
    attachmentOriginalName?: string

    // Comments

    /** The site settings, once per request. Set and read by Comments' commentSettings. */
    commentSettings?: SiteSetting
    /**
     * A public submission filled the hidden `website` field. Set by Comments' prepareComment;
     * read by screenSubmission, which files the comment as spam.
     */
    commentHoneypot?: boolean

    // Rate limits

    /**
     * The rate-limit points this request spent and gets back if it fails. Set by spendPoint
     * (src/rateLimits/points.ts, called by the comment, ticket and sign-up hooks); read and
     * cleared by the config's afterError hook refundSpentPoints.
     */
    spentRateLimitPoints?: SpentPoint[]

    // Site

    /**
     * Skip refreshing cached pages. Set by the seed (nothing is cached yet); read by the
     * revalidation hooks (src/server/revalidate.ts, Comments' revalidateArticlePage).
     */
    disableRevalidate?: boolean
  }
}
