import {
  sameTagged,
  type ImportedMatch,
  type SegmentInit,
  type SegmentStatus,
  type TaggedText,
} from '../../model/index.ts'
import {
  childElement,
  childElements,
  escapeXmlAttribute,
  indentBefore,
  rewriteElement,
  scanXml,
  spliceText,
  textContent,
  type Splice,
  type XmlDocument,
  type XmlElement,
} from '../xml/index.ts'
import {
  endTagOf,
  numberSource,
  numberTarget,
  readInlinePieces,
  startTagOf,
  wholeElement,
  writeInline,
  type ClassifyInline,
  type InlineRole,
  type TagEvent,
  type WriteUnnested,
} from '../xliff/inlineTags.ts'
import { XliffError, xliffErrorFrom } from '../xliff/xliffError.ts'
import { placeInUnits } from '../xliff/placeInUnits.ts'
import type { ParsedXliff, XliffTargetSegment } from '../xliff/types.ts'

/*
 * XLIFF 2.0 (OASIS, 2014; 2.1 and 2.2 files read the same way), one segment per <segment>.
 * Inline codes <pc>, <sc>/<ec>, <ph>, <mrk>, <sm>/<em>, <cp> become tags whose tooltip shows
 * the unit's <originalData>. Modules and extensions (mtc:matches, glossaries, ITS, tools'
 * own namespaces) stay as they were; the export writes only targets, states and, when a file
 * had no target language yet, `trgLang`.
 */

export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0'
const MATCHES_NS = 'urn:oasis:names:tc:xliff:matches:2.0'
const VERSIONS = new Set(['2.0', '2.1', '2.2'])

interface Slot20 {
  init: SegmentInit
  unit: XmlElement
  write(segment: XliffTargetSegment): Splice[]
}

/** Reads an XLIFF 2.x text into segments; throws `XliffError` naming what is wrong. */
export function parseXliff20(text: string): ParsedXliff {
  const { slots, sourceLang, targetLang } = readSlots(text)
  return { segments: slots.map((slot) => slot.init), sourceLang, targetLang }
}

/**
 * The original XLIFF 2.x text with each segment's target and state written in; everything else
 * is left as it was. `segments` are in the order `parseXliff20` gave.
 */
export function writeXliff20(
  original: string,
  segments: readonly XliffTargetSegment[],
  targetLang: string,
): string {
  // The splices are planned in a call of their own: the parsed tree is garbage by the time the
  // output is built, so a large file never holds both at once.
  return spliceText(original, plan20(original, segments, targetLang))
}

function plan20(
  original: string,
  segments: readonly XliffTargetSegment[],
  targetLang: string,
): Splice[] {
  const { slots, root, document } = readSlots(original)
  if (slots.length !== segments.length) {
    throw new XliffError(
      'mismatch',
      `the original file has ${slots.length} segments, the document ${segments.length}`,
    )
  }
  const splices = slots.flatMap((slot, index) => slot.write(segments[index]!))
  if (root.attributes.trgLang === undefined && splices.length > 0) {
    splices.push(...rewriteElement(root, document.text, { attributes: { trgLang: targetLang } }))
  }
  return splices
}

function scan(text: string): XmlDocument {
  try {
    return scanXml(text)
  } catch (error) {
    throw xliffErrorFrom(error)
  }
}

function readSlots(text: string) {
  const document = scan(text)
  const root = document.root
  if (root.local !== 'xliff') {
    throw new XliffError('not_xliff', `the root element is <${root.name}>, not <xliff>`)
  }
  const version = root.attributes.version ?? ''
  if (!VERSIONS.has(version)) {
    throw new XliffError(
      version.startsWith('1') ? 'wrong_version' : 'unknown_version',
      `XLIFF version ${version || '(none)'} is not 2.0, 2.1 or 2.2`,
    )
  }
  const slots: Slot20[] = []
  collect(root, text, true, slots)
  placeInUnits(slots)
  return {
    slots,
    root,
    document,
    sourceLang: root.attributes.srcLang ?? null,
    targetLang: root.attributes.trgLang ?? null,
  }
}

