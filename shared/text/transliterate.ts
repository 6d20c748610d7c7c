// Letter tables for matching names and cognates across scripts, not for display: they are
// lossy on purpose (Arabic has no letters for most vowels, so neither does the Latin key).

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  є: 'ie',
  і: 'i',
  ї: 'i',
  ґ: 'g',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ў: 'u',
}

// Kazakh Latin alphabet of 2021 (decree of 28 January 2021), letter for letter.
const KAZAKH_CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'ş',
  щ: 'şş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
}

const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'u',
  ي: 'i',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'i',
  ڤ: 'v',
  ۋ: 'u',
  ٴ: '',
  ە: 'e',
  ڭ: 'ng',
  ٵ: 'a',
  ٷ: 'u',
  ٸ: 'i',
}

function mapLetters(text: string, table: Record<string, string>): string {
  let out = ''
  for (const char of text) {
    const lower = char.toLowerCase()
    const mapped = table[lower]
    if (mapped === undefined) out += char
    else if (lower !== char && mapped) out += mapped[0]!.toUpperCase() + mapped.slice(1)
    else out += mapped
  }
  return out
}

/**
 * A Latin-letter rendering of Cyrillic (Russian, Kazakh and neighbours) and Arabic letters,
 * good enough to compare names and cognates across scripts. Other characters pass unchanged;
 * Arabic short-vowel marks and tatweel are dropped.
 */
export function toLatin(text: string): string {
  const withoutMarks = text.replace(/[\u064b-\u065f\u0670\u0640]/g, '')
  return mapLetters(mapLetters(withoutMarks, CYRILLIC_TO_LATIN), ARABIC_TO_LATIN)
}

/** Kazakh in Cyrillic letters rewritten in the 2021 Kazakh Latin alphabet (`kk-Cyrl` → `kk-Latn`). */
export function kazakhCyrillicToLatin(text: string): string {
  return mapLetters(text, KAZAKH_CYRILLIC_TO_LATIN)
}

/**
 * A consonant skeleton of a word for matching names across scripts: Latin letters, diacritics
 * removed, vowels, glides and h dropped, letters Arabic or Cyrillic merge folded together
 * (p/b, v/f, c/k/q/g, z/s, d/t). `Пушкин`, `Pushkin` and `بوشكين` share one skeleton.
 */
export function consonantSkeleton(word: string): string {
  const latin = toLatin(word).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  let out = ''
  for (const char of latin) {
    const folded = CONSONANT_CLASS[char]
    if (folded === undefined || folded === out.at(-1)) continue
    out += folded
  }
  return out
}

const CONSONANT_CLASS: Record<string, string> = {
  b: 'b',
  p: 'b',
  f: 'f',
  v: 'f',
  c: 'k',
  k: 'k',
  q: 'k',
  g: 'k',
  x: 'k',
  s: 's',
  z: 's',
  d: 't',
  t: 't',
  l: 'l',
  r: 'r',
  m: 'm',
  n: 'n',
  j: 'j',
}
