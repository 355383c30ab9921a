import crypto from 'node:crypto'

import { revalidatePath } from 'next/cache'

import { revalidationToken } from '@/server/revalidate'

/** Loopback entry for revalidatePublicPages() calls made outside a Next request (jobs, scripts). */
export async function POST(request: Request): Promise<Response> {
  const given = Buffer.from(request.headers.get('x-sarkhat-revalidate') ?? '')
  const expected = Buffer.from(revalidationToken())
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return Response.json({ message: 'دسترسی ندارید.' }, { status: 403 })
  const path = new URL(request.url).searchParams.get('path')
  if (path && path.startsWith('/')) revalidatePath(path)
  else revalidatePath('/', 'layout')
  return Response.json({ revalidated: true })
}