function collect(container: XmlElement, text: string, translate: boolean, slots: Slot20[]) {
  for (const child of childElements(container)) {
    if (child.uri !== XLIFF20_NS) continue
    const isTranslatable = (child.attributes.translate ?? (translate ? 'yes' : 'no')) !== 'no'
    if (child.local === 'file' || child.local === 'group') {
      collect(child, text, isTranslatable, slots)
    } else if (child.local === 'unit') {
      const from = slots.length
      readUnit(child, text, slots)
      // translate="no": shown for context, locked, never written back.
      if (!isTranslatable) for (const slot of slots.slice(from)) protect(slot)
    }
  }
}

function protect(slot: Slot20): void {
  slot.init.isProtected = true
  slot.write = () => []
}

function readUnit(unit: XmlElement, text: string, slots: Slot20[]) {
  const originalData = new Map<string, string>()
  const original = childElement(unit, 'originalData')
  for (const data of original ? childElements(original, 'data') : []) {
    originalData.set(data.attributes.id ?? '', textContent(data))
  }
  const notesElement = childElement(unit, 'notes')
  const notes = (notesElement ? childElements(notesElement, 'note') : [])
    .map((note) => textContent(note).trim())
    .filter(Boolean)
  const matches = childElements(unit, 'matches').filter((element) => element.uri === MATCHES_NS)
  const classify = classify20(originalData)
  let isFirst = true
  for (const segment of childElements(unit, 'segment')) {
    const source = childElement(segment, 'source')
    if (!source) continue
    const target = childElement(segment, 'target')
    const numbered = numberSource(readInlinePieces(source.children, text, classify))
    if (numbered.tagged.text.trim() === '') continue
    const tags = numbered.tags
    const importedTarget = target
      ? numberTarget(readInlinePieces(target.children, text, classify), tags)
      : { text: '', tags: [] }
    const status = statusFrom20(segment.attributes.state, importedTarget.text)
    const id = segment.attributes.id
    const offered = matches.flatMap((element) =>
      childElements(element, 'match')
        .filter((match) => id === undefined || (match.attributes.ref ?? `#${id}`) === `#${id}`)
        .map((match) => matchOf(match, numbered.tagged.text)),
    )
    slots.push({
      init: {
        source: numbered.tagged.text,
        paragraph: 0,
        before: '',
        target: importedTarget.text,
        status,
        tags,
        sourceTags: numbered.tagged.tags,
        targetTags: importedTarget.tags,
        notes: isFirst ? notes : [],
        matches: offered.filter((match) => match.target.trim() !== ''),
      },
      unit,
      write: (current) =>
        writeSegment({ segment, source, target, text }, importedTarget, status, current),
    })
    isFirst = false
  }
}

function matchOf(match: XmlElement, segmentSource: string): ImportedMatch {
  const source = childElement(match, 'source')
  const target = childElement(match, 'target')
  const quality = Number.parseFloat(match.attributes.matchQuality ?? '')
  return {
    source: source ? textContent(source) : segmentSource,
    target: target ? textContent(target) : '',
    origin: match.attributes.origin ?? match.attributes.type ?? '',
    quality: Number.isFinite(quality) ? quality : null,
  }
}

/** `state` as our status: reviewed and final are approved, translated is translated. */
export function statusFrom20(state: string | undefined, target: string): SegmentStatus {
  if (target.trim() === '') return 'new'
  if (state === 'final' || state === 'reviewed') return 'approved'
  if (state === 'translated' || state === undefined) return 'translated'
  return 'draft'
}

const STATE_FOR: Record<SegmentStatus, string> = {
  new: 'initial',
  draft: 'initial',
  translated: 'translated',
  approved: 'final',
  rejected: 'initial',
}

/** The state to write: the file's own while it still maps to the segment's status. */
function state20For(status: SegmentStatus, original: string | undefined, imported: SegmentStatus) {
  if (original !== undefined && status === imported) return original
  return STATE_FOR[status]
}

