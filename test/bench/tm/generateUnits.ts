// Deterministic translation units for the memory benchmark: Russian sources of realistic length
// with inflected words (a Zipf-like vocabulary of real archive words and generated stems, each
// with case, number and verb endings), numbers and punctuation, and targets in Kazakh (endings
// chosen by vowel harmony) or Arabic (article, conjunction and suffixes). Every unit is
// generated from its id alone, so the benchmark keeps no text in memory.
import { seededRandom } from '../../support/seededRandom.ts'

type Random = () => number

const RU_FUNCTION = [
  'и',
  'в',
  'на',
  'с',
  'по',
  'для',
  'из',
  'о',
  'к',
  'не',
  'что',
  'как',
  'а',
  'от',
  'до',
  'за',
  'при',
  'также',
  'был',
  'это',
]
const RU_REAL = [
  'библиотек',
  'архив',
  'рукопис',
  'документ',
  'фонд',
  'коллекци',
  'издани',
  'каталог',
  'министерств',
  'культур',
  'истори',
  'наследи',
  'сотрудничеств',
  'исследовани',
  'материал',
  'проект',
  'выставк',
  'журнал',
  'газет',
  'перевод',
]
const RU_NOUN_ENDINGS = ['', 'а', 'ы', 'е', 'у', 'ой', 'ами', 'ах', 'ов', 'и', 'ом']
const RU_ADJ_ENDINGS = ['ый', 'ая', 'ое', 'ые', 'ого', 'ой', 'ых', 'ым', 'ую']
const RU_VERB_ENDINGS = ['ал', 'ала', 'али', 'ает', 'ают', 'ить', 'ено', 'ены']
const RU_CONSONANTS = 'бвгдзклмнпрстфхцчшж'
const RU_VOWELS = 'аеиоуыя'

const KK_REAL = [
  'кітап',
  'мұрағат',
  'қор',
  'құжат',
  'қолжазба',
  'мәдениет',
  'тарих',
  'мұра',
  'жоба',
  'көрме',
  'аударма',
  'ғылым',
  'халық',
  'ел',
  'жыл',
]
const KK_CONSONANTS = 'бғджзйклмнңпрстқшх'
const KK_BACK = 'аоұы'
const KK_FRONT = 'әеөүі'

const AR_REAL = [
  'مكتب',
  'ارشيف',
  'مخطوط',
  'وثيق',
  'ثقاف',
  'تاريخ',
  'تراث',
  'مشروع',
  'معرض',
  'ترجم',
  'علم',
  'شعب',
  'دول',
  'سن',
]
const AR_LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي'

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!
// Rank-skewed choice: low indices far more often, as word frequencies are.
const zipf = (random: Random, size: number) => Math.floor(size * random() ** 2.6)

function syllables(random: Random, consonants: string, vowels: string, count: number): string {
  let word = ''
  for (let i = 0; i < count; i++)
    word +=
      consonants[Math.floor(random() * consonants.length)]! +
      vowels[Math.floor(random() * vowels.length)]!
  return word + consonants[Math.floor(random() * consonants.length)]!
}

function buildStems(seed: number, size: number, make: (random: Random) => string): string[] {
  const random = seededRandom(seed)
  return Array.from({ length: size }, () => make(random))
}

const RU_STEMS = [
  ...RU_REAL,
  ...buildStems(11, 9000, (r) => syllables(r, RU_CONSONANTS, RU_VOWELS, 1 + Math.floor(r() * 3))),
]
const KK_STEMS = [
  ...KK_REAL,
  ...buildStems(12, 7000, (r) =>
    syllables(r, KK_CONSONANTS, r() < 0.5 ? KK_BACK : KK_FRONT, 1 + Math.floor(r() * 3)),
  ),
]
const AR_STEMS = [
  ...AR_REAL,
  ...buildStems(13, 5000, (r) => syllables(r, AR_LETTERS, 'اوي', 1) + pick(r, [...AR_LETTERS])),
]

function russianWord(random: Random): string {
  const stem = RU_STEMS[zipf(random, RU_STEMS.length)]!
  const kind = random()
  if (kind < 0.6) return stem + pick(random, RU_NOUN_ENDINGS)
  if (kind < 0.85) return stem + pick(random, RU_ADJ_ENDINGS)
  return stem + pick(random, RU_VERB_ENDINGS)
}

