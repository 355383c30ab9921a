import crypto from 'node:crypto'

import request from 'supertest'

import type { StaffRole } from '../../src/access/roles'

export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}@sarkhat.test`
export const PASSWORD = 'Gozarvazhe-Azmoon-1403'
export const SITE_ORIGIN = process.env.SERVER_URL ?? 'http://localhost:3000'

export type Agent = ReturnType<typeof request.agent>
type Doc = { id: number | string; email: string; name: string; [key: string]: unknown }

/**
 * A supertest agent signed in through the REST login route. Like a browser it keeps the cookie
 * and sends the site's Origin: Payload ignores auth cookies on requests from other origins (CSRF).
 */
export async function signIn(
  url: string,
  collection: 'users' | 'readers',
  email: string,
  password = PASSWORD,
  origin = SITE_ORIGIN,
): Promise<Agent> {
  const agent = request.agent(url).set('Origin', origin)
  const res = await agent.post(`/api/${collection}/login`).send({ email, password })
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return agent
}

/**
 * The first admin, created at boot from ADMIN_EMAIL / ADMIN_PASSWORD. `origin`: the site's public
 * origin when the server runs with its own address as SERVER_URL (browser tests).
 */
export const signInAsAdmin = (url: string, origin = SITE_ORIGIN) =>
  signIn(url, 'users', process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD, origin)

/** A staff account created by the admin through the REST API. */
export async function createStaff(admin: Agent, role: StaffRole, name = 'کارمند آزمون'): Promise<Doc> {
  const res = await admin.post('/api/users').send({ email: uniqueEmail(role), password: PASSWORD, name, roles: [role] })
  if (res.status !== 201) throw new Error(`creating ${role} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

const adminTokens = new Map<string, Promise<string>>()
/**
 * The first admin's session token for the server at `url`, signed in once per server. Sent as an
 * Authorization header, it works whatever public origin the server has.
 */
function adminToken(url: string): Promise<string> {
  if (!adminTokens.has(url)) {
    const login = request(url)
      .post('/api/users/login')
      .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
      .then((res) => {
        if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`)
        return res.body.token as string
      })
    login.catch(() => adminTokens.delete(url))
    adminTokens.set(url, login)
  }
  return adminTokens.get(url)!
}

/** Marks a reader's address as verified, as an admin can (readers otherwise follow the emailed link). */
export async function verifyReader(url: string, id: number | string): Promise<void> {
  const res = await request(url)
    .patch(`/api/readers/${id}`)
    .set('Authorization', `JWT ${await adminToken(url)}`)
    .send({ _verified: true })
  if (res.status !== 200) throw new Error(`verifying reader ${id} failed: ${res.status} ${JSON.stringify(res.body)}`)
}

/** A reader registered through the public REST route, as a visitor would, with the address verified so they can sign in. */
export async function registerReader(url: string, name = 'خواننده آزمون'): Promise<Doc> {
  const res = await request(url)
    .post('/api/readers')
    .set('Origin', SITE_ORIGIN)
    .send({ email: uniqueEmail('reader'), password: PASSWORD, name })
  if (res.status !== 201) throw new Error(`registering a reader failed: ${res.status} ${JSON.stringify(res.body)}`)
  await verifyReader(url, res.body.doc.id)
  return res.body.doc
}
