import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isStaffUser } from '@/access/roles'
import { decodeSlug } from '@/lib/routeParams'
import { payloadClient } from '@/queries/content'
import { publicPath } from '@/lib/preview'

/**
 * The admin's preview button lands here. Only a signed-in staff member gets draft mode; the page
 * then renders the latest draft of the real public page.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const collection = url.searchParams.get('collection')
  const slug = decodeSlug(url.searchParams.get('slug') ?? '')
  if ((collection !== 'articles' && collection !== 'pages') || !slug)
    return Response.json({ message: 'پیوند پیش‌نمایش نادرست است.' }, { status: 400 })
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!isStaffUser(user))
    return Response.json({ message: 'برای پیش‌نمایش باید با حساب کارکنان وارد شوید.' }, { status: 403 })
  ;(await draftMode()).enable()
  redirect(publicPath(collection, slug))
}
