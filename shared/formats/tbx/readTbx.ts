import { SaxesParser, type SaxesTag } from 'saxes'
import type { GlossaryEntry, Term, TermStatus } from '../../glossary/index.ts'
import { DEFAULT_GLOSSARY_LIMITS, GlossaryFileError, type GlossaryFileLimits } from './types.ts'

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

// TBX v2 (ISO 30042:2008, "martif") and v3 (ISO 30042:2019) name the same levels differently;
// TBX-Basic in the DCT style of v3 writes data categories as elements (<basic:partOfSpeech>).
const ENTRY = new Set(['termEntry', 'conceptEntry'])
const LANGUAGE = new Set(['langSet', 'langSec'])
const TERM_GROUP = new Set(['tig', 'ntig', 'termSec'])
const ROOTS = new Set(['martif', 'tbx'])

// administrativeStatus (TBX v2 and Basic) and normativeAuthorization values, read as one of
// our three statuses: anything deprecated, superseded or rejected is forbidden.
function readStatus(value: string): TermStatus | null {
  const lower = value.trim().toLowerCase()
  if (lower.startsWith('preferred') || lower === 'standardizedterm') return 'preferred'
  if (lower.startsWith('admitted') || lower === 'legalterm' || lower === 'regulatedterm')
    return 'admitted'
  if (
    lower.startsWith('deprecated') ||
    lower.startsWith('superseded') ||
    lower.startsWith('notrecommended') ||
    lower.startsWith('forbidden')
  ) {
    return 'forbidden'
  }
  return null
}

type Field = 'term' | 'partOfSpeech' | 'status' | 'definition' | 'note' | 'source' | 'subject'

function fieldOf(name: string, type: string | undefined): Field | null {
  const key =
    (name === 'termNote' || name === 'descrip' || name === 'admin' || name === 'termCompList'
      ? type
      : name) ?? ''
  switch (key) {
    case 'term':
      return 'term'
    case 'partOfSpeech':
      return 'partOfSpeech'
    case 'administrativeStatus':
    case 'normativeAuthorization':
      return 'status'
    case 'definition':
      return 'definition'
    case 'note':
      return 'note'
    case 'source':
      return 'source'
    case 'subjectField':
      return 'subject'
    default:
      return null
  }
}

/**
 * Reads a TBX file fed in chunks (`write`, then `close`), TBX v2 "martif" as vendors export it
 * and TBX v3 / TBX-Basic in both styles, into glossary entries. Never reads a DTD or expands
 * an entity: a DOCTYPE is refused, as is any entity beyond XML's five. Throws
 * `GlossaryFileError` with the line at the first problem or limit passed.
 */
export class TbxReader {
  readonly entries: GlossaryEntry[] = []
  private readonly parser = new SaxesParser({ position: true, xmlns: false })
  private readonly path: string[] = []
  private sawRoot = false
  private entry: GlossaryEntry | null = null
  private lang: string | null = null
  private term: Partial<Term> & { status?: TermStatus } = {}
  private inTermGroup = false
  private field: Field | null = null
  private text = ''

  constructor(private readonly limits: GlossaryFileLimits = DEFAULT_GLOSSARY_LIMITS) {
    const parser = this.parser
    parser.on('doctype', () =>
      this.fail('glossary_file.dtd', 'DTDs and entity declarations are not accepted'),
    )
    parser.on('opentag', (tag) => this.open(tag))
    parser.on('closetag', (tag) => this.close_(tag))
    parser.on('text', (chunk) => this.addText(chunk))
    parser.on('cdata', (chunk) => this.addText(chunk))
  }

  write(chunk: string): void {
    this.run(() => this.parser.write(chunk))
  }

  /** Ends the file and returns its entries; throws if it was cut short or held none. */
  close(): GlossaryEntry[] {
    this.run(() => this.parser.close())
    if (!this.sawRoot)
      throw new GlossaryFileError('glossary_file.not_xml', 'the file holds no XML element')
    if (this.entries.length === 0)
      throw new GlossaryFileError('glossary_file.empty', 'the file holds no term entries')
    return this.entries
  }

  private run(step: () => void): void {
    try {
      step()
    } catch (error) {
      if (error instanceof GlossaryFileError) throw error
      // saxes reports malformed XML and undefined entities as plain errors with a position.
      const reason = error instanceof Error ? error.message : String(error)
      throw new GlossaryFileError('glossary_file.not_xml', `not well-formed XML: ${reason}`)
    }
  }

