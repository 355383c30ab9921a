'use client'

import { Button, Drawer, toast, useAuth, useDocumentInfo, useModal } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { UpcomingSchedule } from '../../../collections/Articles/endpoints/schedule'
import { hasRole } from '../../access/roles'
import { errorsByField, NETWORK_ERROR } from '../../lib/apiErrors'
import { formatJalaliDateTime, toPersianDigits } from '../../lib/persian'
import { JalaliDateInput } from './jalali/JalaliDateInput'

const DRAWER = 'article-schedule'
const TYPE_LABELS = { publish: 'انتشار', unpublish: 'لغو انتشار' } as const

/**
 * «زمان‌بندی» beside an article's publish button: the article's upcoming publish and unpublish
 * times in Jalali, a Jalali picker to add one, and a button to cancel each. Editors and admins.
 */
export function ArticleSchedule() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { openModal } = useModal()
  const [schedules, setSchedules] = useState<UpcomingSchedule[]>([])
  const [type, setType] = useState<'publish' | 'unpublish'>('publish')
  const [at, setAt] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const allowed = Boolean(id) && hasRole(user as never, 'admin', 'editor')
  const base = `/api/articles/${id}/schedule`

  const load = useCallback(async () => {
    const res = await fetch(base, { credentials: 'include' }).catch(() => null)
    if (res?.ok) setSchedules(((await res.json()) as { schedules: UpcomingSchedule[] }).schedules)
  }, [base])

  useEffect(() => {
    if (allowed) void load()
  }, [allowed, load])

  if (!allowed) return null

  async function add() {
    if (!at) return setError('زمان را انتخاب کنید.')
    // The server refuses it too; saying so here spares a round trip.
    if (Date.parse(at) <= Date.now()) return setError('زمان باید تاریخی در آینده باشد.')
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(base, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, at }),
      })
      const answer = await res.json().catch(() => null)
      if (!res.ok) return setError(errorsByField(answer, [], 'زمان‌بندی ثبت نشد.').form!)
      toast.success(`${TYPE_LABELS[type]} برای ${formatJalaliDateTime(new Date(at))} زمان‌بندی شد.`)
      setAt(null)
      await load()
    } catch {
      setError(NETWORK_ERROR)
    } finally {
      setBusy(false)
    }
  }

  async function cancel(schedule: UpcomingSchedule) {
    const res = await fetch(`${base}/${schedule.id}`, { method: 'DELETE', credentials: 'include' }).catch(() => null)
    const answer = await res?.json().catch(() => null)
    if (res?.ok) toast.success('زمان‌بندی لغو شد.')
    else toast.error(res ? errorsByField(answer, [], 'لغو زمان‌بندی ممکن نشد.').form! : NETWORK_ERROR)
    await load()
  }

  return (
    <>
      <Button
        buttonStyle="secondary"
        size="medium"
        className="article-schedule__open"
        onClick={() => openModal(DRAWER)}
      >
        زمان‌بندی{schedules.length ? ` (${toPersianDigits(schedules.length)})` : ''}
      </Button>
      <Drawer slug={DRAWER} title="زمان‌بندی انتشار" className="article-schedule">
        <fieldset className="article-schedule__type">
          <legend>کار</legend>
          {(['publish', 'unpublish'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="article-schedule-type"
                value={value}
                checked={type === value}
                onChange={() => setType(value)}
              />{' '}
              {TYPE_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <JalaliDateInput
          value={at}
          onChange={setAt}
          required
          hasError={Boolean(error)}
          renderLabel={(inputId) => (
            <label htmlFor={inputId} className="field-label">
              زمان (به وقت تهران)
            </label>
          )}
        >
          {error && (
            <p className="form-error article-schedule__error" role="alert">
              {error}
            </p>
          )}
        </JalaliDateInput>
        <Button buttonStyle="primary" disabled={busy} onClick={add} className="article-schedule__submit">
          ثبت زمان‌بندی
        </Button>

        <h3 className="article-schedule__heading">زمان‌بندی‌های پیش رو</h3>
        {schedules.length === 0 ? (
          <p className="article-schedule__empty">زمان‌بندی‌ای در پیش نیست.</p>
        ) : (
          <table className="article-schedule__list">
            <thead>
              <tr>
                <th scope="col">کار</th>
                <th scope="col">زمان</th>
                <th scope="col">
                  <span className="sr-only">لغو</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <td>
                    {TYPE_LABELS[schedule.type]}
                    {schedule.hasError && <span className="article-schedule__failed"> (تلاش پیشین ناموفق بود)</span>}
                  </td>
                  <td>
                    <time dateTime={schedule.at}>{formatJalaliDateTime(new Date(schedule.at))}</time>
                  </td>
                  <td>
                    <Button
                      buttonStyle="subtle"
                      size="small"
                      onClick={() => cancel(schedule)}
                      aria-label={`لغو ${TYPE_LABELS[schedule.type]} در ${formatJalaliDateTime(new Date(schedule.at))}`}
                    >
                      لغو
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Drawer>
    </>
  )
}
