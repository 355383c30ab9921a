/** Largest ticket attachment accepted (TICKET_ATTACHMENT_MAX_BYTES, default 5 MB). */
export const attachmentMaxBytes = () => Number(process.env.TICKET_ATTACHMENT_MAX_BYTES || 5 * 1024 * 1024)
