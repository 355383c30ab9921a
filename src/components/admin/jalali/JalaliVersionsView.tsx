import type { DocumentViewServerProps, Where } from 'payload'

import { Gutter, Pill, SetDocumentStepNav } from '@payloadcms/ui'
import { notFound } from 'next/navigation'
import React from 'react'

import { formatJalaliDateTime, toPersianDigits } from '../../../lib/persian'

const PAGE_SIZE = 20
type VersionRow = {
  id: number | string
  updatedAt: string
  autosave?: boolean | null
  version: { _status?: string | null }
}

/**
 * A document's «نسخه‌ها» tab: Payload's list, with Jalali times. Each row opens Payload's own
 * comparison view of that version (whose header and version picker remain Gregorian).
 */
export async function JalaliVersionsView({ hasPublishedDoc, initPageResult, searchParams }: DocumentViewServerProps) {
  const { collectionConfig, docID, req } = initPageResult
  if (!collectionConfig || docID === undefined) return notFound()
  const { payload, user } = req
  const slug = collectionConfig.slug
  const page = Math.max(1, Number.parseInt(String(searchParams?.page ?? '1'), 10) || 1)
  const parent: Where = { parent: { equals: docID } }
  const find = (where: Where, limit: number, current = 1) =>
    payload.findVersions({
      collection: slug,
      where,
      sort: '-updatedAt',
      limit,
      page: current,
      depth: 0,
      overrideAccess: false,
      user,
      req,
    })
  const [versions, published] = await Promise.all([
    find(parent, PAGE_SIZE, page),
    // An unpublished document keeps its last published version, which is no longer current.
    hasPublishedDoc ? find({ and: [parent, { 'version._status': { equals: 'published' } }] }, 1) : null,
  ]).catch(() => [null, null] as const)
  if (!versions) return notFound()
  const publishedId = published?.docs[0]?.id
  const newestId = page === 1 ? versions.docs[0]?.id : undefined
  const admin = payload.config.routes.admin
  const base = `${admin}/collections/${slug}/${docID}/versions`
  const plural = typeof collectionConfig.labels.plural === 'string' ? collectionConfig.labels.plural : slug

  return (
    <>
      <SetDocumentStepNav
        collectionSlug={slug}
        id={docID}
        pluralLabel={plural}
        useAsTitle={collectionConfig.admin.useAsTitle}
        view="نسخه‌ها"
      />
      <main className="versions jalali-versions">
        <Gutter>
          {versions.docs.length === 0 ? (
            <p>نسخه‌ای پیدا نشد.</p>
          ) : (
            <table className="jalali-versions__table">
              <thead>
                <tr>
                  <th scope="col">زمان ذخیره</th>
                  <th scope="col">وضعیت</th>
                  <th scope="col">شناسه نسخه</th>
                </tr>
              </thead>
              <tbody>
                {(versions.docs as unknown as VersionRow[]).map((row) => (
                  <tr key={row.id}>
                    <td>
                      <a href={`${base}/${row.id}`}>
                        <time dateTime={row.updatedAt}>{formatJalaliDateTime(row.updatedAt)}</time>
                      </a>
                    </td>
                    <td className="jalali-versions__status">
                      {row.id === publishedId ? (
                        <Pill pillStyle="success" size="small">
                          نسخه منتشرشده کنونی
                        </Pill>
                      ) : row.id === newestId && row.version._status === 'draft' ? (
                        <Pill pillStyle="warning" size="small">
                          پیش‌نویس کنونی
                        </Pill>
                      ) : (
                        <span>{row.version._status === 'published' ? 'منتشر شده' : 'پیش‌نویس'}</span>
                      )}
                      {row.autosave && <span className="jalali-versions__muted"> (ذخیره خودکار)</span>}
                    </td>
                    <td className="jalali-versions__muted">
                      <bdi>{toPersianDigits(String(row.id))}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {versions.totalPages > 1 && (
            <nav className="jalali-versions__pages" aria-label="صفحه‌های نسخه‌ها">
              {versions.hasPrevPage && <a href={`${base}?page=${page - 1}`}>صفحه قبل</a>}
              <span>
                صفحه {toPersianDigits(page)} از {toPersianDigits(versions.totalPages)}
              </span>
              {versions.hasNextPage && <a href={`${base}?page=${page + 1}`}>صفحه بعد</a>}
            </nav>
          )}
        </Gutter>
      </main>
    </>
  )
}
