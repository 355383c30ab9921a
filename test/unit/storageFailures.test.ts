import type { PayloadRequest } from 'payload'

import { FILE_NOT_FOUND, STORAGE_UNAVAILABLE, withStorageAnswers } from '../../src/lib/uploads/storageFailures'

type Handler = Parameters<typeof withStorageAnswers>[0]

const logged: unknown[] = []
const req = { payload: { logger: { error: (entry: unknown) => logged.push(entry) } } } as unknown as PayloadRequest
const args = { doc: { id: 1 }, params: { collection: 'media', filename: 'a.png' } } as Parameters<Handler>[1]
const answering = (response: Response | (() => never)): Handler =>
  (async () => (typeof response === 'function' ? response() : response)) as Handler

describe('answers of the object storage file handler', () => {
  it('passes a file through untouched', async () => {
    const file = new Response('bytes', { status: 200, headers: { 'Content-Type': 'image/png' } })
    expect(await withStorageAnswers(answering(file))(req, args)).toBe(file)
  })

  it('turns the plugin’s empty 404 into the Persian 404 of a missing local file', async () => {
    const res = (await withStorageAnswers(answering(new Response(null, { status: 404 })))(req, args)) as Response
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ errors: [{ message: FILE_NOT_FOUND }] })
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it.each([
    ['a bare 500', answering(new Response('Internal Server Error', { status: 500 }))],
    [
      'a thrown error',
      answering(() => {
        throw new Error('connect ECONNREFUSED')
      }),
    ],
  ])('answers %s with a Persian 503 that names nothing inside', async (_case, handler) => {
    const res = (await withStorageAnswers(handler)(req, args)) as Response
    expect(res.status).toBe(503)
    const body = await res.text()
    expect(JSON.parse(body)).toEqual({ errors: [{ message: STORAGE_UNAVAILABLE }] })
    expect(body).not.toMatch(/ECONNREFUSED|Internal/)
    expect(res.headers.get('Retry-After')).toBe('30')
  })
})
