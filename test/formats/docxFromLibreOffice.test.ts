import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  DocxError,
  parseDocx,
  readZip,
  writeDocx,
  type DocxTargetSegment,
  type ZipArchive,
} from '@qalam/shared/formats'
import type { SegmentInit } from '@qalam/shared/model'

/*
 * Files LibreOffice Writer 7.4 wrote (from the HTML and flat ODT sources beside them in
 * test/fixtures/docx/sources/): its own way of writing runs, lists, footnotes, tracked
 * changes, comments, headers and `<w:bidi w:val="0"/>` on every paragraph.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/docx')
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))
const ARCHIVE = 'libreoffice-archive.ru.docx'
const TRACKED = 'libreoffice-tracked.kk.docx'
const WRITTEN = /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/

/**
 * A reversible stand-in for a translation that keeps case and punctuation, so the export cuts
 * into the same sentences: each letter а–я moved `by` places along the alphabet.
 */
function shiftCyrillic(text: string, by: number): string {
  return text.replace(/[а-яА-Я]/g, (char) => {
    const base = char >= 'а' ? 0x430 : 0x410
    return String.fromCharCode(((char.charCodeAt(0) - base + by + 32) % 32) + base)
  })
}

// Arabic letters for Russian ones, one for one, so every tag keeps its offset.
const RUSSIAN = 'абвгдежзийклмнопрстуфхцчшщъыьэюя'
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤ'
const arabicLetters = (text: string) =>
  text.replace(/[а-яА-Я]/g, (char) => ARABIC[RUSSIAN.indexOf(char.toLowerCase())]!)

function translated(
  segments: readonly SegmentInit[],
  transform = (text: string) => shiftCyrillic(text, 1),
): DocxTargetSegment[] {
  return segments.map((segment) => ({
    paragraph: segment.paragraph,
    source: segment.source,
    tags: segment.tags ?? [],
    target: { text: transform(segment.source), tags: [...(segment.sourceTags ?? [])] },
  }))
}

const part = (archive: ZipArchive, name: string) => archive.readText(archive.entry(name)!)
const tagLabels = (segment: SegmentInit) =>
  (segment.tags ?? []).map((tag) => `${tag.kind} ${tag.n} ${tag.label}`)

describe('DOCX written by LibreOffice', () => {
  test('reads headings, list items, table cells and the footnote, formatting as tags', () => {
    const { segments } = parseDocx(read(ARCHIVE), { lang: 'ru' })
    expect(segments.map((segment) => segment.source)).toEqual([
      'Рукописный фонд открывает читальный зал',
      'Осенью отдел редких книг открыл новый читальный зал для исследователей, сообщает вестник библиотеки.',
      'В зале выдают копии рукописей XIXв века.',
      'Что доступно читателям',
      'Каталог карточек в цифровом виде.',
      'Подборка отреставрированных карт.',
      'Запись открыта с 1 октября 2026 года.',
      'Выдача начнётся через неделю.',
      'Собрание',
      'Листов',
      'Письма краеведов',
      '1 250',
      'Степные карты',
      '340',
      'Химики напомнят, что бумагу портит H2O, поэтому влажность в зале держат низкой.',
      'Объявление отдела от 2 сентября.',
    ])
    expect(tagLabels(segments[1]!)).toEqual([
      'open 1 bold',
      'close 1 bold',
      'open 2 link',
      'close 2 link',
      'standalone 3 footnote',
    ])
    // The sentence is plain with one underlined word: the word is tagged, not the rest.
    expect(segments[5]!.sourceTags).toEqual([
      { kind: 'open', n: 1, offset: 9 },
      { kind: 'close', n: 1, offset: 27 },
    ])
    expect(tagLabels(segments[5]!)).toEqual(['open 1 underline', 'close 1 underline'])
  })

  test('round trip: the same segments and tags again, untouched parts byte for byte', () => {
    const original = read(ARCHIVE)
    const parsed = parseDocx(original, { lang: 'ru' })
    const exported = writeDocx(original, translated(parsed.segments), 'kk')
    const again = parseDocx(exported, { lang: 'ru' })
    expect(again.segments.map((segment) => shiftCyrillic(segment.source, -1))).toEqual(
      parsed.segments.map((segment) => segment.source),
    )
    expect(again.segments.map((segment) => segment.sourceTags)).toEqual(
      parsed.segments.map((segment) => segment.sourceTags),
    )
    expect(again.segments.map(tagLabels)).toEqual(parsed.segments.map(tagLabels))
    const before = readZip(original)
    const after = readZip(exported)
    for (const entry of before.entries) {
      if (WRITTEN.test(entry.name)) continue
      expect(after.entry(entry.name)!.compressed, entry.name).toEqual(entry.compressed)
    }
  })

  test('into Arabic: its explicit "not bidi" becomes bidi, left alignment the start, tables mirror', () => {
    const original = read(ARCHIVE)
    const parsed = parseDocx(original, { lang: 'ru' })
    const after = readZip(writeDocx(original, translated(parsed.segments, arabicLetters), 'ar'))
    const xml = part(after, 'word/document.xml')
    expect(xml).not.toContain('<w:bidi w:val="0"/>')
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g)!
    // 16 segments: one paragraph holds two sentences, and the footnote has a part of its own.
    expect(paragraphs).toHaveLength(14)
    for (const paragraph of paragraphs) {
      expect(paragraph).toContain('<w:bidi/>')
      expect(paragraph).not.toContain('<w:jc w:val="left"/>')
      expect(paragraph).toContain('<w:rtl/>')
    }
    expect(xml).toContain('<w:bidiVisual/>')
    expect(part(after, 'word/footnotes.xml')).toContain('<w:rtl/>')
  })

  test('tracked changes: refused unless accepted; accepted, the insertion stays and the deletion goes', () => {
    const original = read(TRACKED)
    expect(() => parseDocx(original, { lang: 'kk' })).toThrow(DocxError)
    const parsed = parseDocx(original, { lang: 'kk', trackedChanges: 'accept' })
    expect(parsed.segments.map((segment) => segment.source)).toEqual([
      'Өлкетанушылардың хаттары',
      'Кітапханада сирек және құнды қолжазбалар сақталған.',
      'Оларды ғалымдар зерттейді.',
      'Қазақ тілінің мұрағаты',
      'Ұлттық кітапхана, 2026',
    ])
    const exported = readZip(writeDocx(original, translated(parsed.segments), 'kk-KZ'))
    const xml = part(exported, 'word/document.xml')
    expect(xml).not.toMatch(/<w:(ins|del)\b/)
    expect(xml).not.toContain('ескі')
    // The comment is kept, not translated: its part is untouched, and its anchor stays after
    // the sentence it was on, not moved to the end of the paragraph.
    const first = xml.indexOf(shiftCyrillic('қолжазбалар сақталған.', 1))
    const anchor = xml.indexOf('<w:commentReference w:id="0"/>')
    const second = xml.indexOf(shiftCyrillic('ғалымдар зерттейді.', 1))
    expect(first).toBeGreaterThan(-1)
    expect(anchor).toBeGreaterThan(first)
    expect(second).toBeGreaterThan(anchor)
    const comments = readZip(original).entry('word/comments.xml')!
    expect(exported.entry('word/comments.xml')!.compressed).toEqual(comments.compressed)
    expect(part(exported, 'word/header1.xml')).toContain(shiftCyrillic('Қазақ тілінің мұрағаты', 1))
    expect(part(exported, 'word/footer1.xml')).toContain(shiftCyrillic('Ұлттық кітапхана, 2026', 1))
  })
})
