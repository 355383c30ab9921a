import { env } from '../../src/lib/env'

/** Largest media file an editor may upload (MEDIA_MAX_BYTES, default 10 MB). */
export const mediaMaxBytes = () => env().mediaMaxBytes
