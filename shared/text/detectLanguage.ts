import { languageScript } from './language.ts'

/*
 * Whether a document's text is in the source language the import form named. A wrong source
 * language makes every later step (sentence rules, stemming, memory look-ups, RTL display,
 * export tags) silently wrong, so the import asks. Only facts count: the Unicode script of the
 * letters, and within Kazakh the letters Russian (or English) does not have. The verdict is
 * conservative: too little text, or a document that mixes languages, is never a mismatch.
 */

/** What a text looks like when it is not in the declared language. */
export interface LanguageMismatch {
  /** The language tag the user declared. */
  declared: string
  /** ISO 15924 script most letters are written in (`Cyrl`, `Arab`, `Latn`…). */
  script: string
  /** The language the letters show (`kk`, `kk-Latn`, `ru`, `ar`), or null when they do not say. */
  language: string | null
}

/** Scripts told apart by their Unicode Script property; letters of any other script are not counted. */
const SCRIPTS = [
  'Latn',
  'Cyrl',
  'Arab',
  'Grek',
  'Hebr',
  'Armn',
  'Geor',
  'Hani',
  'Hira',
  'Kana',
  'Hang',
  'Deva',
  'Thai',
] as const
type KnownScript = (typeof SCRIPTS)[number]

const UNSPACED: ReadonlySet<KnownScript> = new Set(['Hani', 'Hira', 'Kana', 'Thai'])

const SCRIPT_PATTERNS = SCRIPTS.map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const,
)

/** Scripts a language's text is written in when its tag names a script of several (`ja` is Jpan). */
const SCRIPT_FAMILIES: Record<string, readonly string[]> = {
  Jpan: ['Hani', 'Hira', 'Kana'],
  Hans: ['Hani'],
  Hant: ['Hani'],
  Kore: ['Hang', 'Hani'],
}

/** Fewer letters or words than this is too little text to say anything about. */
const MIN_LETTERS = 30
const MIN_WORDS = 6
/** A finer test (Kazakh or not, within one script) wants more words than a script test. */
const MIN_WORDS_WITHIN_SCRIPT = 20
/** The declared script holding less than this share of letters is a mismatch… */
const DECLARED_SHARE_AT_MOST = 0.2
/** …when one other script clearly holds the text. Below that the text is mixed: no verdict. */
const OTHER_SHARE_AT_LEAST = 0.6

/* Letters of the Kazakh Cyrillic alphabet that Russian lacks; і alone is also Ukrainian's. */
const KAZAKH_CYRILLIC = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u
const KAZAKH_ONLY_CYRILLIC = /[әғқңөұүһӘҒҚҢӨҰҮҺ]/u
/* Kyrgyz and Tatar lack қ ұ; Uzbek has қ but lacks ә і ң ө ү: a Kazakh text shows both kinds. */
const KAZAKH_NOT_KYRGYZ = /[құҚҰ]/u
const KAZAKH_NOT_UZBEK = /[әіңөүӘІҢӨҮ]/u
/* Letters of the 2021 Kazakh Latin alphabet beyond English's; ä ñ ū q tell it from Turkish. */
const KAZAKH_LATIN = /[äğñöūüışqÄĞÑÖŪÜIŞQ]/u
const KAZAKH_LATIN_NOT_TURKISH = /[äñūqÄÑŪQ]/u
/* Letters of Cyrillic alphabets other than Russian's (Ukrainian, Belarusian, Serbian, Kazakh…). */
const NOT_RUSSIAN_CYRILLIC = /[іїєґўђјљњћџѓќѕәғқңөұүһӏҗҙҡҫҳҷӊӑӓӗӝӟӥӧӵӹ]/iu
/* Letters Persian, Urdu, Uyghur or Kazakh Arabic writing use and Arabic does not. */
const NOT_ARABIC_ARABIC = /[پچژگکیٹڈڑںےھۇۋۆەڭٵٷ]/u

/** A Kazakh text has such letters in this share of its words; a Russian one, in names only. */
const KAZAKH_WORDS_AT_LEAST = 0.25
const KAZAKH_ONLY_WORDS_AT_LEAST = 0.1
/** Words with letters that tell Kazakh from its Turkic neighbours, in a Kazakh text. */
const KAZAKH_SIGNATURE_AT_LEAST = 0.03
/**
 * Languages whose alphabets share Kazakh's extra letters (Turkic ones, Mongolian, Tajik): a text
 * declared in one of them is not told from Kazakh by its letters, so it is never said to be.
 */
