import { APIError, type CollectionAfterChangeHook, type CollectionAfterDeleteHook, type UploadConfig } from 'payload'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

export const FILE_NOT_FOUND = 'پرونده پیدا نشد.'
export const STORAGE_UNAVAILABLE = 'فضای نگهداری پرونده‌ها اکنون در دسترس نیست؛ چند لحظه بعد دوباره امتحان کنید.'

const answer = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

/**
 * The storage plugin's file handler answers a missing object with an empty 404 and every other
 * failure (storage unreachable, refused credentials) with a bare 500 after logging it. Readers get
 * the same Persian 404 a missing local file gives, and a 503 for a storage they cannot reach now.
 */
export const withStorageAnswers = (serve: FileHandler): FileHandler =>
  (async (req, args) => {
    let response: Response | void
    try {
      response = await serve(req, args)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `object storage: ${args.params.filename}` })
      return answer(503, STORAGE_UNAVAILABLE, { 'Retry-After': '30' })
    }
    if (!(response instanceof Response)) return response
    if (response.status === 404) return answer(404, FILE_NOT_FOUND)
    if (response.status >= 500) return answer(503, STORAGE_UNAVAILABLE, { 'Retry-After': '30' })
    return response
  }) as FileHandler

/** What a file replacement changes on a record: put back as it was when storing the new file failed. */
const FILE_FIELDS = [
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'sizes',
  'url',
  'prefix',
]

/**
 * The plugin writes to storage after the record is saved (afterChange). On PostgreSQL a failure
 * rolls the request's transaction back; SQLite runs without transactions, so the record is
 * removed here (a new one) or given its previous file back (a replacement): a failed upload leaves
 * no record pointing at a file that was never stored. For a new record, `removeStored` (the
 * plugin's own delete hooks) also removes what reached the storage before the failure, e.g. the
 * original when a size failed. The client gets a Persian 503.
 */
export const undoRecordWhenStoringFails =
  (store: CollectionAfterChangeHook, removeStored: CollectionAfterDeleteHook[] = []): CollectionAfterChangeHook =>
  async (args) => {
    try {
      return await store(args)
    } catch (error) {
      const { collection, doc, operation, previousDoc, req } = args
      const where = { id: { equals: doc.id } }
      try {
        if (operation === 'create') {
          await req.payload.db.deleteOne({ collection: collection.slug, where, req })
          // Best effort: these hooks log their own failures (the storage may still be down).
          for (const remove of removeStored) await remove({ collection, context: req.context, doc, id: doc.id, req })
        } else if (previousDoc) {
          const data = Object.fromEntries(FILE_FIELDS.filter((f) => f in previousDoc).map((f) => [f, previousDoc[f]]))
          await req.payload.db.updateOne({ collection: collection.slug, where, data, req })
        }
      } catch (undoError) {
        req.payload.logger.error({ err: undoError, msg: `object storage: undoing ${collection.slug} ${doc.id} failed` })
      }
      req.payload.logger.error({ err: error, msg: `object storage: storing ${collection.slug} ${doc.id} failed` })
      throw new APIError(STORAGE_UNAVAILABLE, 503, null, true)
    }
  }
