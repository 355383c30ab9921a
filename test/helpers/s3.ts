import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'

export const TEST_BUCKETS = { public: 'sarkhat-test-media', private: 'sarkhat-test-private' } as const

export type TestS3 = {
  endpoint: string
  /** The S3_* variables that point a server at this storage. */
  env: Record<string, string>
  /** An object's bytes read straight from the bucket (not through Payload); null when missing. */
  object(bucket: string, key: string): Promise<Buffer | null>
  /** Removes an object behind Payload's back. */
  removeObject(bucket: string, key: string): Promise<void>
  /** Stops answering (open connections are cut too), like a storage that went down. */
  stop(): Promise<void>
}

/**
 * An S3 API (s3rver) in this process on 127.0.0.1, on a free port, over a temporary folder, with
 * the public and the private test bucket. s3rver accepts requests without a signature: the
 * helpers below read the buckets directly.
 */
export async function startS3(): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sarkhat-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: Object.values(TEST_BUCKETS).map((name) => ({ name })),
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const objectURL = (bucket: string, key: string) =>
    `${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
  let stopped = false
  return {
    endpoint,
    env: {
      S3_BUCKET: TEST_BUCKETS.public,
      S3_PRIVATE_BUCKET: TEST_BUCKETS.private,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async object(bucket, key) {
      const res = await fetch(objectURL(bucket, key))
      if (res.status === 404) return null
      if (!res.ok) throw new Error(`reading ${bucket}/${key} from s3rver: ${res.status}`)
      return Buffer.from(await res.arrayBuffer())
    },
    async removeObject(bucket, key) {
      const res = await fetch(objectURL(bucket, key), { method: 'DELETE' })
      if (!res.ok) throw new Error(`removing ${bucket}/${key} from s3rver: ${res.status}`)
    },
    async stop() {
      if (stopped) return
      stopped = true
      server.httpServer.closeAllConnections()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
