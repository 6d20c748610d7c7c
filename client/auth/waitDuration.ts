/** "45 seconds" / "3 minutes" in the interface language, with that language's plural forms. */
export function formatWait(seconds: number, language: string): string {
  const useMinutes = seconds >= 90
  const format = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: useMinutes ? 'minute' : 'second',
    unitDisplay: 'long',
  })
  return format.format(useMinutes ? Math.ceil(seconds / 60) : Math.max(1, seconds))
}
