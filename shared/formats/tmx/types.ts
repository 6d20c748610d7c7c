/**
 * One inline code of a segment, kept as TMX 1.4b markup: `xml` is the element exactly as it is
 * written back (`<bpt i="1">{\b}</bpt>`, `<ph x="2"/>`, or one end of a `<hi>`), and `at` is the
 * offset in the segment's plain text where it stands. Codes at the same offset keep their order.
 */
export interface InlineTag {
  at: number
  xml: string
}

/**
 * A segment as translation memory keeps it: the plain text (what matching and search read) and
 * its inline codes beside it, in order of `at`. Text inside a native code (the `{\b}` of a
 * `<bpt>`) belongs to the code, not to the text.
 */
export interface TaggedText {
  text: string
  tags: InlineTag[]
}

/** One `<tuv>`: a language's version of the unit. */
export interface TmxVariant {
  /** `xml:lang` (or TMX 1.1's `lang`) as the file writes it. */
  lang: string
  seg: TaggedText
  creationId?: string
  creationDate?: number
  changeId?: string
  changeDate?: number
}

/** One `<tu>` with its `<tuv>`s; dates are milliseconds since the epoch. */
export interface TmxUnit {
  /** Line of the `<tu>` start tag, for messages. */
  line: number
  tuid?: string
  /** The unit's own `srclang`, when it overrides the header's. */
  srcLang?: string
  creationId?: string
  creationDate?: number
  changeId?: string
  changeDate?: number
  /** The unit's `<prop type="...">` values, the first of each type. */
  props?: Record<string, string>
  variants: TmxVariant[]
}

/** What the `<header>` says that an importer uses. */
export interface TmxHeader {
  /** A language tag, or `*all*` when any variant may be the source. */
  srcLang: string
  creationTool?: string
  creationId?: string
  creationDate?: number
}

export type TmxErrorCode =
  | 'tmx.not_xml'
  | 'tmx.not_tmx'
  | 'tmx.invalid'
  | 'tmx.dtd'
  | 'tmx.encoding'
  | 'tmx.compressed'
  | 'tmx.too_large'

/** Why a TMX file was refused; `message` names the line in English. Nothing of it should be kept. */
export class TmxError extends Error {
  override name = 'TmxError'
  constructor(
    readonly code: TmxErrorCode,
    message: string,
    /** 1-based line where the problem was found, when known. */
    readonly line?: number,
  ) {
    super(message)
  }
}
