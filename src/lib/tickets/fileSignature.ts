/** What a ticket attachment really is, judged by its first bytes, never by its name or claimed type. */
export type AttachmentKind = { mimeType: string; extension: string }

const SIGNATURES: { test: (head: Buffer) => boolean; kind: AttachmentKind }[] = [
  { test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, kind: { mimeType: 'image/jpeg', extension: 'jpg' } },
  {
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    kind: { mimeType: 'image/png', extension: 'png' },
  },
  {
    test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')),
    kind: { mimeType: 'image/gif', extension: 'gif' },
  },
  {
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
    kind: { mimeType: 'image/webp', extension: 'webp' },
  },
  {
    test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    kind: { mimeType: 'application/pdf', extension: 'pdf' },
  },
]

export const ATTACHMENT_MIME_TYPES = SIGNATURES.map((s) => s.kind.mimeType)

export function detectAttachmentKind(data: Buffer | undefined | null): AttachmentKind | null {
  if (!data || data.length < 12) return null
  return SIGNATURES.find((s) => s.test(data))?.kind ?? null
}

/** The extension a file name claims, lower-cased (`x.PDF` → `pdf`, `a.jpeg` → `jpg`). */
export function claimedExtension(name: string): string {
  const ext = (name.split('.').pop() ?? '').toLowerCase()
  return ext === 'jpeg' ? 'jpg' : ext
}
