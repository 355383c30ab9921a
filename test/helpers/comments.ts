import request from 'supertest'

import { SITE_ORIGIN } from './accounts'

let lastAddress = 10
/** A fresh client address (the server trusts X-Forwarded-For from loopback), so rate limits of one test do not touch another. */
export const newAddress = () => `198.51.100.${++lastAddress % 250}`

/** A visitor without an account posting from `address`, as the article page's form does. */
export const postAsGuest = (url: string, data: Record<string, unknown>, address = newAddress()) =>
  request(url).post('/api/comments?depth=0').set('Origin', SITE_ORIGIN).set('X-Forwarded-For', address).send(data)

export const publicComments = async (url: string, articleId: number | string) =>
  (await request(url).get(`/api/comments?where[article][equals]=${articleId}&depth=0&sort=createdAt&limit=100`)).body
    .docs as Record<string, unknown>[]
