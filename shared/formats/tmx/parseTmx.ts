import { SaxesParser, type SaxesTag } from 'saxes'
import { createXmlTextDecoder } from './decodeXmlBytes.ts'
import { escapeXmlAttribute, escapeXmlText } from './escapeXml.ts'
import { parseTmxDate } from './tmxDate.ts'
import {
  TmxError,
  type InlineTag,
  type TaggedText,
  type TmxHeader,
  type TmxUnit,
  type TmxVariant,
} from './types.ts'

/** Sizes past which a file is refused whole: no real TMX comes near them, an attack does. */
export interface TmxLimits {
  /** Characters between one `<` and the next: one text node, or one tag with its attributes. */
  maxRunChars: number
  /** Characters of one `<tu>`, all its variants and codes together. */
  maxUnitChars: number
  maxVariants: number
  maxTagsPerSegment: number
  /** Elements open at once. */
  maxDepth: number
  /** Characters before the root element (declaration, comments). */
  maxPrologChars: number
}

export const DEFAULT_TMX_LIMITS: TmxLimits = {
  maxRunChars: 1_000_000,
  maxUnitChars: 2_000_000,
  maxVariants: 100,
  maxTagsPerSegment: 2_000,
  maxDepth: 64,
  maxPrologChars: 65_536,
}

export interface TmxHandlers {
  /** Called once, when `<header>` opens. */
  header?(header: TmxHeader): void
  /** Called for each `<tu>` as soon as it closes, in file order. */
  unit(unit: TmxUnit): void
}

/** Feed it a file's bytes in chunks; it calls the handlers as units complete. */
export interface TmxParser {
  /** Throws `TmxError` when the file is refused; the parser is unusable afterwards. */
  write(bytes: Uint8Array): void
  /** Ends the file; throws `TmxError` when it was incomplete. */
  close(): void
}

/** Elements holding native code: their whole markup becomes one inline tag. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut'])

function startTag(tag: SaxesTag): string {
  let xml = `<${tag.name}`
  for (const [name, value] of Object.entries(tag.attributes)) {
    xml += ` ${name}="${escapeXmlAttribute(typeof value === 'string' ? value : value.value)}"`
  }
  return xml + (tag.isSelfClosing ? '/>' : '>')
}

function attributeOf(tag: SaxesTag, name: string): string | undefined {
  const value = tag.attributes[name]
  return typeof value === 'string' ? value : value?.value
}

interface Dated {
  creationId?: string
  creationDate?: number
  changeId?: string
  changeDate?: number
}

function datedAttributes(tag: SaxesTag): Dated {
  const dated: Dated = {}
  const creationId = attributeOf(tag, 'creationid')
  const changeId = attributeOf(tag, 'changeid')
  const creationDate = parseTmxDate(attributeOf(tag, 'creationdate'))
  const changeDate = parseTmxDate(attributeOf(tag, 'changedate'))
  if (creationId) dated.creationId = creationId
  if (creationDate !== undefined) dated.creationDate = creationDate
  if (changeId) dated.changeId = changeId
  if (changeDate !== undefined) dated.changeDate = changeDate
  return dated
}

/**
 * A streaming TMX 1.4b reader (1.1–1.3 files read the same way). Holds one unit at a time, never
 * the file. DTDs are refused (so no entity is ever declared, let alone expanded), as are
 * compressed files, encodings other than UTF-8 and UTF-16, malformed XML and anything over
 * `limits`; every refusal names its line. Inline codes (`bpt ept it ph ut hi`) are kept as
 * `InlineTag`s beside the plain text; `prop`, `note` and `ude` are skipped.
 */