const WRAPPING_20 = new Set(['pc', 'mrk'])
const CODE_ROLE: Readonly<Record<string, InlineRole>> = {
  sc: 'open',
  sm: 'open',
  ec: 'close',
  em: 'close',
}

const classify20 =
  (originalData: ReadonlyMap<string, string>): ClassifyInline =>
  (element, text) => {
    const local = element.local
    const attributes = element.attributes
    const id = attributes.id ?? attributes.startRef ?? ''
    const label = attributes.type ?? attributes.subType ?? attributes.disp ?? local
    const shown = (dataRef: string | undefined, fallback: string) =>
      (dataRef !== undefined ? originalData.get(dataRef) : undefined) ??
      attributes.disp ??
      attributes.equiv ??
      fallback
    const event = (
      role: InlineRole,
      raw: string,
      wraps: boolean,
      pairKey: string | null,
      display: string,
    ): TagEvent => ({
      role,
      pairKey,
      label,
      display,
      // An isolated <sc> in a target is still the start of its source's pair.
      data: { raw, el: local, id, wraps, identity: `${local}|${id}|${CODE_ROLE[local] ?? role}` },
    })
    if (WRAPPING_20.has(local) && !element.selfClosing && element.uri === XLIFF20_NS) {
      const key = `w${element.start}`
      const open = startTagOf(element, text)
      const close = endTagOf(element, text)
      return {
        kind: 'wrap',
        open: event('open', open, true, key, shown(attributes.dataRefStart, open)),
        close: event('close', close, true, key, shown(attributes.dataRefEnd, close)),
      }
    }
    const whole = wholeElement(element, text)
    const isolated = attributes.isolated === 'yes'
    if ((local === 'sc' || local === 'sm') && !isolated) {
      return {
        kind: 'atom',
        event: event('open', whole, false, `${local}:${id}`, shown(attributes.dataRef, whole)),
      }
    }
    if ((local === 'ec' || local === 'em') && !isolated) {
      const family = local === 'ec' ? 'sc' : 'sm'
      return {
        kind: 'atom',
        event: event('close', whole, false, `${family}:${id}`, shown(attributes.dataRef, whole)),
      }
    }
    return {
      kind: 'atom',
      event: event('standalone', whole, false, null, shown(attributes.dataRef, whole)),
    }
  }

/** A <pc> that cannot nest in the target becomes <sc/> and <ec/>; a <mrk> is left out. */
const unnested20: WriteUnnested = (data, kind, hasPartner) => {
  if (data.el !== 'pc') return ''
  const id = escapeXmlAttribute(data.id)
  const isolated = hasPartner ? '' : ' isolated="yes"'
  if (kind === 'open') return `<sc id="${id}"${isolated}/>`
  return hasPartner ? `<ec startRef="${id}"/>` : `<ec id="${id}" isolated="yes"/>`
}

function writeSegment(
  parts: {
    segment: XmlElement
    source: XmlElement
    target: XmlElement | undefined
    text: string
  },
  importedTarget: TaggedText,
  importedStatus: SegmentStatus,
  current: XliffTargetSegment,
): Splice[] {
  const isSameText = sameTagged(importedTarget, current.target)
  if (isSameText && importedStatus === current.status) return []
  const { segment, source, target, text } = parts
  const splices: Splice[] = []
  if (importedStatus !== current.status) {
    const state = state20For(current.status, segment.attributes.state, importedStatus)
    splices.push(...rewriteElement(segment, text, { attributes: { state, subState: null } }))
  }
  if (isSameText) return splices
  const content = writeInline(current.target, current.tags, unnested20)
  if (target) return [...splices, ...rewriteElement(target, text, { content })]
  if (content === '') return splices
  splices.push({
    start: source.end,
    end: source.end,
    insert: `${indentBefore(text, source.start)}<target>${content}</target>`,
  })
  return splices
}
