import type { Payload } from 'payload'

export const DEFAULT_DEPARTMENT = 'روابط عمومی'

/**
 * Readers file every ticket to a department; a database without any would leave the ticket form
 * unusable, so the first boot creates one. Admins rename it or add more in «پشتیبانی ← واحدها».
 */
export async function ensureTicketDepartment(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'departments', overrideAccess: true })
  if (totalDocs === 0)
    await payload.create({
      collection: 'departments',
      data: { title: DEFAULT_DEPARTMENT, active: true, order: 0 },
      overrideAccess: true,
    })
}

const demoDepartments = ['امور مشتریان', 'بازرسی و رسیدگی به شکایات']
const demoCannedResponses = [
  {
    title: 'دریافت و ارجاع',
    body: 'با سلام و احترام، درخواست شما دریافت شد و برای بررسی به واحد مربوط ارجاع گردید. نتیجه از همین راه به آگاهی شما خواهد رسید.',
  },
  {
    title: 'نیاز به اطلاعات بیشتر',
    body: 'با سلام، برای بررسی دقیق‌تر لطفاً تاریخ، محل و جزئیات بیشتری از موضوع را در پاسخ همین درخواست بنویسید.',
  },
]

/** Demo departments and canned answers (once, with the rest of the demo content). */
export async function seedDemoSupport(payload: Payload): Promise<void> {
  for (const [i, title] of demoDepartments.entries()) {
    const { totalDocs } = await payload.count({
      collection: 'departments',
      where: { title: { equals: title } },
      overrideAccess: true,
    })
    if (!totalDocs)
      await payload.create({
        collection: 'departments',
        data: { title, active: true, order: i + 1 },
        overrideAccess: true,
      })
  }
  for (const canned of demoCannedResponses) {
    const { totalDocs } = await payload.count({
      collection: 'canned-responses',
      where: { title: { equals: canned.title } },
      overrideAccess: true,
    })
    if (!totalDocs) await payload.create({ collection: 'canned-responses', data: canned, overrideAccess: true })
  }
}
