import { escapeXmlAttribute, escapeXmlText } from './escapeXml.ts'
import { formatTmxDate } from './tmxDate.ts'
import type { TaggedText, TmxHeader, TmxUnit, TmxVariant } from './types.ts'

/*
 * A TMX 1.4b file written in pieces: `tmxStart`, then `tmxUnit` for each unit, then `tmxEnd`.
 * The caller decides when to write each piece, so an export of millions of units holds one
 * page of them at a time.
 */

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('')
}

function dated(item: {
  creationId?: string | undefined
  creationDate?: number | undefined
  changeId?: string | undefined
  changeDate?: number | undefined
}): Record<string, string | undefined> {
  return {
    creationid: item.creationId,
    creationdate: item.creationDate === undefined ? undefined : formatTmxDate(item.creationDate),
    changeid: item.changeId,
    changedate: item.changeDate === undefined ? undefined : formatTmxDate(item.changeDate),
  }
}

/** The inside of a `<seg>`: text escaped, inline codes written back where they stood. */
export function segContent({ text, tags }: TaggedText): string {
  let xml = ''
  let from = 0
  for (const tag of tags) {
    xml += escapeXmlText(text.slice(from, tag.at)) + tag.xml
    from = tag.at
  }
  return xml + escapeXmlText(text.slice(from))
}

/** The XML declaration, `<tmx>`, the header and `<body>`. */
export function tmxStart(header: TmxHeader & { adminLang?: string }): string {
  const head = attributes({
    creationtool: header.creationTool ?? 'Qalam',
    creationtoolversion: '1',
    segtype: 'sentence',
    'o-tmf': 'Qalam',
    adminlang: header.adminLang ?? 'en',
    srclang: header.srcLang,
    datatype: 'plaintext',
    ...dated(header),
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header${head}/>\n  <body>\n`
}

function variantXml(variant: TmxVariant): string {
  const attrs = attributes({ 'xml:lang': variant.lang, ...dated(variant) })
  return `      <tuv${attrs}><seg>${segContent(variant.seg)}</seg></tuv>\n`
}

/** One `<tu>` with its variants, indented, ending in a line break. */
export function tmxUnit(unit: Omit<TmxUnit, 'line'>): string {
  const attrs = attributes({ tuid: unit.tuid, srclang: unit.srcLang, ...dated(unit) })
  const props = Object.entries(unit.props ?? {})
    .map(([type, value]) => `      <prop${attributes({ type })}>${escapeXmlText(value)}</prop>\n`)
    .join('')
  return `    <tu${attrs}>\n${props}${unit.variants.map(variantXml).join('')}    </tu>\n`
}

export function tmxEnd(): string {
  return '  </body>\n</tmx>\n'
}