const SHARES_KAZAKH_LETTERS = new Set([
  'az',
  'ba',
  'crh',
  'cv',
  'gag',
  'kaa',
  'krc',
  'ky',
  'mn',
  'nog',
  'sah',
  'tg',
  'tk',
  'tr',
  'tt',
  'tyv',
  'ug',
  'uz',
])
/** A sample is Kazakh with such letters in this share of its words… */
const KAZAKH_SAMPLE_AT_LEAST = 0.15
/** …and a text is, when such samples hold this share of its words. */
const KAZAKH_SAMPLES_AT_LEAST = 0.8
/** A text declared Kazakh with such letters in fewer of its words is not Kazakh. */
const KAZAKH_WORDS_BELOW = 0.03
/** Words with letters foreign to Russian or Arabic that a text may hold and still be one. */
const FOREIGN_WORDS_BELOW = 0.03

/** Markup, placeholders, addresses and e-mails: letters that say nothing about the language. */
const NOT_PROSE = /<[^>]*>|\{\/?\d+\}|\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu
const WORD = /[\p{L}\p{M}]+/gu

interface Tally {
  letters: number
  byScript: Map<KnownScript, number>
  /** Words of each script, the script of a word being that of its first letter. */
  words: Map<KnownScript, string[]>
  /** The same, sample by sample: a mixed document is told by how its samples differ. */
  samples: Array<Map<KnownScript, string[]>>
}

function scriptOf(letter: string): KnownScript | null {
  for (const [script, pattern] of SCRIPT_PATTERNS) if (pattern.test(letter)) return script
  return null
}

function tally(samples: readonly string[]): Tally {
  const result: Tally = { letters: 0, byScript: new Map(), words: new Map(), samples: [] }
  for (const sample of samples) {
    const own = new Map<KnownScript, string[]>()
    result.samples.push(own)
    for (const [word] of sample.replace(NOT_PROSE, ' ').matchAll(WORD)) {
      let wordScript: KnownScript | null = null
      for (const char of word) {
        if (!/\p{L}/u.test(char)) continue
        result.letters++
        const script = scriptOf(char)
        if (script === null) continue
        result.byScript.set(script, (result.byScript.get(script) ?? 0) + 1)
        wordScript ??= script
      }
      if (wordScript === null) continue
      // Chinese, Japanese and Thai put no spaces between words: each letter counts as one.
      const parts = UNSPACED.has(wordScript) ? [...word] : [word]
      const words = result.words.get(wordScript) ?? []
      words.push(...parts)
      result.words.set(wordScript, words)
      const ownWords = own.get(wordScript) ?? []
      ownWords.push(...parts)
      own.set(wordScript, ownWords)
    }
  }
  return result
}

function share(words: readonly string[], pattern: RegExp): number {
  if (words.length === 0) return 0
  return words.filter((word) => pattern.test(word)).length / words.length
}

function looksKazakhCyrillic(words: readonly string[]): boolean {
  return (
    share(words, KAZAKH_CYRILLIC) >= KAZAKH_WORDS_AT_LEAST &&
    share(words, KAZAKH_ONLY_CYRILLIC) >= KAZAKH_ONLY_WORDS_AT_LEAST &&
    share(words, KAZAKH_NOT_KYRGYZ) >= KAZAKH_SIGNATURE_AT_LEAST &&
    share(words, KAZAKH_NOT_UZBEK) >= KAZAKH_SIGNATURE_AT_LEAST
  )
}

function looksKazakhLatin(words: readonly string[]): boolean {
  return (
    share(words, KAZAKH_LATIN) >= KAZAKH_WORDS_AT_LEAST &&
    share(words, KAZAKH_LATIN_NOT_TURKISH) >= KAZAKH_ONLY_WORDS_AT_LEAST
  )
}

/**
 * Whether the whole text, not some of its samples, looks Kazakh: a Russian text quoting Kazakh
 * titles, or a bilingual one, has Kazakh samples among others and is not a mismatch.
 */
