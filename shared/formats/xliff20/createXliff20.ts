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
 * A new XLIFF 2.0 file for a document that did not come from one. One unit per segment; each
 * tag is an <sc>/<ec> pair or a <ph> (isolated halves marked as the specification asks) whose
 * original markup sits in the unit's <originalData>, so ids and data references are unique
 * and resolvable.
 */

const STATE: Record<SegmentStatus, string> = {
  new: 'initial',
  draft: 'initial',
  translated: 'translated',
  approved: 'final',
  rejected: 'initial',
}

/** The document as an XLIFF 2.0 file. */
export function createXliff20(input: XliffDocumentInput): string {
  const attribute = escapeXmlAttribute
  const units = input.segments.map((segment, index) => {
    const used = new Map<string, string>()
    const source = inline(segment.source, segment.tags, used)
    const hasTarget = segment.target.text !== '' || segment.target.tags.length > 0
    const target = hasTarget ? inline(segment.target, segment.tags, used) : null
    const lines = [`    <unit id="u${index + 1}">`]
    if (segment.notes.length > 0) {
      lines.push('      <notes>')
      for (const note of segment.notes) lines.push(`        <note>${xmlContent(note)}</note>`)
      lines.push('      </notes>')
    }
    if (used.size > 0) {
      lines.push('      <originalData>')
      for (const [id, data] of used)
        lines.push(`        <data id="${id}">${xmlContent(data)}</data>`)
      lines.push('      </originalData>')
    }
    lines.push(`      <segment id="s${index + 1}" state="${STATE[segment.status]}">`)
    lines.push(`        <source xml:space="preserve">${source}</source>`)
    if (target !== null) lines.push(`        <target xml:space="preserve">${target}</target>`)
    lines.push('      </segment>', '    </unit>')
    return lines.join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${attribute(input.sourceLang)}" trgLang="${attribute(input.targetLang)}">`,
    `  <file id="f1" original="${attribute(input.title)}">`,
    ...units,
    '  </file>',
    '</xliff>',
    '',
  ].join('\n')
}

function inline(tagged: TaggedText, tags: readonly InlineTag[], used: Map<string, string>): string {
  const byKey = new Map(tags.map((tag) => [`${tag.kind}:${tag.n}`, tag]))
  const paired = pairedInText(tagged)
  let out = ''
  for (const piece of taggedPieces(tagged)) {
    if (typeof piece === 'string') {
      out += xmlContent(piece)
      continue
    }
    const display = byKey.get(`${piece.kind}:${piece.n}`)?.display ?? ''
    const suffix = piece.kind === 'open' ? 'o' : piece.kind === 'close' ? 'c' : 's'
    const dataId = `d${piece.n}${suffix}`
    used.set(dataId, display)
    if (piece.kind === 'standalone') out += `<ph id="p${piece.n}" dataRef="${dataId}"/>`
    else if (piece.kind === 'open') {
      const isolated = paired.has(piece.n) ? '' : ' isolated="yes"'
      out += `<sc id="t${piece.n}"${isolated} dataRef="${dataId}"/>`
    } else if (paired.has(piece.n)) out += `<ec startRef="t${piece.n}" dataRef="${dataId}"/>`
    else out += `<ec id="e${piece.n}" isolated="yes" dataRef="${dataId}"/>`
  }
  return out
}
