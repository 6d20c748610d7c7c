// A deterministic Russian text of `segments` sentences in paragraphs of one to six, with the
// numbers, quotes and abbreviations real archive news carries.
import { seededRandom } from './seededRandom.ts'

const SUBJECTS = [
  'Национальная библиотека',
  'Архив Президента',
  'Делегация ОАЭ',
  'Институт рукописей',
  'Министерство культуры',
  'Научный совет',
]
const VERBS = ['оцифровала', 'передала', 'перевела', 'представила', 'описала', 'сохранила']
const OBJECTS = [
  'редкие издания XIX в.',
  'рукописи по исламской тематике',
  'сборник «Наследие степи»',
  'каталог из 1 250 единиц',
  'труды по экономике и политике',
  'материалы о национальных традициях',
]

/** Deterministic: the same `segments` always gives the same text. */
export function generateDocument(segments: number): string {
  const random = seededRandom(7)
  const next = (n: number) => Math.floor(random() * n)
  const paragraphs: string[] = []
  let sentences: string[] = []
  for (let i = 0; i < segments; i++) {
    const year = 1850 + next(170)
    sentences.push(
      `${SUBJECTS[next(SUBJECTS.length)]} ${VERBS[next(VERBS.length)]} ${OBJECTS[next(OBJECTS.length)]} за ${year} год (№ ${i + 1}).`,
    )
    if (sentences.length > next(6)) {
      paragraphs.push(sentences.join(' '))
      sentences = []
    }
  }
  if (sentences.length) paragraphs.push(sentences.join(' '))
  return paragraphs.join('\n\n') + '\n'
}