function kazakhWord(random: Random): string {
  const stem = KK_STEMS[zipf(random, KK_STEMS.length)]!
  const back = [...stem]
    .reverse()
    .find((letter) => KK_BACK.includes(letter) || KK_FRONT.includes(letter))
  const isBack = back === undefined || KK_BACK.includes(back)
  const voiceless = /[кқпстфхцчшщ]$/.test(stem)
  const plural =
    random() < 0.3 ? (voiceless ? (isBack ? 'тар' : 'тер') : isBack ? 'лар' : 'лер') : ''
  const cases = isBack
    ? ['', '', 'да', 'ның', 'ға', 'ды', 'дан', 'ы']
    : ['', '', 'де', 'нің', 'ге', 'ді', 'ден', 'і']
  return stem + plural + pick(random, cases)
}

function arabicWord(random: Random): string {
  const stem = AR_STEMS[zipf(random, AR_STEMS.length)]!
  const prefix = pick(random, ['', '', 'ال', 'ال', 'وال', 'بال', 'و'])
  const suffix = pick(random, ['', '', 'ة', 'ات', 'ين', 'ي'])
  return prefix + stem + suffix
}

function sentence(
  random: Random,
  words: number,
  word: (random: Random) => string,
  functionWords: readonly string[],
  comma: string,
): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) {
    const roll = random()
    if (roll < 0.3 && functionWords.length > 0) parts.push(pick(random, functionWords))
    else if (roll < 0.34)
      parts.push(
        String(random() < 0.6 ? 1850 + Math.floor(random() * 176) : Math.floor(random() * 5000)),
      )
    else parts.push(word(random))
    if (i < words - 1 && random() < 0.07) parts[parts.length - 1] += comma
  }
  const text = parts.join(' ') + '.'
  return text[0]!.toUpperCase() + text.slice(1)
}

function sentenceLength(random: Random): number {
  // Mostly 8–20 words, a tail to 45, as archive and library prose runs.
  return Math.min(45, 4 + Math.floor(-Math.log(1 - random()) * 10))
}

/** A generated unit: Russian source, Kazakh target for even ids and Arabic for odd. */
export interface GeneratedUnit {
  id: number
  source: string
  target: string
  targetLang: 'kk' | 'ar'
}

/** The unit with this id; the same id always gives the same unit. */
export function generateUnit(id: number): GeneratedUnit {
  const random = seededRandom(Math.imul(id + 1, 0x9e3779b1) ^ 0x5bd1e995)
  const length = sentenceLength(random)
  const source = sentence(random, length, russianWord, RU_FUNCTION, ',')
  const targetLength = Math.max(2, Math.round(length * (0.75 + random() * 0.2)))
  if (id % 2 === 0) {
    return {
      id,
      source,
      target: sentence(random, targetLength, kazakhWord, ['және', 'мен', 'бойынша', 'үшін'], ','),
      targetLang: 'kk',
    }
  }
  return {
    id,
    source,
    target: sentence(random, targetLength, arabicWord, ['في', 'من', 'على', 'إلى'], '،'),
    targetLang: 'ar',
  }
}

/** A Russian sentence unrelated to any unit (drawn from another seed space). */
export function unrelatedSentence(seed: number): string {
  const random = seededRandom(0x7fffffff - seed)
  return sentence(random, sentenceLength(random), russianWord, RU_FUNCTION, ',')
}

/** `source` with its `nth` word (counted among words of three letters or more) given another ending or replaced. */
export function changeOneWord(source: string, random: Random, inflectOnly: boolean): string {
  const words = source.split(' ')
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[а-яё]{4,}/i.test(word))
  if (candidates.length === 0) return source + ' ' + russianWord(random)
  const { word, index } = pick(random, candidates)
  const trailing = word.match(/[,.]$/)?.[0] ?? ''
  const bare = trailing ? word.slice(0, -1) : word
  words[index] =
    (inflectOnly
      ? bare.replace(/[аеиоуыяйюь]+$/u, '') + pick(random, RU_NOUN_ENDINGS)
      : russianWord(random)) + trailing
  return words.join(' ')
}

/** `source` with one number changed, or a number added when it has none. */
export function changeOneNumber(source: string, random: Random): string {
  const numbers = [...source.matchAll(/\d+/g)]
  if (numbers.length === 0) return source.replace(/\.$/, ` ${1900 + Math.floor(random() * 120)}.`)
  const chosen = pick(random, numbers)
  const replacement = String(Number(chosen[0]) + 1 + Math.floor(random() * 9))
  return source.slice(0, chosen.index) + replacement + source.slice(chosen.index + chosen[0].length)
}
