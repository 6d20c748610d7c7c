import { normalizeDigits } from '@qalam/shared/text'

/** The segment number typed, 1-based, or null when it is not one of the document's. */
export function parseSegmentNumber(typed: string, count: number): number | null {
  const digits = normalizeDigits(typed.trim())
  if (!/^\d+$/.test(digits)) return null
  const number = Number(digits)
  return number >= 1 && number <= count ? number : null
}
