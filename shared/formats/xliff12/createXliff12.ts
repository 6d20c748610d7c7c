import {
  taggedPieces,
  type InlineTag,
  type SegmentStatus,
  type TaggedText,
} from '../../model/index.ts'
import { escapeXmlAttribute } from '../xml/index.ts'
import { xmlContent } from '../xliff/inlineTags.ts'
import { pairedInText, type XliffDocumentInput } from '../xliff/xliffDocument.ts'

/*
 * A new XLIFF 1.2 file for a document that did not come from one (a plain text, later a DOCX),
 * valid against the OASIS strict schema. Tags are written as native-code elements — <bpt>,
 * <ept>, <ph>, or <it> for a half whose partner is not in the same text — holding what the
 * tag's tooltip shows, so another tool can display them.
 */

const STATE: Record<SegmentStatus, string> = {
  new: 'new',
  draft: 'needs-translation',
  translated: 'translated',
  approved: 'final',
  rejected: 'needs-review-translation',
}

/** The document as an XLIFF 1.2 file: one trans-unit per segment, targets and states filled. */
export function createXliff12(input: XliffDocumentInput): string {
  const attribute = escapeXmlAttribute
  const units = input.segments.map((segment, index) => {
    const lines = [
      `      <trans-unit id="${index + 1}">`,
      `        <source xml:space="preserve">${inline(segment.source, segment.tags)}</source>`,
    ]
    const hasTarget = segment.target.text !== '' || segment.target.tags.length > 0
    if (hasTarget) {
      lines.push(
        `        <target xml:space="preserve" state="${STATE[segment.status]}">${inline(segment.target, segment.tags)}</target>`,
      )
    }
    for (const note of segment.notes) lines.push(`        <note>${xmlContent(note)}</note>`)
    lines.push('      </trans-unit>')
    return lines.join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${attribute(input.title)}" source-language="${attribute(input.sourceLang)}" target-language="${attribute(input.targetLang)}" datatype="plaintext">`,
    '    <header>',
    '      <tool tool-id="qalam" tool-name="Qalam"/>',
    '    </header>',
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n')
}

function inline(tagged: TaggedText, tags: readonly InlineTag[]): string {
  const byKey = new Map(tags.map((tag) => [`${tag.kind}:${tag.n}`, tag]))
  const paired = pairedInText(tagged)
  let out = ''
  for (const piece of taggedPieces(tagged)) {
    if (typeof piece === 'string') {
      out += xmlContent(piece)
      continue
    }
    const code = xmlContent(byKey.get(`${piece.kind}:${piece.n}`)?.display ?? '')
    if (piece.kind === 'standalone') out += `<ph id="${piece.n}">${code}</ph>`
    else if (!paired.has(piece.n)) {
      out += `<it id="${piece.n}" pos="${piece.kind}">${code}</it>`
    } else if (piece.kind === 'open') out += `<bpt id="${piece.n}">${code}</bpt>`
    else out += `<ept id="${piece.n}">${code}</ept>`
  }
  return out
}
