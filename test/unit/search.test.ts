import { ftsExpression, tsqueryExpression } from '../../src/db/search'
import {
  formatJalaliDate,
  indexTerms,
  jalaliDayStart,
  normalizePersian,
  parseJalaliDate,
  parseSearchQuery,
  queryAlternatives,
  searchWords,
} from '../../src/lib/persian'
import { highlight } from '../../src/lib/searchHighlight'

describe('normalizePersian: spelling variants fold to one form', () => {
  it.each([
    ['دهياري', 'دهیاری'], // Arabic yeh
    ['ى', 'ی'], // alef maksura
    ['ې', 'ی'],
    ['كشور', 'کشور'], // Arabic kaf
    ['ڪ', 'ک'],
    ['مدرسة', 'مدرسه'], // teh marbuta
    ['خانۀ', 'خانه'], // heh with yeh above
    ['أحمد', 'احمد'],
    ['إیران', 'ایران'],
    ['ٱلله', 'الله'],
    ['۱۲۳', '123'],
    ['١٢٣', '123'],
    ['مـــدیـــر', 'مدیر'], // tatweel
    ['مُدَرِّس', 'مدرس'], // diacritics
    ['توسعه‌یافته', 'توسعه یافته'], // ZWNJ
    ['توسعه\u200dیافته', 'توسعه یافته'], // ZWJ
    ['می\u200bروم', 'می روم'], // zero-width space
  ])('%s → %s', (input, expected) => {
    expect(normalizePersian(input)).toBe(expected)
  })
})

describe('search words', () => {
  it('splits on punctuation and keeps letters and digits', () => {
    expect(searchWords('«دهياري‌ها»، سال ۱۴۰۴ (گزارش)!')).toEqual(['دهیاری', 'ها', 'سال', '1404', 'گزارش'])
  })

  it('indexes words and joined neighbours, so the three spellings meet', () => {
    const withSpace = indexTerms('توسعه یافته').split(' ')
    const withZwnj = indexTerms('توسعه‌یافته').split(' ')
    const joined = indexTerms('توسعهيافته').split(' ')
    expect(withSpace).toEqual(['توسعه', 'یافته', 'ـتوسعهیافته'])
    expect(withZwnj).toEqual(withSpace)
    expect(joined).toEqual(['توسعهیافته'])
    // a query in any spelling has an alternative whose every word is found (as a prefix; a marked
    // joined word also as the same letters written as one word)
    const found = (w: string, indexed: string[]) =>
      indexed.some(
        (term) => term.startsWith(w) || term === `ـ${w}` || (w.startsWith('ـ') && term.startsWith(w.slice(1))),
      )
    for (const q of ['توسعه یافته', 'توسعه‌یافته', 'توسعهيافته']) {
      const alternatives = queryAlternatives(parseSearchQuery(q))
      for (const indexed of [withSpace, joined])
        expect(alternatives.some((words) => words.every((w) => found(w, indexed)))).toBe(true)
    }
  })

  it('keeps at most eight words of a query and nothing but letters and digits', () => {
    expect(parseSearchQuery('"; DROP TABLE articles; --').words).toEqual(['drop', 'table', 'articles'])
    expect(parseSearchQuery('یک دو سه چهار پنج شش هفت هشت نه ده').words).toHaveLength(8)
    expect(parseSearchQuery(['آرایه']).words).toEqual([])
    expect(parseSearchQuery('*()"\'').words).toEqual([])
  })

  it('builds database queries from quoted words only', () => {
    const query = parseSearchQuery('توسعه یافته')
    expect(ftsExpression(query)).toBe(
      '(("توسعه"* OR "ـتوسعه") AND ("یافته"* OR "ـیافته")) OR (("ـتوسعهیافته"* OR "توسعهیافته"*))',
    )
    expect(tsqueryExpression(query)).toBe(
      "(('توسعه':* | 'ـتوسعه') & ('یافته':* | 'ـیافته')) | (('ـتوسعهیافته':* | 'توسعهیافته':*))",
    )
    // very short words match whole words only
    expect(ftsExpression(parseSearchQuery('در'))).toBe('("در")')
  })
})

describe('highlight', () => {
  const marked = (text: string, q: string) =>
    highlight(text, parseSearchQuery(q).words)
      .filter((p) => p.hit)
      .map((p) => p.text)
  it('marks the original words, whatever spelling matched', () => {
    expect(marked('نشست دهياري ها در كشور', 'دهیاری کشور')).toEqual(['دهياري', 'كشور'])
    expect(marked('مناطق توسعه‌یافته و کمتر توسعه یافته', 'توسعهیافته')).toEqual(['توسعه‌یافته', 'توسعه'])
    expect(marked('سال ۱۴۰۴', '1404')).toEqual(['۱۴۰۴'])
    expect(marked('متن بی‌ربط', 'دهیاری')).toEqual([])
    expect(marked('در درخواست', 'در')).toEqual(['در'])
  })
})

describe('Jalali dates typed by readers', () => {
  it.each([
    ['1404/01/01', '2025-03-20T20:30:00.000Z'], // Nowruz 1404, Tehran +03:30
    ['1403/12/30', '2025-03-19T20:30:00.000Z'], // leap year's last day
    ['1403/01/01', '2024-03-19T20:30:00.000Z'],
    ['1399/03/07', '2020-05-26T19:30:00.000Z'], // +04:30 summer time, still in force in 2020
    ['۱۴۰۵-۰۹-۰۷', '2026-11-27T20:30:00.000Z'],
  ])('%s starts at %s', (text, iso) => {
    const start = parseJalaliDate(text)
    expect(start?.toISOString()).toBe(iso)
    expect(formatJalaliDate(start!)).toBe(
      text.replace(/-/g, '/').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))),
    )
  })
  it.each(['1404/12/30', '1403/13/01', '1403/07/31', '1403/00/10', 'فردا', '', '1403/1/1/1'])(
    '%s is not a date',
    (text) => {
      expect(parseJalaliDate(text)).toBeNull()
    },
  )
  it('rejects non-integers', () => {
    expect(jalaliDayStart(1403.5, 1, 1)).toBeNull()
  })
})
