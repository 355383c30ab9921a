const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩'

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits → ASCII 0-9; everything else untouched. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (d) => {
    const persian = PERSIAN_DIGITS.indexOf(d)
    return String(persian >= 0 ? persian : ARABIC_INDIC_DIGITS.indexOf(d))
  })
}

/** ASCII and Arabic-Indic digits → Persian digits, for running Persian text. */
export function toPersianDigits(text: string | number): string {
  return toLatinDigits(String(text)).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!)
}
