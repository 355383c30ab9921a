import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/** A department with tickets is kept (their record must stay whole); it can be hidden from the form instead. */
export const keepUsedDepartments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'tickets',
    where: { department: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0)
    throw new APIError(
      'این واحد درخواست ثبت‌شده دارد و حذف نمی‌شود؛ به جای حذف، گزینه «در فرم ثبت درخواست نمایش داده شود» را بردارید.',
      409,
      null,
      true,
    )
}
