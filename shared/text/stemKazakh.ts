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
  return cutLongestEnding(word, endings, MIN_STEM, VOWELS, fitsAfter)
}

// Each ending's first sound agrees with the sound before it, so a string that ends like an
// ending but after the wrong sound is part of the stem: Алматы is not Алма + accusative -ты
// (that needs a voiceless consonant before it; after a vowel the accusative is -ны). Final б в
// г д are said voiceless in loans (клубта, заводта), so both kinds of ending may follow them.
const VOWEL_LETTER = /[аәеиоөұүыіэюя]/
const VOICELESS = /[птқксшфхцчщ]/
const NASAL = /[мнң]/

function fitsAfter(stem: string, ending: string): boolean {
  const before = stem.at(-1)!
  // у and и (folded й) are vowels and glides: either kind of ending may follow them.
  const glide = before === 'у' || before === 'и'
  const vowel = glide || VOWEL_LETTER.test(before)
  const consonant = glide || !VOWEL_LETTER.test(before)
  const voiced = !VOICELESS.test(before)
  const voiceless = !voiced || 'бвгд'.includes(before)
  const nasal = NASAL.test(before)
  switch (ending) {
    case 'ны':
    case 'ні':
    case 'ндағы':
    case 'ндегі':
    case 'мыз':
    case 'міз':
    case 'ңыз':
    case 'ңіз':
      return vowel
    case 'ның':
    case 'нің':
      return vowel || nasal
    case 'нан':
    case 'нен':
      return nasal
    case 'лар':
    case 'лер':
      return vowel || before === 'р'
    case 'дар':
    case 'дер':
    case 'ды':
    case 'ді':
      return consonant && voiced
    case 'дың':
    case 'дің':
      return consonant && voiced && !nasal
    case 'дан':
    case 'ден':
      return voiced && !nasal
    case 'ша':
    case 'ше':
    case 'ларың':
    case 'лерің':
      return true
  }
  const first = ending[0]!
  if ('ыі'.includes(first)) return consonant
  // -сы after a vowel-final stem of one syllable is rare; дос-ы is the likelier reading of досы.
  if (first === 'с') return vowel && stem.length >= 3
  if ('тқкп'.includes(first)) return voiceless
  return voiced
}

// Place names in -стан ("land of"): Қазақстан is not Қазақс + ablative -тан. After a consonant
// a final -с is foreign to Kazakh, so any such word keeps its -стан; after a vowel, these do.
const STAN_AFTER_VOWEL = new Set(['пәкістан', 'дағыстан', 'үндістан', 'түркістан', 'гүлістан'])

function endsInPlaceSuffix(word: string): boolean {
  if (!word.endsWith('стан') || word.length < 7) return false
  const before = word.at(-5)!
  return !VOWEL_LETTER.test(before) || STAN_AFTER_VOWEL.has(word)
}

// The third person of the present-future after a consonant stem: ұсыныл-ады, бер-еді. Its past
// (ұсынылды, берді) already loses -ды/-ді as the accusative does, so both tenses share a stem.
// After a vowel the ending is -йды (ойнайды), which a noun in -й with its accusative (Абайды,
// үйді) also ends in, so that one is left alone.
const PRESENT_TENSE_ENDINGS = ['ады', 'еді']

function cutPresentTense(word: string): string | null {
  for (const ending of PRESENT_TENSE_ENDINGS) {
    if (!word.endsWith(ending)) continue
    const stem = word.slice(0, -ending.length)
    if (stem.length >= MIN_STEM && VOWELS.test(stem) && !VOWEL_LETTER.test(stem.at(-1)!))
      return stem
  }
  return null
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
    const verb = cutPresentTense(stem)
    if (verb !== null) stem = verb
    else {
      if (!endsInPlaceSuffix(stem)) stem = cutOne(stem, CASE_ENDINGS)
      stem = cutOne(stem, POSSESSIVE_ENDINGS)
      stem = cutOne(stem, PLURAL_ENDINGS)
    }
  }
  const last = stem.at(-1)
  const devoiced = last === undefined ? undefined : DEVOICED[last]
  if (devoiced) stem = stem.slice(0, -1) + devoiced
  // A narrow ы or і between the last two consonants drops before a vowel-initial ending
  // (халық → халқы, орын → орны, ауыз → аузы): leave it out of every form.
  return stem.length >= 4 && ELIDED_VOWEL.test(stem) ? stem.slice(0, -2) + stem.slice(-1) : stem
}

const ELIDED_VOWEL = /[^аәеиоөұүыіэюяу][ыі][^аәеиоөұүыіэюяуи]$/
