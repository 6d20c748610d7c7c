import { cutLongestEnding } from './cutEnding.ts'

// Kazakh nouns and adjectives take their endings in a fixed order, stem + plural + possessive +
// case (кітап-тар-ы-нда "in his books"), each ending in variants chosen by vowel harmony (back
// а ы ұ о, front ә е і ү ө) and by the sound before it (voiceless: т- т/қ/к; voiced and
// sonorant: д-; after a vowel or after the possessive: н-). The stem is found by taking one ending
// off per slot, from the outside in, the longest that leaves a stem of a syllable and more.
//
// Words come folded (lower case, й → и), so the lists below are spelled that way.

const VOWELS = /[аәеиоөұүыіэюяу]/

// After the third-person possessive the case endings take a buffer н: кітабы-нда, кітабы-на,
// кітабы-нан, кітабы-н. Those forms are listed with the possessive vowel they need, so that a
// bare -на or -нда is never cut from a word like кітапхана.
const CASE_ENDINGS = [
  // locative-attributive "which is in/at"
  'дағы',
  'дегі',
  'тағы',
  'тегі',
  'ндағы',
  'ндегі',
  // instrumental
  'менен',
  'бенен',
  'пенен',
  'мен',
  'бен',
  'пен',
  // possessive 3 + case
  'ының',
  'інің',
  'сының',
  'сінің',
  'ында',
  'інде',
  'сында',
  'сінде',
  'ынан',
  'інен',
  'сынан',
  'сінен',
  'ына',
  'іне',
  'сына',
  'сіне',
  'ын',
  'ін',
  'сын',
  'сін',
  // genitive
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  // ablative
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  // locative
  'да',
  'де',
  'та',
  'те',
  // dative
  'ға',
  'ге',
  'қа',
  'ке',
  // accusative
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  // equative "like"
  'ша',
  'ше',
]

const POSSESSIVE_ENDINGS = [
  // 1st and 2nd person plural, polite 2nd person
  'ымыз',
  'іміз',
  'мыз',
  'міз',
  'ыңыз',
  'іңіз',
  'ңыз',
  'ңіз',
  'ларың',
  'лерің',
  // 1st and 2nd person singular
  'ым',
  'ім',
  'ың',
  'ің',
  // 3rd person
  'сы',
  'сі',
  'ы',
  'і',
]

const PLURAL_ENDINGS = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер']

// The shortest stem an ending may leave: two letters and a vowel (үй, ән, ат).
const MIN_STEM = 2

// Final voiceless stops voice before a vowel-initial ending: кітап → кітабы, күрек → күрегі,
// құлақ → құлағы. Read every final б, г, ғ back as п, к, қ, so both forms give one stem.
const DEVOICED: Record<string, string> = { б: 'п', г: 'к', ғ: 'қ' }

function cutOne(word: string, endings: readonly string[]): string {
  return cutLongestEnding(word, endings, MIN_STEM, VOWELS)
}

/**
 * The stem of a folded Kazakh word, for matching its inflected forms with each other and with
 * glossary terms: plural, possessive and case endings in all their harmony variants removed,
 * a final б, г, ғ read as п, к, қ and an elidable ы, і before the last consonant left out
 * (халық, халқы → халқ; кітап, кітаптар, кітабы, кітаптарының → кітап;
 * кітапханада → кітапхана). Derivational endings are kept: кітапхана stays apart from кітап.
 */
export function stemKazakh(word: string): string {
  let stem = word
  if (stem.length > 3) {
    stem = cutOne(stem, CASE_ENDINGS)
    stem = cutOne(stem, POSSESSIVE_ENDINGS)
    stem = cutOne(stem, PLURAL_ENDINGS)
  }
  const last = stem.at(-1)
  const devoiced = last === undefined ? undefined : DEVOICED[last]
  if (devoiced) stem = stem.slice(0, -1) + devoiced
  // A narrow ы or і between the last two consonants drops before a vowel-initial ending
  // (халық → халқы, орын → орны, ауыз → аузы): leave it out of every form.
  return stem.length >= 4 && ELIDED_VOWEL.test(stem) ? stem.slice(0, -2) + stem.slice(-1) : stem
}

const ELIDED_VOWEL = /[^аәеиоөұүыіэюяу][ыі][^аәеиоөұүыіэюяуи]$/
