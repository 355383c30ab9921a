import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/** A reader's tickets are the organisation's record: an account that filed any is not deleted. */
export const keepReadersWithTickets: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'tickets',
    where: { requester: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) throw new APIError('این خواننده درخواست ثبت‌شده دارد و حساب او حذف نمی‌شود.', 409, null, true)
}
