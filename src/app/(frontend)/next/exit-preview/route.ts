import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

/** Leaves draft preview and returns to the page (same-site paths only). */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  const to = new URL(request.url).searchParams.get('to') ?? '/'
  redirect(to.startsWith('/') && !to.startsWith('//') ? to : '/')
}
