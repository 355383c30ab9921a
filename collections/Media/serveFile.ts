import fs from 'node:fs/promises'
import path from 'node:path'

import type { UploadConfig } from 'payload'

type Handler = NonNullable<UploadConfig['handlers']>[number]

/**
 * A media address with no file behind it answers 404 (Payload's own answer is a 500, meant for a
 * record whose file went missing). Names outside the folder are left to Payload, which refuses them.
 */
export const missingFileIs404 = (staticDir: string): Handler =>
  (async (_req, { params }) => {
    const file = path.resolve(staticDir, params.filename)
    if (!file.startsWith(staticDir + path.sep)) return
    try {
      await fs.access(file)
    } catch {
      return Response.json({ errors: [{ message: 'پرونده پیدا نشد.' }] }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
    }
  }) as Handler
