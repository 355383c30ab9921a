/** Largest media file an editor may upload (MEDIA_MAX_BYTES, default 10 MB). */
export const mediaMaxBytes = () => Number(process.env.MEDIA_MAX_BYTES || 10 * 1024 * 1024)
