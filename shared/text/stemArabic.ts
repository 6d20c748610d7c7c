// A light Arabic stemmer in the manner of Larkey's Light10, for matching term and concordance
// words, not roots: it takes off a conjunction (و ف), the article with the particles that fuse
// with it (ال بال كال فال لل), and one plural, dual or pronoun suffix. Words come folded (no
// harakat or tatweel, hamza forms of alef as ا, ة as ه, ى as ي), so the lists are spelled so.

const ARTICLES = ['وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'ال', 'لل']
const SUFFIXES = [
  'هما',
  'كما',
  'تين',
  'ات',
  'ان',
  'ون',
  'ين',
  'ها',
  'هم',
  'هن',
  'نا',
  'كم',
  'يه',
  'ه',
  'ي',
]
const CONJUNCTIONS = ['و', 'ف']
// Prepositions written joined to a word without the article (بمكتبه, لمكتبه, كمكتبه). Many
// words begin with these letters (كتاب, بلد, لبنان), so they are cut only as an alternative.
const PROCLITICS = ['ب', 'ل', 'ك']

// Arabic stems have three radicals; leave at least that many letters.
const MIN_STEM = 3

function cutArticle(word: string): string | null {
  for (const article of ARTICLES) {
    if (word.startsWith(article) && word.length - article.length >= MIN_STEM - 1) {
      return word.slice(article.length)
    }
  }
  return null
}

function cutPrefixes(word: string): string {
  const withoutArticle = cutArticle(word)
  if (withoutArticle !== null) return withoutArticle
  if (CONJUNCTIONS.some((conjunction) => word.startsWith(conjunction))) {
    const rest = word.slice(1)
    const restWithoutArticle = cutArticle(rest)
    if (restWithoutArticle !== null) return restWithoutArticle
    // A bare و or ف is cut only from a long word: many roots begin with و (وثائق, وطن).
    if (rest.length >= MIN_STEM + 2) return rest
  }
  return word
}

function cutSuffix(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      return word.slice(0, -suffix.length)
    }
  }
  return word
}

/**
 * The light stem of a folded Arabic word: conjunction, article (with fused ب ك ف ل) and one
 * suffix removed, at least three letters kept (المكتبه, بالمكتبه, والمكتبات, مكتبه → مكتب).
 */
export function stemArabic(word: string): string {
  return cutSuffix(cutPrefixes(word))
}

/**
 * The light stem of a folded Arabic word and, when it may begin with a joined preposition
 * (ب ل ك, after an optional و ف) or a short word a conjunction, the stems without them too: for finding terms and concordance
 * words that are written بمكتبه or لمكتبه. The first entry is always `stemArabic(word)`.
 */
export function arabicStemVariants(word: string): string[] {
  const variants = [stemArabic(word)]
  const add = (form: string) => {
    if (form.length < MIN_STEM) return
    const stem = stemArabic(form)
    if (!variants.includes(stem)) variants.push(stem)
  }
  const forms = [word]
  if (CONJUNCTIONS.some((conjunction) => word.startsWith(conjunction))) forms.push(word.slice(1))
  for (const form of forms) {
    if (form !== word) add(form)
    if (PROCLITICS.some((proclitic) => form.startsWith(proclitic))) add(form.slice(1))
  }
  return variants
}
