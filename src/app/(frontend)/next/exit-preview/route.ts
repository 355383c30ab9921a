import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { safeRedirectPath } from '@/lib/safeRedirect'

/** Leaves draft preview and returns to the page (same-site paths only). */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  redirect(safeRedirectPath(new URL(request.url).searchParams.get('to')))
}