export function createTmxParser(handlers: TmxHandlers, limits = DEFAULT_TMX_LIMITS): TmxParser {
  const decoder = createXmlTextDecoder()
  const parser = new SaxesParser({ position: true })
  const path: string[] = []
  let failure: TmxError | null = null
  let sawRoot = false
  let sawBody = false
  let prologChars = 0
  /** Characters since the last `<`, across chunks. */
  let run = 0
  /** Line at the start of the text not yet given to saxes. */
  let line = 1

  let unit: TmxUnit | null = null
  let unitChars = 0
  let variant: Omit<TmxVariant, 'seg'> | null = null
  let seg: TaggedText | null = null
  let segDone = false
  /** The markup of the native code being read, and how deep inside it we are. */
  let code = ''
  let codeDepth = 0
  /** The `<prop>` of the unit being read, and its text so far. */
  let prop: { type: string; value: string } | null = null

  const fail = (code: TmxError['code'], message: string, at = parser.line): never => {
    throw new TmxError(code, `line ${at}: ${message}`, at)
  }
  const countUnitChars = (count: number) => {
    unitChars += count
    if (unitChars > limits.maxUnitChars) {
      fail(
        'tmx.too_large',
        `the unit starting on line ${unit?.line} is over ${limits.maxUnitChars} characters`,
      )
    }
  }
  const pushTag = (tag: InlineTag) => {
    if (seg!.tags.length >= limits.maxTagsPerSegment) {
      fail('tmx.too_large', `a segment has over ${limits.maxTagsPerSegment} inline codes`)
    }
    seg!.tags.push(tag)
  }
  const addText = (text: string) => {
    if (prop) {
      countUnitChars(text.length)
      prop.value += text
    } else if (seg && !segDone) {
      countUnitChars(text.length)
      if (codeDepth > 0) code += escapeXmlText(text)
      else seg.text += text
    }
  }

  parser.on('doctype', () => {
    fail('tmx.dtd', 'DTDs are not accepted in TMX files (they could declare entities)')
  })
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name
    const parent = path.at(-1)
    path.push(name)
    if (path.length > limits.maxDepth)
      fail('tmx.too_large', `elements nest over ${limits.maxDepth} deep`)
    if (!sawRoot) {
      if (name !== 'tmx') fail('tmx.not_tmx', `the root element is <${name}>, not <tmx>`)
      sawRoot = true
      return
    }
    if (seg && !segDone) {
      countUnitChars(name.length)
      if (codeDepth > 0) {
        code += startTag(tag)
        if (!tag.isSelfClosing) codeDepth++
      } else if (CODE_ELEMENTS.has(name)) {
        code = startTag(tag)
        codeDepth = tag.isSelfClosing ? 0 : 1
        if (tag.isSelfClosing) pushTag({ at: seg.text.length, xml: code })
      } else if (name === 'hi') {
        pushTag({ at: seg.text.length, xml: startTag(tag) })
      } else {
        fail('tmx.invalid', `<${name}> may not appear in <seg>`)
      }
      return
    }
    if (name === 'header' && parent === 'tmx') {
      handlers.header?.({
        srcLang: attributeOf(tag, 'srclang') ?? '*all*',
        ...(attributeOf(tag, 'creationtool')
          ? { creationTool: attributeOf(tag, 'creationtool')! }
          : {}),
        ...datedAttributes(tag),
      })
    } else if (name === 'body' && parent === 'tmx') {
      sawBody = true
    } else if (name === 'tu') {
      if (parent !== 'body') fail('tmx.invalid', '<tu> outside <body>')
      const tuid = attributeOf(tag, 'tuid')
      const srcLang = attributeOf(tag, 'srclang')
      unit = {
        line: parser.line,
        ...(tuid ? { tuid } : {}),
        ...(srcLang ? { srcLang } : {}),
        ...datedAttributes(tag),
        variants: [],
      }
      unitChars = 0
    } else if (name === 'prop' && parent === 'tu' && unit) {
      if (Object.keys(unit.props ?? {}).length >= limits.maxVariants) {
        fail('tmx.too_large', `a unit has over ${limits.maxVariants} properties`)
      }
      prop = { type: attributeOf(tag, 'type') ?? '', value: '' }
    } else if (name === 'tuv') {
      if (parent !== 'tu' || !unit) fail('tmx.invalid', '<tuv> outside <tu>')
      if (unit!.variants.length >= limits.maxVariants) {
        fail('tmx.too_large', `a unit has over ${limits.maxVariants} variants`)
      }
      const lang = attributeOf(tag, 'xml:lang') ?? attributeOf(tag, 'lang')
      if (!lang) fail('tmx.invalid', '<tuv> has no xml:lang')
      variant = { lang: lang!, ...datedAttributes(tag) }
      seg = null
      segDone = false
    } else if (name === 'seg') {
      if (parent !== 'tuv' || !variant) fail('tmx.invalid', '<seg> outside <tuv>')
      if (seg) fail('tmx.invalid', 'a <tuv> has two <seg>')
      seg = { text: '', tags: [] }
    }
  })
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', (tag: SaxesTag) => {
    const name = tag.name
    path.pop()
    if (seg && !segDone) {
      if (name === 'seg') {
        segDone = true
      } else if (codeDepth > 0) {
        if (!tag.isSelfClosing) {
          code += `</${name}>`
          codeDepth--
        }
        if (codeDepth === 0) pushTag({ at: seg.text.length, xml: code })
      } else if (name === 'hi') {
        pushTag({ at: seg.text.length, xml: '</hi>' })
      }
      return
    }
    if (name === 'prop' && prop && unit) {
      unit.props ??= {}
      unit.props[prop.type] ??= prop.value
      prop = null
    } else if (name === 'tuv' && unit && variant) {
      if (!seg) fail('tmx.invalid', '<tuv> without <seg>')
      unit.variants.push({ ...variant, seg: seg! })
      variant = null
      seg = null
    } else if (name === 'tu' && unit) {
      const done = unit
      unit = null
      handlers.unit(done)
    }
  })

  /** Refuses a run of text or a tag over the limit before saxes buffers it. */
  const checkRuns = (text: string) => {
    let from = 0
    for (;;) {
      const next = text.indexOf('<', from)
      const end = next < 0 ? text.length : next
      if (run + (end - from) > limits.maxRunChars) {
        const at = from + (limits.maxRunChars - run)
        let where = line
        for (let nl = text.indexOf('\n'); nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1))
          where++
        fail('tmx.too_large', `over ${limits.maxRunChars} characters without markup`, where)
      }
      if (next < 0) {
        run += end - from
        return
      }
      run = 0
      from = next + 1
    }
  }

  const feed = (text: string) => {
    if (text === '') return
    checkRuns(text)
    if (!sawRoot) {
      prologChars += text.length
      if (prologChars > limits.maxPrologChars && !text.includes('<tmx')) {
        fail(
          'tmx.not_tmx',
          `no <tmx> element in the first ${limits.maxPrologChars} characters`,
          line,
        )
      }
    }
    parser.write(text)
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) line++
  }

  const guarded = (work: () => void) => {
    if (failure) throw failure
    try {
      work()
    } catch (error) {
      if (error instanceof TmxError) failure = error
      else {
        // saxes reports malformed XML (and undefined entities) as plain errors with a position.
        const reason = (error instanceof Error ? error.message : String(error)).replace(
          /^.*?\d+:\d+: /u,
          '',
        )
        failure = new TmxError(
          'tmx.not_xml',
          `line ${parser.line}: not well-formed XML: ${reason}`,
          parser.line,
        )
      }
      throw failure
    }
  }

  return {
    write(bytes) {
      guarded(() => feed(decoder.decode(bytes)))
    },
    close() {
      guarded(() => {
        feed(decoder.end())
        parser.close()
        if (!sawRoot) fail('tmx.not_xml', 'the file holds no XML element')
        if (!sawBody) fail('tmx.not_tmx', 'the file has no <body>')
      })
    },
  }
}
