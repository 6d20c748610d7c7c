import { useTranslation } from 'react-i18next'

/** The date and time styles the interface uses. */
export interface DateStyle {
  dateStyle: 'medium' | 'long'
  timeStyle?: 'short'
}

/** Numbers, percentages and dates in one language, through `Intl` where the browser can. */
export interface Formatter {
  number(value: number): string
  /** `share` is a fraction: 0.425 reads "42.5%" in English and "42,5%" in Kazakh. */
  percent(share: number, maximumFractionDigits?: number): string
  date(value: Date | number | string, style: DateStyle): string
}

/**
 * What CLDR says for a language whose data a browser's ICU may lack. Chromium ships Kazakh in
 * its list of locales but without its data, and formats it as the root locale ("2026 M12 1",
 * "1,234.5"); these patterns are CLDR's for kk (the same Node's full ICU prints).
 */
interface LocaleFallback {
  group: string
  decimal: string
  monthsShort: readonly string[]
  monthsLong: readonly string[]
  date(year: string, month: number, day: number, style: DateStyle['dateStyle']): string
}

const FALLBACKS: Readonly<Record<string, LocaleFallback>> = {
  kk: {
    group: '\u00a0',
    decimal: ',',
    monthsShort: [
      'қаң.',
      'ақп.',
      'нау.',
      'сәу.',
      'мам.',
      'мау.',
      'шіл.',
      'там.',
      'қыр.',
      'қаз.',
      'қар.',
      'жел.',
    ],
    monthsLong: [
      'қаңтар',
      'ақпан',
      'наурыз',
      'сәуір',
      'мамыр',
      'маусым',
      'шілде',
      'тамыз',
      'қыркүйек',
      'қазан',
      'қараша',
      'желтоқсан',
    ],
    date(year, month, day, style) {
      return style === 'long'
        ? `${year} ж. ${day} ${this.monthsLong[month - 1]}`
        : `${year} ж. ${String(day).padStart(2, '0')} ${this.monthsShort[month - 1]}`
    },
  },
}

const PROBE_DATE = Date.UTC(2026, 0, 15)
const hasDataCache = new Map<string, boolean>()

/**
 * Whether the browser has the language's own data: with it, a month has a name; without it
 * ICU falls back to the root locale, whose month reads "M01".
 */
export function browserHasLocaleData(language: string): boolean {
  let hasData = hasDataCache.get(language)
  if (hasData === undefined) {
    const month = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
      PROBE_DATE,
    )
    hasData = /\p{L}{2}/u.test(month)
    hasDataCache.set(language, hasData)
  }
  return hasData
}

function baseLanguage(language: string): string {
  return language.split('-')[0]?.toLowerCase() ?? language
}

/**
 * A formatter for `language`: `Intl` when the browser has that language's data, else the CLDR
 * patterns above when we have them, else `Intl` as it is. `hasLocaleData` is for tests.
 */
export function createFormatter(
  language: string,
  hasLocaleData: (language: string) => boolean = browserHasLocaleData,
): Formatter {
  const fallback = hasLocaleData(language) ? undefined : FALLBACKS[baseLanguage(language)]
  // Building an Intl format costs far more than using one: each is built once per formatter.
  const percents = remembered(
    (digits: number) =>
      new Intl.NumberFormat(fallback === undefined ? language : 'en', {
        style: 'percent',
        maximumFractionDigits: digits,
      }),
  )
  if (fallback === undefined) {
    const numbers = new Intl.NumberFormat(language)
    const dates = new Map<string, Intl.DateTimeFormat>()
    const dateFormat = (style: DateStyle) => {
      const key = `${style.dateStyle} ${style.timeStyle ?? ''}`
      let format = dates.get(key)
      if (format === undefined) {
        format = new Intl.DateTimeFormat(language, style)
        dates.set(key, format)
      }
      return format
    }
    return {
      number: (value) => numbers.format(value),
      percent: (share, maximumFractionDigits = 0) => percents(maximumFractionDigits).format(share),
      date: (value, style) => dateFormat(style).format(new Date(value)),
    }
  }
  // Latin digits and the root's grouping, with the language's own symbols put in.
  const withSymbols = (format: Intl.NumberFormat, value: number) =>
    format
      .formatToParts(value)
      .map((part) =>
        part.type === 'group'
          ? fallback.group
          : part.type === 'decimal'
            ? fallback.decimal
            : part.value,
      )
      .join('')
  const numbers = new Intl.NumberFormat('en')
  const clock = new Intl.DateTimeFormat('en', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return {
    number: (value) => withSymbols(numbers, value),
    percent: (share, maximumFractionDigits = 0) =>
      withSymbols(percents(maximumFractionDigits), share),
    date: (value, style) => {
      const parts = Object.fromEntries(
        clock.formatToParts(new Date(value)).map((part) => [part.type, part.value]),
      )
      const date = fallback.date(
        parts.year ?? '',
        Number(parts.month),
        Number(parts.day),
        style.dateStyle,
      )
      return style.timeStyle === undefined ? date : `${date}, ${parts.hour}:${parts.minute}`
    },
  }
}

/** `make`, called once per distinct key. */
function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>()
  return (key) => {
    let value = made.get(key)
    if (value === undefined) {
      value = make(key)
      made.set(key, value)
    }
    return value
  }
}

// One formatter per language for the whole interface: rows, entries and status lines share it.
const formatterOf = remembered((language: string) => createFormatter(language))

/** The formatter of the interface language. */
export function useFormatter(): Formatter {
  const { i18n } = useTranslation()
  return formatterOf(i18n.resolvedLanguage ?? 'en')
}
