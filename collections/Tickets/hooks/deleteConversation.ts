import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A ticket an admin deletes takes its conversation with it: a message needs its ticket, and the
 * database does not cascade (without this the delete failed on the messages' NOT NULL key).
 * Attachments go through Payload so their files leave the disk too; messages have no hooks
 * worth running, so they go straight through the adapter. All in the delete's transaction.
 */
export const deleteConversation: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'ticket-attachments',
    where: { ticket: { equals: id } },
    overrideAccess: true,
    req,
  })
  await req.payload.db.deleteMany({ collection: 'ticket-messages', where: { ticket: { equals: id } }, req })
}
