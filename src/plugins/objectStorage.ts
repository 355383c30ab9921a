import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Plugin } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { env } from '../lib/env'
import { undoRecordWhenStoringFails, withStorageAnswers } from '../lib/uploads/storageFailures'

type S3Settings = NonNullable<ReturnType<typeof env>['s3']>
type StorageOptions = Parameters<typeof s3Storage>[0]

/** Where each upload collection's files live: key `<prefix>/<filename>` in its bucket. */
export const STORAGE_PREFIXES = { media: 'media', 'ticket-attachments': 'ticket-attachments' } as const
type StoredCollection = keyof typeof STORAGE_PREFIXES

function clientConfig(s3: S3Settings): StorageOptions['config'] {
  return {
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    // Without keys the SDK's own chain applies (instance role, AWS_* variables).
    credentials:
      s3.accessKeyId && s3.secretAccessKey
        ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
        : undefined,
    // A storage that does not answer fails the request in seconds (a 503), not after minutes.
    requestHandler: {
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      httpAgent: { keepAlive: true, maxSockets: 100 },
      httpsAgent: { keepAlive: true, maxSockets: 100 },
    },
    maxAttempts: 2,
    // Checksums only where S3 demands them: other S3-compatible stores refuse the newer headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

/**
 * The address the site renders for a file stays Payload's own route (`/api/media/file/<name>`),
 * as with local folders: files are always served through Payload, never from a bucket URL.
 */
const payloadFileURL =
  (config: Config, slug: StoredCollection) =>
  ({ filename }: { filename: string }) =>
    formatAdminURL({
      apiRoute: config.routes?.api ?? '/api',
      path: `/${slug}/file/${encodeURIComponent(filename)}`,
      serverURL: config.serverURL,
    })

const storageFor = (config: Config, slug: StoredCollection, bucket: string | undefined): StorageOptions => ({
  // Always in the configuration, so the schema (its `prefix` field) is the same with or without S3.
  enabled: Boolean(bucket),
  alwaysInsertFields: true,
  bucket: bucket ?? '',
  clientCacheKey: `sarkhat:${slug}`,
  config: env().s3 ? clientConfig(env().s3!) : {},
  collections: {
    [slug]: {
      prefix: STORAGE_PREFIXES[slug],
      // disablePayloadAccessControl stays unset: every file goes through Payload's read access
      // (attachments: owner and staff only), and no signed bucket URL is ever handed out.
      signedDownloads: false,
      generateFileURL: payloadFileURL(config, slug),
    },
  },
})

/**
 * Replaces the collection's file handlers by the plugin's, with Persian 404/503 answers (the
 * local-disk handlers would answer 404 for every stored object), and makes its upload hook
 * leave no record behind when storing fails.
 */
function withFailureHandling(before: CollectionConfig, after: CollectionConfig): CollectionConfig {
  if (typeof after.upload !== 'object') return after
  const own = (list: unknown[] | undefined) => new Set(list ?? [])
  const oldHandlers = own(typeof before.upload === 'object' ? before.upload.handlers : [])
  const oldAfterChange = own(before.hooks?.afterChange)
  const oldAfterDelete = own(before.hooks?.afterDelete)
  // The plugin's delete hooks: they remove a record's objects (original and sizes).
  const removeStored = (after.hooks?.afterDelete ?? []).filter((hook) => !oldAfterDelete.has(hook))
  return {
    ...after,
    upload: {
      ...after.upload,
      handlers: (after.upload.handlers ?? []).filter((h) => !oldHandlers.has(h)).map(withStorageAnswers),
    },
    hooks: {
      ...after.hooks,
      afterChange: (after.hooks?.afterChange ?? []).map((hook) =>
        oldAfterChange.has(hook) ? hook : undoRecordWhenStoringFails(hook, removeStored),
      ),
    },
  }
}

/**
 * Uploads in S3-compatible storage when S3_BUCKET is set: media (public) under `media/` in
 * S3_BUCKET, ticket attachments (private) under `ticket-attachments/` in S3_PRIVATE_BUCKET.
 * Without S3_BUCKET the plugin only adds its fields and files stay in the local folders.
 */
export const objectStorage: Plugin = async (incoming) => {
  const s3 = env().s3
  const buckets: Record<StoredCollection, string | undefined> = {
    media: s3?.bucket,
    'ticket-attachments': s3?.privateBucket,
  }
  let config = incoming
  for (const slug of Object.keys(buckets) as StoredCollection[]) {
    const before = config.collections?.find((c) => c.slug === slug)
    config = await s3Storage(storageFor(incoming, slug, buckets[slug]))(config)
    if (!s3 || !before) continue
    config = {
      ...config,
      collections: config.collections?.map((c) => (c.slug === slug ? withFailureHandling(before, c) : c)),
    }
  }
  return config
}