function wholeLooksKazakh(
  counted: Tally,
  script: KnownScript,
  looksKazakh: (words: readonly string[]) => boolean,
  letters: RegExp,
): boolean {
  const words = counted.words.get(script) ?? []
  if (!looksKazakh(words)) return false
  let kazakhWords = 0
  for (const sample of counted.samples) {
    const own = sample.get(script) ?? []
    if (share(own, letters) >= KAZAKH_SAMPLE_AT_LEAST) kazakhWords += own.length
  }
  return kazakhWords / words.length >= KAZAKH_SAMPLES_AT_LEAST
}

/** The language a script's words show, when the letters say it; null when they do not. */
function languageOf(script: KnownScript, words: readonly string[]): string | null {
  if (words.length < MIN_WORDS) return null
  if (script === 'Cyrl') {
    if (looksKazakhCyrillic(words)) return 'kk'
    return share(words, NOT_RUSSIAN_CYRILLIC) < FOREIGN_WORDS_BELOW ? 'ru' : null
  }
  if (script === 'Latn') return looksKazakhLatin(words) ? 'kk-Latn' : null
  if (script === 'Arab') return share(words, NOT_ARABIC_ARABIC) < FOREIGN_WORDS_BELOW ? 'ar' : null
  return null
}

function baseLanguage(tag: string): string {
  try {
    return new Intl.Locale(tag).language
  } catch {
    return tag.toLowerCase()
  }
}

/**
 * Whether `samples` (segment sources) are plausibly in `declared` (a BCP 47 tag): null when they
 * are, or when there is too little or too mixed text to tell; otherwise what they look like.
 */
export function detectLanguage(
  samples: readonly string[],
  declared: string,
): LanguageMismatch | null {
  const counted = tally(samples)
  const wordCount = [...counted.words.values()].reduce((sum, words) => sum + words.length, 0)
  if (counted.letters < MIN_LETTERS || wordCount < MIN_WORDS) return null

  const declaredScript = languageScript(declared)
  const accepted = SCRIPT_FAMILIES[declaredScript] ?? [declaredScript]
  const known = [...counted.byScript.values()].reduce((sum, count) => sum + count, 0)
  // Letters of scripts not told apart here count for the declared one when it is such a script.
  const declaredLetters = SCRIPTS.some((script) => accepted.includes(script))
    ? accepted.reduce((sum, script) => sum + (counted.byScript.get(script as KnownScript) ?? 0), 0)
    : counted.letters - known
  let top: KnownScript | null = null
  for (const [script, count] of counted.byScript) {
    if (top === null || count > (counted.byScript.get(top) ?? 0)) top = script
  }
  if (top === null) return null
  const topShare = (counted.byScript.get(top) ?? 0) / counted.letters
  const words = counted.words.get(top) ?? []

  if (!accepted.includes(top)) {
    if (declaredLetters / counted.letters > DECLARED_SHARE_AT_MOST) return null
    if (topShare < OTHER_SHARE_AT_LEAST) return null
    return { declared, script: top, language: languageOf(top, words) }
  }

  // The script is the declared one: within it, only Kazakh is told from the others.
  if (words.length < MIN_WORDS_WITHIN_SCRIPT) return null
  const base = baseLanguage(declared)
  if (SHARES_KAZAKH_LETTERS.has(base)) return null
  const isKazakh = base === 'kk'
  if (top === 'Cyrl') {
    if (!isKazakh && wholeLooksKazakh(counted, top, looksKazakhCyrillic, KAZAKH_CYRILLIC))
      return { declared, script: top, language: 'kk' }
    if (isKazakh && share(words, KAZAKH_CYRILLIC) < KAZAKH_WORDS_BELOW) {
      return { declared, script: top, language: languageOf(top, words) }
    }
  }
  if (top === 'Latn') {
    if (!isKazakh && wholeLooksKazakh(counted, top, looksKazakhLatin, KAZAKH_LATIN))
      return { declared, script: top, language: 'kk-Latn' }
    if (isKazakh && share(words, KAZAKH_LATIN) < KAZAKH_WORDS_BELOW) {
      return { declared, script: top, language: null }
    }
  }
  return null
}
