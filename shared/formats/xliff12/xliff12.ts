import type {
  ImportedMatch,
  InlineTag,
  SegmentInit,
  SegmentStatus,
  TaggedText,
} from '../../model/index.ts'
import {
  childElement,
  childElements,
  escapeXmlAttribute,
  indentBefore,
  rewriteElement,
  spliceText,
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
import { sameTagged } from '../../model/index.ts'
import { statusFrom12, state12For, sdlConfFor, statusFromSdlConf } from './states12.ts'

/*
 * XLIFF 1.2 (OASIS, 2008), read into segments and written back into the same file. One
 * segment per <trans-unit>, or per <mrk mtype="seg"> of its <seg-source> (Trados SDLXLIFF,
 * memoQ and Okapi segment this way). Everything the export does not change — headers, skeletons,
 * tool namespaces (sdl:, mq:, Phrase's, ITS attributes), alt-trans, notes, untouched
 * targets — is copied from the original text unchanged.
 */

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2'
const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0'

/** One place in the file that holds a segment, with what was read there. */
interface Slot12 {
  init: SegmentInit
  /** The number of its <trans-unit> in the file, from 0. */
  unit: number
  source: TaggedText
  /** The imported target and status, to tell what the export changes. */
  importedTarget: TaggedText
  importedStatus: SegmentStatus
  write(segment: XliffTargetSegment, targetLang: string): Splice[]
}

/** Reads an XLIFF 1.2 text into segments; throws `XliffError` naming what is wrong. */
export function parseXliff12(text: string): ParsedXliff {
  // Only what the import keeps of each slot: the unit's tree is garbage once it is read.
  const placed: Array<{ init: SegmentInit; unit: number }> = []
  const { sourceLang, targetLang } = readUnits(text, (slots) => {
    for (const slot of slots) placed.push({ init: slot.init, unit: slot.unit })
  })
  placeInUnits(placed)
  return { segments: placed.map((slot) => slot.init), sourceLang, targetLang }
}

/**
 * The original XLIFF 1.2 text with each segment's target and status written in; every part the
 * segments do not change is left as it was. `segments` are in the order `parseXliff12` gave;
 * each is taken only when its unit is written, so they may be read lazily.
 */
export const writeXliff12: XliffWriter = function writeXliff12<Output>(
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
  readUnits(original, (unitSlots) => {
    // One batch per unit: a Trados unit's segments write both into its target and into its
    // sdl:seg-defs, which come after it, so their splices interleave.
    const splices: Splice[] = []
    for (const slot of unitSlots) {
      slots++
      const next = current.next()
      if (next.done) continue
      given++
      splices.push(...slot.write(next.value, targetLang))
    }
    writer.add(splices)
  })
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
 * Reads the <trans-unit>s of an XLIFF 1.2 text one at a time, in file order (those of each
 * <file>'s <body>, in <group>s at any depth), and hands each one's segments to `onUnit`; the
 * unit's tree is let go after. Returns the languages of the first <file> that names them.
 */
function readUnits(
  text: string,
  onUnit: (slots: Slot12[]) => void,
): { sourceLang: string | null; targetLang: string | null } {
  let root: XmlElement | null = null
  let sourceLang: string | null = null
  let targetLang: string | null = null
  // A <file>'s first <body> only, as a reader of the tree would take it.
  const bodies = new Map<XmlElement, XmlElement>()
  let units = 0
  try {
    streamXml(text, {
      onOpen(element) {
        if (element.parent === null) {
          checkRoot(element)
          root = element
        } else if (element.local === 'file' && element.parent === root) {
          sourceLang ??= element.attributes['source-language'] ?? null
          targetLang ??= element.attributes['target-language'] ?? null
        } else if (element.local === 'body' && element.parent.local === 'file') {
          const file = element.parent
          if (file.parent === root && !bodies.has(file)) bodies.set(file, element)
        }
      },
      isWhole: (element) => isUnit(element, bodies),
      onWhole(unit) {
        const slots: Slot12[] = []
        readUnit(unit, units++, text, slots)
        // translate="no": shown for context, locked, never written back.
        if (!isTranslatable(unit)) for (const slot of slots) protect(slot)
        onUnit(slots)
      },
    })
  } catch (error) {
    throw xliffErrorFrom(error)
  }
  if (!root) throw new XliffError('malformed', 'the file holds no XML element')
  return { sourceLang, targetLang }
}

function checkRoot(root: XmlElement): void {
  if (root.local !== 'xliff') {
    throw new XliffError('not_xliff', `the root element is <${root.name}>, not <xliff>`)
  }
  const version = root.attributes.version
  if (version !== '1.2') {
    throw new XliffError(
      version?.startsWith('2') ? 'wrong_version' : 'unknown_version',
      `XLIFF version ${version ?? '(none)'} is not 1.2`,
    )
  }
}

/** Elements of XLIFF 1.2 (or of no namespace, as some tools write it). */
function isXliff12(element: XmlElement): boolean {
  return element.uri === XLIFF12_NS || element.uri === ''
}

/** A <trans-unit> of a file's body, with only XLIFF 1.2 <group>s between. */
function isUnit(element: XmlElement, bodies: ReadonlyMap<XmlElement, XmlElement>): boolean {
  if (element.local !== 'trans-unit' || !isXliff12(element)) return false
  let up = element.parent
  while (up && up.local === 'group' && isXliff12(up)) up = up.parent
  return up !== null && up.parent !== null && bodies.get(up.parent) === up
}

/** `translate` is inherited: the nearest <trans-unit> or <group> that says decides. */
function isTranslatable(unit: XmlElement): boolean {
  for (let up: XmlElement | null = unit; up && up.local !== 'body'; up = up.parent) {
    const translate = up.attributes.translate
    if (translate !== undefined) return translate !== 'no'
  }
  return true
}

function protect(slot: Slot12): void {
  slot.init.isProtected = true
  slot.write = () => []
}

function readUnit(unit: XmlElement, unitIndex: number, text: string, slots: Slot12[]) {
  const source = childElement(unit, 'source')
  if (!source) return
  const target = childElement(unit, 'target')
  const segSource = childElement(unit, 'seg-source')
  const notes = childElements(unit, 'note')
    .map((note) => textContent(note).trim())
    .filter(Boolean)
  const altTrans = childElements(unit, 'alt-trans')
  const sourceMarks = segSource ? segmentMarks(segSource) : []
  if (sourceMarks.length === 0) {
    const read = readSide(source, target, text)
    if (!read) return
    const status = unitStatus(unit, target, read.target)
    slots.push({
      init: initOf(
        read,
        status,
        notes,
        altTrans.map((alt) => matchOf(alt, read.source.text)),
      ),
      unit: unitIndex,
      source: read.source,
      importedTarget: read.target,
      importedStatus: status,
      write: (segment, lang) =>
        writeUnitTarget({ unit, source, segSource, target, text }, read, status, segment, lang),
    })
    return
  }
  const targetMarks = new Map(
    (target ? segmentMarks(target) : []).map((mark) => [mark.attributes.mid ?? '', mark]),
  )
  const sdlSegs = sdlSegments(unit)
  const parts: MarkedUnit = {
    unit,
    source,
    segSource: segSource!,
    target,
    text,
    hasTargetMarks: targetMarks.size > 0,
    written: new Map(),
    slotMids: [],
  }
  sourceMarks.forEach((mark, index) => {
    const mid = mark.attributes.mid ?? ''
    const targetMark = targetMarks.get(mid)
    const read = readSide(mark, targetMark, text)
    if (!read) return
    const sdl = sdlSegs.get(mid)
    const status =
      sdl !== undefined
        ? statusFromSdlConf(sdl.attributes.conf, read.target.text)
        : unitStatus(unit, target, read.target)
    const matches = altTrans
      .filter((alt) => (alt.attributes.mid ?? mid) === mid)
      .map((alt) => matchOf(alt, read.source.text))
    parts.slotMids.push(mid)
    slots.push({
      init: initOf(read, status, index === 0 ? notes : [], matches),
      unit: unitIndex,
      source: read.source,
      importedTarget: read.target,
      importedStatus: status,
      write: (segment, lang) =>
        writeMarkTarget(parts, { mid, targetMark, sdl, read, status }, segment, lang),
    })
  })
}

interface SideRead {
  source: TaggedText
  target: TaggedText
  tags: InlineTag[]
}

/** A source (and its target) as tagged texts; null when the source has no text to translate. */
function readSide(
  source: XmlElement,
  target: XmlElement | undefined,
  text: string,
): SideRead | null {
  const numbered = numberSource(readInlinePieces(source.children, text, classify12))
  if (numbered.tagged.text.trim() === '') return null
  const tags = numbered.tags
  const targetTagged = target
    ? numberTarget(readInlinePieces(target.children, text, classify12), tags)
    : { text: '', tags: [] }
  return { source: numbered.tagged, target: targetTagged, tags }
}

function initOf(
  read: SideRead,
  status: SegmentStatus,
  notes: string[],
  matches: ImportedMatch[],
): SegmentInit {
  return {
    source: read.source.text,
    paragraph: 0,
    before: '',
    target: read.target.text,
    status,
    tags: read.tags,
    sourceTags: read.source.tags,
    targetTags: read.target.tags,
    notes,
    matches: matches.filter((match) => match.target.trim() !== ''),
  }
}

function unitStatus(
  unit: XmlElement,
  target: XmlElement | undefined,
  read: TaggedText,
): SegmentStatus {
  if (unit.attributes.approved === 'yes' && read.text.trim() !== '') return 'approved'
  return statusFrom12(target?.attributes.state, read.text)
}

function matchOf(alt: XmlElement, unitSource: string): ImportedMatch {
  const altSource = childElement(alt, 'source')
  const altTarget = childElement(alt, 'target')
  const quality = Number.parseFloat(alt.attributes['match-quality'] ?? '')
  return {
    source: altSource ? textContent(altSource) : unitSource,
    target: altTarget ? textContent(altTarget) : '',
    origin: alt.attributes.origin ?? alt.attributes['tool-id'] ?? alt.attributes.tool ?? '',
    quality: Number.isFinite(quality) ? quality : null,
  }
}

/** `<mrk mtype="seg">` of a seg-source or target, wherever nested (SDLXLIFF puts some in <g>). */
function segmentMarks(element: XmlElement): XmlElement[] {
  const marks: XmlElement[] = []
  for (const child of childElements(element)) {
    if (child.local === 'mrk' && child.attributes.mtype === 'seg') marks.push(child)
    else marks.push(...segmentMarks(child))
  }
  return marks
}

/** Trados' per-segment records: `<sdl:seg-defs><sdl:seg id="…" conf="…">` by segment id. */
function sdlSegments(unit: XmlElement): Map<string, XmlElement> {
  const found = new Map<string, XmlElement>()
  for (const defs of childElements(unit, 'seg-defs')) {
    if (defs.uri !== SDL_NS) continue
    for (const seg of childElements(defs, 'seg')) found.set(seg.attributes.id ?? '', seg)
  }
  return found
}

const PAIRED_12 = new Set(['g', 'mrk'])

const classify12: ClassifyInline = (element, text) => {
  const id = element.attributes.id ?? element.attributes.mid ?? ''
  const local = element.local
  const label =
    element.attributes.ctype ?? element.attributes.mtype ?? element.attributes.pos ?? local
  const code = NATIVE_CODE_12.has(local) ? textContent(element) : ''
  const event = (role: InlineRole, raw: string, wraps: boolean, pairKey: string | null) => {
    return {
      role,
      pairKey,
      label,
      display: code !== '' ? code : raw,
      data: { raw, el: local, id, wraps, identity: `${local}|${id}|${role}` },
    } satisfies TagEvent
  }
  if (PAIRED_12.has(local) && !element.selfClosing && element.uri === XLIFF12_NS) {
    return {
      kind: 'wrap',
      open: event('open', startTagOf(element, text), true, `w${element.start}`),
      close: event('close', endTagOf(element, text), true, `w${element.start}`),
    }
  }
  const whole = wholeElement(element, text)
  const rid = element.attributes.rid ?? id
  const family = local === 'bpt' || local === 'ept' ? 'pt' : 'x'
  if (local === 'bpt' || local === 'bx') {
    return { kind: 'atom', event: event('open', whole, false, `${family}:${rid}`) }
  }
  if (local === 'ept' || local === 'ex') {
    return { kind: 'atom', event: event('close', whole, false, `${family}:${rid}`) }
  }
  return { kind: 'atom', event: event('standalone', whole, false, null) }
}

/** Elements whose content is the original code they stand for (shown in the tooltip). */
const NATIVE_CODE_12 = new Set(['bpt', 'ept', 'ph', 'it'])

/** A <g> that cannot nest in the target becomes <bx/> and <ex/>; a <mrk> is left out. */
const unnested12: WriteUnnested = (data, kind) => {
  if (data.el !== 'g') return ''
  const id = escapeXmlAttribute(data.id)
  return kind === 'open' ? `<bx id="${id}" rid="${id}"/>` : `<ex id="${id}" rid="${id}"/>`
}

interface UnitParts {
  unit: XmlElement
  source: XmlElement
  segSource: XmlElement | undefined
  target: XmlElement | undefined
  text: string
}

function hasChanged(read: SideRead, importedStatus: SegmentStatus, segment: XliffTargetSegment) {
  return !sameTagged(read.target, segment.target) || importedStatus !== segment.status
}

function writeUnitTarget(
  parts: UnitParts,
  read: SideRead,
  importedStatus: SegmentStatus,
  segment: XliffTargetSegment,
  targetLang: string,
): Splice[] {
  if (!hasChanged(read, importedStatus, segment)) return []
  const isEmpty = segment.target.text === '' && segment.target.tags.length === 0
  const content = writeInline(segment.target, segment.tags, unnested12)
  const { target, text } = parts
  const state = state12For(segment.status, target?.attributes.state, importedStatus)
  if (!target) {
    if (isEmpty) return []
    const after = parts.segSource ?? parts.source
    const indent = indentBefore(text, parts.source.start)
    const lang = escapeXmlAttribute(targetLang)
    return [
      {
        start: after.end,
        end: after.end,
        insert: `${indent}<target xml:lang="${lang}" state="${state}">${content}</target>`,
      },
    ]
  }
  return rewriteElement(target, text, {
    ...(sameTagged(read.target, segment.target) ? {} : { content }),
    ...(importedStatus === segment.status
      ? {}
      : { attributes: { state, 'state-qualifier': null } }),
  })
}

/** A unit segmented by <mrk mtype="seg">, and what its segments' export has written so far. */
interface MarkedUnit extends UnitParts {
  segSource: XmlElement
  /** Whether the target already has segment markers to write into. */
  hasTargetMarks: boolean
  /** Content written per marker id, for a target built from the seg-source. */
  written: Map<string, string>
  /** The marker ids that are segments, in order: the last one builds a new target. */
  slotMids: string[]
}

function writeMarkTarget(
  parts: MarkedUnit,
  mark: {
    mid: string
    targetMark: XmlElement | undefined
    sdl: XmlElement | undefined
    read: SideRead
    status: SegmentStatus
  },
  segment: XliffTargetSegment,
  targetLang: string,
): Splice[] {
  const { text } = parts
  const splices: Splice[] = []
  const changed = hasChanged(mark.read, mark.status, segment)
  if (changed && mark.sdl && mark.status !== segment.status) {
    splices.push(
      ...rewriteElement(mark.sdl, text, { attributes: { conf: sdlConfFor(segment.status) } }),
    )
  }
  const content = writeInline(segment.target, segment.tags, unnested12)
  if (changed && !sameTagged(mark.read.target, segment.target)) {
    if (mark.targetMark) splices.push(...rewriteElement(mark.targetMark, text, { content }))
    else if (!parts.hasTargetMarks) parts.written.set(mark.mid, content)
  }
  const isLast = parts.slotMids[parts.slotMids.length - 1] === mark.mid
  if (isLast && parts.written.size > 0) splices.push(newMarkedTarget(parts, targetLang))
  return splices
}

/**
 * A target built from the seg-source, each segment marker holding its translation (empty when
 * there is none yet), for a unit whose target had no segment markers.
 */
function newMarkedTarget(parts: MarkedUnit, targetLang: string): Splice {
  const { segSource, text } = parts
  const offset = segSource.contentStart
  const inner = spliceText(
    text.slice(offset, segSource.contentEnd),
    segmentMarks(segSource)
      .filter((mark) => parts.slotMids.includes(mark.attributes.mid ?? ''))
      .map((mark) => ({
        start: mark.contentStart - offset,
        end: mark.contentEnd - offset,
        insert: parts.written.get(mark.attributes.mid ?? '') ?? '',
      })),
  )
  const lang = escapeXmlAttribute(targetLang)
  const element = `<target xml:lang="${lang}">${inner}</target>`
  if (parts.target) return { start: parts.target.start, end: parts.target.end, insert: element }
  return {
    start: segSource.end,
    end: segSource.end,
    insert: indentBefore(text, segSource.start) + element,
  }
}
