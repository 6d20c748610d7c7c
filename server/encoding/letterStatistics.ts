/*
 * Letter frequencies of running text, in per mille, from large Russian and Arabic corpora
 * (the usual published tables; the exact figures matter little, the ranking does). Wrongly
 * decoded single-byte text still yields letters, so telling 1251 from KOI8-R from 1256 comes
 * down to which decoding reads like the language: right letter case, right letter frequencies.
 */
const RUSSIAN: Record<string, number> = {
  о: 110,
  е: 85,
  а: 80,
  и: 74,
  н: 67,
  т: 63,
  с: 55,
  р: 47,
  в: 45,
  л: 44,
  к: 35,
  м: 32,
  д: 30,
  п: 28,
  у: 26,
  я: 20,
  ы: 19,
  ь: 17,
  г: 17,
  з: 16,
  б: 16,
  ч: 14,
  й: 12,
  х: 10,
  ж: 9,
  ш: 7,
  ю: 6,
  ц: 5,
  щ: 4,
  э: 3,
  ф: 3,
  ъ: 0.4,
  ё: 0.4,
}

const ARABIC: Record<string, number> = {
  ا: 130,
  ل: 110,
  ي: 75,
  م: 62,
  و: 60,
  ن: 58,
  ه: 45,
  ر: 44,
  ب: 38,
  ت: 37,
  ع: 33,
  ة: 30,
  ف: 28,
  د: 27,
  ك: 25,
  س: 24,
  ق: 23,
  أ: 22,
  ح: 19,
  ى: 16,
  ج: 14,
  إ: 12,
  ش: 11,
  ص: 10,
  ط: 9,
  خ: 8,
  ذ: 7,
  ض: 6,
  ز: 6,
  ث: 5,
  غ: 4,
  آ: 2,
  ظ: 2,
  ء: 2,
  ئ: 2,
  ؤ: 1,
}

const CYRILLIC = /\p{Script=Cyrillic}/u
const LETTER = /\p{L}/u
const ARABIC_LETTER = /[\u0621-\u064A]/u

function cosine(counts: Map<string, number>, reference: Record<string, number>): number {
  let dot = 0
  let norm = 0
  let refNorm = 0
  for (const value of Object.values(reference)) refNorm += value * value
  for (const [letter, count] of counts) {
    dot += count * (reference[letter] ?? 0)
    norm += count * count
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm * refNorm)
}

/**
 * How much `text` reads like natural Russian-script or Arabic text, 0 to 1: the share of its
 * non-ASCII letters in the script, times how closely their frequencies follow the language's,
 * and for Cyrillic also the share of letters cased as words are (a wrong Cyrillic code page
 * swaps the cases, so capitals land inside words).
 */
export function plausibility(text: string): number {
  const cyrillic = new Map<string, number>()
  const arabic = new Map<string, number>()
  let nonAscii = 0
  let wellCased = 0
  let cyrillicCount = 0
  let arabicCount = 0
  let previous = ' '
  for (const char of text) {
    const after = previous
    previous = char
    if (char.charCodeAt(0) < 0x80) continue
    nonAscii++
    if (CYRILLIC.test(char)) {
      cyrillicCount++
      const small = char.toLowerCase()
      // Lower case, or a capital that starts a word; a capital inside a word is a wrong page.
      if (small === char || !LETTER.test(after)) wellCased++
      cyrillic.set(small, (cyrillic.get(small) ?? 0) + 1)
    } else if (ARABIC_LETTER.test(char)) {
      arabicCount++
      arabic.set(char, (arabic.get(char) ?? 0) + 1)
    }
  }
  if (nonAscii === 0) return 0
  const cyrillicScore =
    (cyrillicCount / nonAscii) *
    cosine(cyrillic, RUSSIAN) *
    (cyrillicCount === 0 ? 0 : wellCased / cyrillicCount)
  const arabicScore = (arabicCount / nonAscii) * cosine(arabic, ARABIC)
  return Math.max(cyrillicScore, arabicScore)
}