  private fail(code: GlossaryFileError['code'], message: string): never {
    throw new GlossaryFileError(code, message, this.parser.line)
  }

  private open(tag: SaxesTag): void {
    const name = localName(tag.name)
    const attribute = (key: string) => {
      const value = tag.attributes[key]
      return typeof value === 'string' ? value : undefined
    }
    this.path.push(name)
    if (this.path.length > this.limits.maxDepth)
      this.fail('glossary_file.too_large', `elements nest deeper than ${this.limits.maxDepth}`)
    if (!this.sawRoot) {
      if (!ROOTS.has(name))
        this.fail('glossary_file.invalid', `the root element is <${name}>, not <martif> or <tbx>`)
      this.sawRoot = true
      return
    }
    if (ENTRY.has(name)) {
      if (this.entry) this.fail('glossary_file.invalid', `<${name}> inside another entry`)
      if (this.entries.length >= this.limits.maxEntries)
        this.fail('glossary_file.too_large', `more than ${this.limits.maxEntries} entries`)
      this.entry = { terms: [] }
    } else if (LANGUAGE.has(name) && this.entry) {
      this.lang =
        attribute('xml:lang') ??
        attribute('lang') ??
        this.fail('glossary_file.invalid', `<${name}> needs xml:lang`)
    } else if (TERM_GROUP.has(name) && this.entry) {
      if (this.lang === null)
        this.fail('glossary_file.invalid', `<${name}> outside a language section`)
      this.inTermGroup = true
      this.term = {}
    } else if (this.entry && this.field === null) {
      const field = fieldOf(name, attribute('type'))
      if (field === 'term' && !this.inTermGroup) {
        // Some exports put <term> straight into <langSet> without a <tig>.
        this.term = {}
      }
      if (field) {
        this.field = field
        this.text = ''
      }
    }
  }

  private addText(chunk: string): void {
    if (this.field === null) return
    this.text += chunk
    if (this.text.length > this.limits.maxFieldLength)
      this.fail(
        'glossary_file.too_large',
        `a ${this.field} is longer than ${this.limits.maxFieldLength} characters`,
      )
  }

  private close_(tag: SaxesTag): void {
    const name = localName(tag.name)
    this.path.pop()
    const entry = this.entry
    if (!entry) return
    if (
      this.field !== null &&
      fieldOf(name, tag.attributes.type as string | undefined) === this.field
    ) {
      this.closeField(entry)
      if (this.field === null && name === 'term' && !this.inTermGroup) this.pushTerm(entry)
      return
    }
    if (TERM_GROUP.has(name)) {
      this.pushTerm(entry)
      this.inTermGroup = false
    } else if (LANGUAGE.has(name)) {
      this.lang = null
    } else if (ENTRY.has(name)) {
      if (entry.terms.length === 0) this.fail('glossary_file.invalid', 'an entry without terms')
      this.entries.push(entry)
      this.entry = null
    }
  }

  private closeField(entry: GlossaryEntry): void {
    const field = this.field
    const value = this.text.trim()
    this.field = null
    if (value === '') return
    const inTerm = this.inTermGroup || field === 'term'
    switch (field) {
      case 'term':
        this.term.text = value
        break
      case 'partOfSpeech':
        this.term.partOfSpeech = value
        break
      case 'status': {
        const status =
          readStatus(value) ?? this.fail('glossary_file.invalid', `unknown term status "${value}"`)
        this.term.status = status
        break
      }
      case 'note':
        if (inTerm && this.inTermGroup) this.term.note = value
        else entry.note = value
        break
      case 'definition':
        entry.definition = value
        break
      case 'source':
        entry.source = value
        break
      case 'subject':
        entry.subject = value
        break
    }
  }

  private pushTerm(entry: GlossaryEntry): void {
    const { text, status, partOfSpeech, note } = this.term
    this.term = {}
    if (text === undefined || this.lang === null) return
    if (entry.terms.length >= this.limits.maxTermsPerEntry)
      this.fail(
        'glossary_file.too_large',
        `an entry with more than ${this.limits.maxTermsPerEntry} terms`,
      )
    const term: Term = { lang: this.lang, text, status: status ?? 'preferred' }
    if (partOfSpeech !== undefined) term.partOfSpeech = partOfSpeech
    if (note !== undefined) term.note = note
    entry.terms.push(term)
  }
}

/** `TbxReader` over a whole string. */
export function readTbx(xml: string, limits?: GlossaryFileLimits): GlossaryEntry[] {
  const reader = new TbxReader(limits)
  reader.write(xml)
  return reader.close()
}
