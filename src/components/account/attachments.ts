'use client'

import { errorsByField } from '@/lib/apiErrors'

export const ATTACHMENT_ACCEPT =
  'image/jpeg,image/png,image/webp,image/gif,application/pdf,.jpg,.jpeg,.png,.webp,.gif,.pdf'
export const MAX_FILES = 5

export type Uploaded = { file: File; id: number | string }

/**
 * Uploads the files not uploaded yet (a retry after a failed send reuses what already went up)
 * and returns every id, or the Persian reason the first failing file was refused.
 */
export async function uploadAttachments(
  files: File[],
  done: Uploaded[],
): Promise<{ uploaded: Uploaded[]; error?: string }> {
  const uploaded = done.filter((u) => files.includes(u.file))
  for (const file of files) {
    if (uploaded.some((u) => u.file === file)) continue
    const form = new FormData()
    form.append('file', file)
    form.append('_payload', '{}')
    try {
      const res = await fetch('/api/ticket-attachments?depth=0', {
        method: 'POST',
        credentials: 'same-origin',
        body: form,
      })
      const answer = await res.json().catch(() => null)
      if (!res.ok)
        return { uploaded, error: `${file.name}: ${errorsByField(answer, [], 'بارگذاری پیوست ممکن نشد.').form}` }
      uploaded.push({ file, id: answer.doc.id })
    } catch {
      return { uploaded, error: `${file.name}: ارتباط با سرور برقرار نشد.` }
    }
  }
  return { uploaded }
}
