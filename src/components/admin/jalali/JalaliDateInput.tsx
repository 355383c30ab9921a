'use client'

import React, { useEffect, useId, useRef, useState } from 'react'

import {
  formatJalaliCompact,
  formatJalaliDateTime,
  jalaliParts,
  jalaliToInstant,
  toPersianDigits,
} from '../../../lib/persian'
import { JalaliCalendar, type JalaliDay } from './JalaliCalendar'
import { parseJalaliInput } from './parseJalaliInput'

const pad = (n: number) => String(n).padStart(2, '0')
const HOURS = Array.from({ length: 24 }, (_, i) => i)
const MINUTES = Array.from({ length: 60 }, (_, i) => i)
const validDate = (value: unknown): Date | null => {
  if (!value) return null
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? null : date
}

type InputProps = {
  value: string | null | undefined
  onChange: (iso: string | null) => void
  /** The label element (Payload's FieldLabel for a field, a plain label elsewhere). */
  renderLabel: (inputId: string) => React.ReactNode
  required?: boolean
  readOnly?: boolean
  dayOnly?: boolean
  /** Shown under the box: the form's own validation message. */
  children?: React.ReactNode
  hasError?: boolean
}

/**
 * A Jalali date and time on Tehran's clock, typed («۱۴۰۵/۰۹/۱۱ ۱۴:۳۰») or picked in the month
 * grid; hands back an ISO instant, as Payload's own picker does. Unlike Payload's, every field
 * has a time unless it asks for `dayOnly` (staff set publication times to the minute); a day
 * alone is stored as 12:00 in Tehran, so it reads as the same day everywhere in Iran.
 */
export function JalaliDateInput({
  value,
  onChange,
  renderLabel,
  required,
  readOnly,
  dayOnly,
  children,
  hasError,
}: InputProps) {
  const inputId = `jalali-${useId().replace(/:/g, '')}`
  const wrapperRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)

  const current = validDate(value)
  const parts = current ? jalaliParts(current) : null
  const shown = current ? formatJalaliCompact(current, !dayOnly) : ''
  const [text, setText] = useState(shown)
  const [inputError, setInputError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const now = jalaliParts(new Date())
  const today: JalaliDay = { year: now.year, month: now.month, day: now.day }
  const [focus, setFocus] = useState<JalaliDay>(
    parts ? { year: parts.year, month: parts.month, day: parts.day } : today,
  )

  // The calendar opens on the month of the date in the box (typed or changed since), else today's.
  function openPicker() {
    setFocus(parts ? { year: parts.year, month: parts.month, day: parts.day } : today)
    setOpen(true)
  }
  // Closed from the keyboard: the focus goes back to the button that opened it.
  function closePicker() {
    setOpen(false)
    toggleRef.current?.focus()
  }

  // A value changed elsewhere (a reset, a saved draft) replaces what the box shows.
  useEffect(() => {
    setText(shown)
    setInputError(null)
  }, [shown])

  // Close on a click outside the picker.
  useEffect(() => {
    if (!open) return
    const onDown = (event: MouseEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  const time = parts
    ? { hour: parts.hour, minute: parts.minute }
    : dayOnly
      ? { hour: 12, minute: 0 }
      : { hour: now.hour, minute: now.minute }
  const store = (instant: Date | null) => {
    setInputError(null)
    onChange(instant ? instant.toISOString() : null)
  }

  function commitText() {
    if (text.trim() === shown) return
    if (!text.trim()) return store(null)
    const parsed = parseJalaliInput(text, time)
    if ('error' in parsed) setInputError(parsed.error)
    else store(parsed.instant)
  }

  function pick(day: JalaliDay) {
    store(jalaliToInstant(day.year, day.month, day.day, time.hour, time.minute))
    setFocus(day)
    if (dayOnly) setOpen(false)
  }

  function setTime(hour: number, minute: number) {
    if (!parts || !Number.isInteger(hour) || !Number.isInteger(minute)) return
    const instant = jalaliToInstant(
      parts.year,
      parts.month,
      parts.day,
      Math.min(Math.max(hour, 0), 23),
      Math.min(Math.max(minute, 0), 59),
    )
    if (instant) store(instant)
  }

  if (readOnly) {
    return (
      <div className="field-type jalali-date jalali-date--read-only">
        {renderLabel(inputId)}
        <p className="jalali-date__readout">{current ? formatJalaliDateTime(current) : '—'}</p>
      </div>
    )
  }

  return (
    <div ref={wrapperRef} className={`field-type jalali-date${hasError || inputError ? ' error' : ''}`}>
      {renderLabel(inputId)}
      <div className="jalali-date__row">
        <input
          id={inputId}
          className="jalali-date__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={dayOnly ? '۱۴۰۵/۰۹/۱۱' : '۱۴۰۵/۰۹/۱۱ ۱۴:۳۰'}
          value={text}
          aria-invalid={Boolean(inputError || hasError)}
          aria-describedby={`${inputId}-help`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commitText()
            } else if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault()
              openPicker()
            }
          }}
        />
        <button
          ref={toggleRef}
          type="button"
          className="jalali-date__toggle"
          aria-expanded={open}
          aria-controls={`${inputId}-picker`}
          onClick={() => (open ? setOpen(false) : openPicker())}
        >
          تقویم
        </button>
        {current && !required && (
          <button type="button" className="jalali-date__clear" onClick={() => store(null)}>
            پاک کردن
          </button>
        )}
      </div>
      {inputError && (
        <p className="jalali-date__error" role="alert">
          {inputError}
        </p>
      )}
      {children}
      <p id={`${inputId}-help`} className="jalali-date__help">
        {current ? `${formatJalaliDateTime(current)} (به وقت تهران)` : 'به وقت تهران؛ بنویسید یا از تقویم انتخاب کنید.'}
      </p>
      {open && (
        <div id={`${inputId}-picker`} className="jalali-date__picker">
          <JalaliCalendar
            focus={focus}
            selected={parts ? { year: parts.year, month: parts.month, day: parts.day } : null}
            today={today}
            onFocusChange={setFocus}
            onPick={pick}
            onClose={closePicker}
          />
          <div className="jalali-date__picker-foot">
            {!dayOnly && (
              <span className="jalali-date__time">
                <label>
                  ساعت{' '}
                  <select
                    aria-label="ساعت"
                    disabled={!parts}
                    value={parts?.hour ?? ''}
                    onChange={(e) => setTime(Number(e.target.value), parts!.minute)}
                  >
                    {HOURS.map((h) => (
                      <option key={h} value={h}>
                        {toPersianDigits(pad(h))}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  :{' '}
                  <select
                    aria-label="دقیقه"
                    disabled={!parts}
                    value={parts?.minute ?? ''}
                    onChange={(e) => setTime(parts!.hour, Number(e.target.value))}
                  >
                    {MINUTES.map((m) => (
                      <option key={m} value={m}>
                        {toPersianDigits(pad(m))}
                      </option>
                    ))}
                  </select>
                </label>
              </span>
            )}
            <button
              type="button"
              className="jalali-date__now"
              onClick={() => store(new Date(Math.floor(Date.now() / 60000) * 60000))}
            >
              اکنون
            </button>
            <button type="button" className="jalali-date__done" onClick={() => setOpen(false)}>
              بستن
            </button>
          </div>
          {!parts && <p className="jalali-date__help">روزی را انتخاب کنید؛ ساعت پس از آن تنظیم می‌شود.</p>}
        </div>
      )}
    </div>
  )
}
