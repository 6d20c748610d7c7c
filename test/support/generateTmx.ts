import { pickOne, seededRandom } from './seededRandom.ts'

const RU =
  'книга библиотека архив рукопись письмо документ перевод автор страница глава история город народ язык время год работа слово'.split(
    ' ',
  )
const KK =
  'кітап кітапхана мұрағат қолжазба хат құжат аударма автор бет тарау тарих қала халық тіл уақыт жыл жұмыс сөз'.split(
    ' ',
  )
const AR =
  'كتاب مكتبة أرشيف مخطوطة رسالة وثيقة ترجمة مؤلف صفحة فصل تاريخ مدينة شعب لغة وقت سنة عمل كلمة'.split(
    ' ',
  )

function sentence(random: () => number, words: readonly string[], index: number): string {
  const length = 6 + Math.floor(random() * 14)
  const picked = Array.from({ length }, () => pickOne(random, words))
  // The unit's number keeps every source distinct, as in a real memory.
  picked.splice(Math.floor(random() * length), 0, String(index))
  const text = picked.join(' ')
  return text[0]!.toUpperCase() + text.slice(1) + '.'
}

function seg(random: () => number, text: string): string {
  if (random() > 0.2) return text
  const cut = text.indexOf(' ')
  return `<bpt i="1">&lt;b&gt;</bpt>${text.slice(0, cut)}<ept i="1">&lt;/b&gt;</ept>${text.slice(cut)}<ph x="2"/>`
}

/**
 * A TMX 1.4b file of `units` ru → kk units (every fifth also ar), with inline codes in a fifth
 * of them, as chunks of about `chunkChars` characters; generated as it is read, never whole.
 */
export function* generateTmx(units: number, { seed = 10, chunkChars = 64 * 1024 } = {}) {
  const random = seededRandom(seed)
  let chunk =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
    '<header creationtool="generator" creationtoolversion="1" segtype="sentence" o-tmf="x"' +
    ' adminlang="en" srclang="ru-RU" datatype="plaintext"/>\n<body>\n'
  for (let index = 0; index < units; index++) {
    const ar =
      index % 5 === 0 ? `<tuv xml:lang="ar-SA"><seg>${sentence(random, AR, index)}</seg></tuv>` : ''
    chunk +=
      `<tu creationid="author${index % 7}" creationdate="20240131T093000Z">` +
      `<tuv xml:lang="ru-RU"><seg>${seg(random, sentence(random, RU, index))}</seg></tuv>` +
      `<tuv xml:lang="kk-KZ"><seg>${seg(random, sentence(random, KK, index))}</seg></tuv>${ar}</tu>\n`
    if (chunk.length >= chunkChars) {
      yield chunk
      chunk = ''
    }
  }
  yield chunk + '</body>\n</tmx>\n'
}

/** `generateTmx` as UTF-8 bytes, for importers that read a byte stream. */
export async function* generateTmxBytes(
  units: number,
  options?: { seed?: number; chunkChars?: number },
) {
  const encoder = new TextEncoder()
  for (const chunk of generateTmx(units, options)) yield encoder.encode(chunk)
}
