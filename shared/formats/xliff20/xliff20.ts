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
  spliceWriter,
  stringOutput,
  type TextOutput,
  streamXml,
  textContent,
  type Splice,
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
import type { ParsedXliff, XliffTargetSegment, XliffWriter } from '../xliff/types.ts'

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
  write(segment: XliffTargetSegment): Splice[]
}

/** Reads an XLIFF 2.x text into segments; throws `XliffError` naming what is wrong. */
export function parseXliff20(text: string): ParsedXliff {
  const placed: Array<{ init: SegmentInit; unit: number }> = []
  let units = 0
  const root = readUnits(text, (slots) => {
    for (const slot of slots) placed.push({ init: slot.init, unit: units })
    units++
  })
  placeInUnits(placed)
  return {
    segments: placed.map((slot) => slot.init),
    sourceLang: root.attributes.srcLang ?? null,
    targetLang: root.attributes.trgLang ?? null,
  }
}

/**
 * The original XLIFF 2.x text with each segment's target and state written in; everything else
 * is left as it was. `segments` are in the order `parseXliff20` gave; each is taken only when
 * its unit is written, so they may be read lazily.
 */
export const writeXliff20: XliffWriter = function writeXliff20<Output>(
  original: string,
  segments: Iterable<XliffTargetSegment>,
  targetLang: string,
  output: TextOutput<Output | string> = stringOutput(),
): Output | string {
  // The original is read a unit at a time and each unit's changes are written as it ends: a
  // large file is never held as one tree beside the output (see issue 13's figures).
  const writer = spliceWriter(original, output)
  const current = segments[Symbol.iterator]()
  let slots = 0
  let given = 0
  // A file without a target language gets one, once anything is written into it.
  let rootTag: Splice[] = []
  readUnits(
    original,
    (unitSlots) => {
      for (const slot of unitSlots) {
        slots++
        const next = current.next()
        if (next.done) continue
        given++
        const splices = slot.write(next.value)
        if (splices.length === 0) continue
        writer.add(rootTag)
        rootTag = []
        writer.add(splices)
      }
    },
    (root) => {
      if (root.attributes.trgLang !== undefined) return
      rootTag = rewriteElement(root, original, { attributes: { trgLang: targetLang } })
    },
  )
  while (!current.next().done) given++
  if (slots !== given) {
    throw new XliffError(
      'mismatch',
      `the original file has ${slots} segments, the document ${given}`,
    )
  }
  return writer.finish()
} as XliffWriter

/**
 * Reads the units of an XLIFF 2.x text one at a time, in file order, and hands each one's
 * segments to `onUnit`; the unit's tree is let go after. `onRoot` sees the root's start tag
 * first. Returns the root (its attributes; it holds no children).
 */
function readUnits(
  text: string,
  onUnit: (slots: Slot20[]) => void,
  onRoot?: (root: XmlElement) => void,
): XmlElement {
  let root: XmlElement | null = null
  try {
    streamXml(text, {
      onOpen(element) {
        if (element.parent !== null) return
        checkRoot(element)
        root = element
        onRoot?.(element)
      },
      isWhole: isUnit,
      onWhole(unit) {
        const slots: Slot20[] = []
        readUnit(unit, text, slots)
        // translate="no": shown for context, locked, never written back.
        if (!isTranslatable(unit)) for (const slot of slots) protect(slot)
        onUnit(slots)
      },
    })
  } catch (error) {
    throw xliffErrorFrom(error)
  }
  if (!root) throw new XliffError('malformed', 'the file holds no XML element')
  return root
}

function checkRoot(root: XmlElement): void {
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
}

/** A <unit> of XLIFF 2 with only <file> and <group> elements of XLIFF 2 between it and the root. */
function isUnit(element: XmlElement): boolean {
  if (element.uri !== XLIFF20_NS || element.local !== 'unit') return false
  for (let up = element.parent; up?.parent; up = up.parent) {
    if (up.uri !== XLIFF20_NS || (up.local !== 'file' && up.local !== 'group')) return false
  }
  return element.parent !== null
}

/** `translate` is inherited: the nearest <unit>, <group> or <file> that says decides. */
function isTranslatable(unit: XmlElement): boolean {
  for (let up: XmlElement | null = unit; up?.parent; up = up.parent) {
    const translate = up.attributes.translate
    if (translate !== undefined) return translate !== 'no'
  }
  return true
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
