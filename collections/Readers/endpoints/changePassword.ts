import { APIError, type Endpoint } from 'payload'

import { isReaderUser } from '../../../src/access'

const MIN_LENGTH = 8

/**
 * `POST /api/readers/change-password` { currentPassword, newPassword }: a signed-in reader changes
 * their password after proving the current one (a wrong one counts toward the login lockout).
 */
export const changePasswordEndpoint: Endpoint = {
  path: '/change-password',
  method: 'post',
  handler: async (req) => {
    const { user, payload } = req
    if (!isReaderUser(user))
      return Response.json({ errors: [{ message: 'ابتدا وارد حساب کاربری خود شوید.' }] }, { status: 401 })
    const body = (await req.json?.().catch(() => null)) as { currentPassword?: unknown; newPassword?: unknown } | null
    const currentPassword = typeof body?.currentPassword === 'string' ? body.currentPassword : ''
    const newPassword = typeof body?.newPassword === 'string' ? body.newPassword : ''
    if (newPassword.length < MIN_LENGTH)
      return Response.json({ errors: [{ message: 'گذرواژه تازه دست‌کم ۸ نویسه باشد.' }] }, { status: 400 })
    try {
      await payload.login({
        collection: 'readers',
        data: { email: user!.email as string, password: currentPassword },
        req,
      })
    } catch (error) {
      const locked = error instanceof APIError && /lock|قفل/i.test(error.message)
      return Response.json(
        {
          errors: [
            { message: locked ? 'حساب شما به دلیل تلاش‌های نادرست موقتاً قفل شده است.' : 'گذرواژه کنونی درست نیست.' },
          ],
        },
        { status: 400 },
      )
    }
    await payload.update({
      collection: 'readers',
      id: user!.id,
      data: { password: newPassword },
      overrideAccess: true,
      req,
    })
    return Response.json({ message: 'گذرواژه شما تغییر کرد.' })
  },
}
