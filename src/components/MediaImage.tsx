import React from 'react'

import type { Media } from '@/payload-types'

type Size = 'thumbnail' | 'card' | 'hero'

/** An uploaded image with its generated sizes as srcset; nothing when the relation is not populated. */
export function MediaImage({
  media,
  size,
  sizes,
  priority = false,
  className,
}: {
  media?: Media | number | null
  size: Size
  sizes: string
  priority?: boolean
  className?: string
}) {
  if (!media || typeof media !== 'object' || !media.url) return null
  const variants = (['thumbnail', 'card', 'hero'] as const)
    .map((name) => media.sizes?.[name])
    .filter((v): v is NonNullable<typeof v> => Boolean(v?.url && v.width))
  const chosen = media.sizes?.[size]?.url ? media.sizes[size]! : media
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={chosen.url!}
      srcSet={variants.length ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined}
      sizes={sizes}
      width={chosen.width ?? undefined}
      height={chosen.height ?? undefined}
      alt={media.alt}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
