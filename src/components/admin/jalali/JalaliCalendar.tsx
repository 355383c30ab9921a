'use client'

import React, { useEffect, useRef } from 'react'

import {
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  jalaliMonthFirstWeekday,
  jalaliMonthLength,
  toPersianDigits,
} from '../../../lib/persian'

export type JalaliDay = { year: number; month: number; day: number }

type Props = {
  /** The month shown and the day that holds the keyboard focus. */
  focus: JalaliDay
  selected: JalaliDay | null
  today: JalaliDay
  onFocusChange: (day: JalaliDay) => void
  onPick: (day: JalaliDay) => void
  onClose: () => void
}

/** Moves a Jalali day by whole days or months, clamping the day to the target month. */
export function shiftJalaliDay(
  from: JalaliDay,
  { days = 0, months = 0 }: { days?: number; months?: number },
): JalaliDay {
  let { year, month, day } = from
  if (months) {
    const index = year * 12 + (month - 1) + months
    year = Math.floor(index / 12)
    month = (index % 12) + 1
    day = Math.min(day, jalaliMonthLength(year, month))
  }
  day += days
  while (day < 1) {
    month -= 1
    if (month < 1) [year, month] = [year - 1, 12]
    day += jalaliMonthLength(year, month)
  }
  while (day > jalaliMonthLength(year, month)) {
    day -= jalaliMonthLength(year, month)
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
  return { year, month, day }
}

const sameDay = (a: JalaliDay | null, b: JalaliDay) =>
  !!a && a.year === b.year && a.month === b.month && a.day === b.day

/**
 * A Jalali month grid, week from Saturday, right to left. Keyboard: arrows move by a day (left
 * is the next day in RTL) or a week, PageUp/PageDown by a month, Home/End to the week's ends,
 * Enter or Space picks, Escape closes.
 */
export function JalaliCalendar({ focus, selected, today, onFocusChange, onPick, onClose }: Props) {
  const gridRef = useRef<HTMLDivElement>(null)
  const { year, month } = focus
  const length = jalaliMonthLength(year, month)
  const lead = jalaliMonthFirstWeekday(year, month)
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length }, (_, i) => i + 1)]
  while (cells.length % 7) cells.push(null)

  // The focused day takes the DOM focus when the calendar opens and whenever the keyboard moves
  // it (even to a month whose grid no longer has the button that held the focus).
  const keyboardMoved = useRef(true)
  useEffect(() => {
    if (!keyboardMoved.current) return
    keyboardMoved.current = false
    gridRef.current?.querySelector<HTMLButtonElement>('[tabindex="0"]')?.focus()
  }, [focus])

  // Escape closes the calendar only. A drawer around it closes on Escape too, from a listener on
  // the document that runs before React's handlers could stop it: caught first, on the window.
  const rootRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !rootRef.current?.contains(document.activeElement)) return
      event.preventDefault()
      event.stopPropagation()
      closeRef.current()
    }
    window.addEventListener('keydown', onEscape, true)
    return () => window.removeEventListener('keydown', onEscape, true)
  }, [])

  function onKeyDown(event: React.KeyboardEvent) {
    const column = (lead + focus.day - 1) % 7
    const moves: Record<string, () => JalaliDay> = {
      ArrowLeft: () => shiftJalaliDay(focus, { days: 1 }),
      ArrowRight: () => shiftJalaliDay(focus, { days: -1 }),
      ArrowDown: () => shiftJalaliDay(focus, { days: 7 }),
      ArrowUp: () => shiftJalaliDay(focus, { days: -7 }),
      PageDown: () => shiftJalaliDay(focus, { months: 1 }),
      PageUp: () => shiftJalaliDay(focus, { months: -1 }),
      Home: () => shiftJalaliDay(focus, { days: -column }),
      End: () => shiftJalaliDay(focus, { days: 6 - column }),
    }
    if (moves[event.key]) {
      event.preventDefault()
      keyboardMoved.current = true
      onFocusChange(moves[event.key]!())
    }
  }

  const title = `${JALALI_MONTH_NAMES[month - 1]} ${toPersianDigits(year)}`
  return (
    <div ref={rootRef} className="jalali-calendar" role="dialog" aria-label={`تقویم: ${title}`}>
      <div className="jalali-calendar__head">
        <button
          type="button"
          className="jalali-calendar__nav"
          aria-label="ماه قبل"
          onClick={() => onFocusChange(shiftJalaliDay(focus, { months: -1 }))}
        >
          ›
        </button>
        <strong className="jalali-calendar__title" aria-live="polite">
          {title}
        </strong>
        <button
          type="button"
          className="jalali-calendar__nav"
          aria-label="ماه بعد"
          onClick={() => onFocusChange(shiftJalaliDay(focus, { months: 1 }))}
        >
          ‹
        </button>
      </div>
      <div ref={gridRef} className="jalali-calendar__grid" role="grid" aria-label={title} onKeyDown={onKeyDown}>
        <div role="row" className="jalali-calendar__row">
          {JALALI_WEEKDAY_NAMES.map((name) => (
            <span key={name} role="columnheader" className="jalali-calendar__weekday" title={name} aria-label={name}>
              {name[0]}
            </span>
          ))}
        </div>
        {Array.from({ length: cells.length / 7 }, (_, week) => (
          <div role="row" className="jalali-calendar__row" key={week}>
            {cells.slice(week * 7, week * 7 + 7).map((day, i) => {
              if (day === null) return <span role="gridcell" key={i} className="jalali-calendar__blank" />
              const date = { year, month, day }
              const isSelected = sameDay(selected, date)
              // Friday, the weekend, in the last column as on a Persian wall calendar.
              const isFriday = (lead + day - 1) % 7 === 6
              const classes = [
                'jalali-calendar__day',
                isSelected && 'is-selected',
                sameDay(today, date) && 'is-today',
                isFriday && 'is-friday',
              ]
                .filter(Boolean)
                .join(' ')
              return (
                <span role="gridcell" key={i} aria-selected={isSelected}>
                  <button
                    type="button"
                    className={classes}
                    tabIndex={day === focus.day ? 0 : -1}
                    aria-label={`${toPersianDigits(day)} ${title}`}
                    onClick={() => onPick(date)}
                    onFocus={() => day !== focus.day && onFocusChange(date)}
                  >
                    {toPersianDigits(day)}
                  </button>
                </span>
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
}
