import { cutLongestEnding } from './cutEnding.ts'

// A light Russian stemmer for matching, not a dictionary: one inflectional ending is taken off
// (after a reflexive -ся/-сь), the longest that leaves three letters and a vowel. Derivational
// suffixes stay, so "библиотека" and "библиотекарь" keep apart. Words come folded (lower case,
// ё → е, й → и), so the endings are spelled that way (-ый is -ыи).

const VOWELS = /[аеиоуыэюя]/

const ENDINGS = [
  // adjectives and participles
  'ыми',
  'ими',
  'ого',
  'его',
  'ому',
  'ему',
  'ыи',
  'ии',
  'ои',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ую',
  'юю',
  'ых',
  'их',
  'ым',
  'им',
  'ом',
  'ем',
  'еи',
  // nouns
  'ами',
  'ями',
  'иями',
  'ах',
  'ях',
  'иях',
  'ам',
  'ям',
  'иям',
  'ов',
  'ев',
  'ия',
  'ие',
  'ию',
  'ью',
  'ье',
  'ья',
  'ьи',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  // verbs
  'ать',
  'ять',
  'ить',
  'еть',
  'уть',
  'ти',
  'ть',
  'ешь',
  'ишь',
  'ете',
  'ите',
  'ет',
  'ит',
  'ут',
  'ют',
  'ат',
  'ят',
  'ала',
  'ало',
  'али',
  'ила',
  'ило',
  'или',
  'ела',
  'ело',
  'ели',
  'ал',
  'ил',
  'ел',
  'ена',
  'ено',
  'ены',
  'ан',
  'ен',
  'уя',
  'вши',
  'вшие',
  'вшии',
  'ующии',
  'ющии',
  'ащии',
  'ящии',
  'ованныи',
  'енныи',
  'анныи',
]

// -сь only after what a verb puts before it (сохранилась, берусь), so рукопись keeps its с.
const REFLEXIVE = /(?:ся|(?<=л[аиое]|[юув]|ши)сь)$/u
const MIN_STEM = 3

/**
 * The stem of a folded Russian word for matching its inflected forms: a reflexive -ся/-сь and
 * then one case, number, gender or verb ending removed when at least three letters and a vowel
 * remain (рукописи, рукописей, рукописями → рукопис). Never touches words of three letters.
 */
export function stemRussian(word: string): string {
  if (word.length <= MIN_STEM) return word
  let stem = word
  if (REFLEXIVE.test(stem) && stem.length - 2 >= MIN_STEM) stem = stem.slice(0, -2)
  return cutLongestEnding(stem, ENDINGS, MIN_STEM, VOWELS)
}
