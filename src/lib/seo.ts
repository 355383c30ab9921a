/** Defaults the SEO plugin offers editors, and the site uses when they leave the fields empty. */
export const seoTitle = (doc: { title?: string | null }) => doc.title ?? ''

export const seoDescription = (doc: { lead?: string | null }) => {
  const lead = (doc.lead ?? '').replace(/\s+/g, ' ').trim()
  return lead.length > 160 ? `${lead.slice(0, 157)}…` : lead
}
