import { KAZAKH_FONT_REPLACEMENTS, replaceKazakhFonts } from './kazakhFonts.ts'
import type { RunProperties } from './readParagraph.ts'

/*
 * Run, paragraph and table properties adjusted for the target language, children kept in the
 * order the schema requires (Word refuses a file whose property elements are out of order).
 *
 * Arabic (`ar*`): runs get `w:rtl`, a complex-script font and the `w:lang w:bidi` tag, and
 * the complex-script twins of bold, italic and size (`bCs`, `iCs`, `szCs`: Arabic text is
 * drawn with those, not with `b`, `i`, `sz`); paragraphs get `w:bidi` and their alignment's
 * logical value (left becomes start, right end: in a right-to-left paragraph the start is on
 * the right); tables get `w:bidiVisual`.
 *
 * Kazakh (`kk*`): runs get `w:lang w:val="kk-KZ"`, and fonts that lack the Kazakh letters
 * (ә ғ қ ң ө ұ ү һ і) are swapped for ones that have them (see kazakhFonts.ts), in the
 * paragraph mark's properties too.
 */

export type TargetScript = 'arabic' | 'kazakh' | 'other'

/** The font Arabic runs get for complex script: shapes Arabic on Windows, macOS and Office. */
export const ARABIC_COMPLEX_FONT = 'Arial'

const RIGHT_TO_LEFT_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
const LETTER = /\p{L}/u

/**
 * The language `text`'s properties are localized for: the target's, except that text with
 * letters and none of them right to left (a source sentence written back untranslated, a
 * Latin name in a run of its own) is not given Arabic properties, which would draw it in the
 * complex-script font and flip its punctuation to the wrong end (".The letter goes on");
 * `und` then (BCP 47: undetermined), which changes nothing.
 */
export function localizedLang(text: string, lang: string): string {
  if (targetScript(lang) !== 'arabic' || RIGHT_TO_LEFT_LETTER.test(text)) return lang
  return LETTER.test(text) ? 'und' : lang
}

export function targetScript(lang: string): TargetScript {
  const primary = lang.toLowerCase().split(/[-_]/)[0]
  return primary === 'ar' ? 'arabic' : primary === 'kk' ? 'kazakh' : 'other'
}

const RPR_ORDER = [
  'rStyle',
  'rFonts',
  'b',
  'bCs',
  'i',
  'iCs',
  'caps',
  'smallCaps',
  'strike',
  'dstrike',
  'outline',
  'shadow',
  'emboss',
  'imprint',
  'noProof',
  'snapToGrid',
  'vanish',
  'webHidden',
  'color',
  'spacing',
  'w',
  'kern',
  'position',
  'sz',
  'szCs',
  'highlight',
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath',
]
const PPR_ORDER = [
  'pStyle',
  'keepNext',
  'keepLines',
  'pageBreakBefore',
  'framePr',
  'widowControl',
  'numPr',
  'suppressLineNumbers',
  'pBdr',
  'shd',
  'tabs',
  'suppressAutoHyphens',
  'kinsoku',
  'wordWrap',
  'overflowPunct',
  'topLinePunct',
  'autoSpaceDE',
  'autoSpaceDN',
  'bidi',
  'adjustRightInd',
  'snapToGrid',
  'spacing',
  'ind',
  'contextualSpacing',
  'mirrorIndents',
  'suppressOverlap',
  'jc',
  'textDirection',
  'textAlignment',
  'textboxTightWrap',
  'outlineLvl',
  'divId',
  'cnfStyle',
  'rPr',
  'sectPr',
  'pPrChange',
]
const TBLPR_ORDER = [
  'tblStyle',
  'tblpPr',
  'tblOverlap',
  'bidiVisual',
  'tblStyleRowBandSize',
  'tblStyleColBandSize',
  'tblW',
  'jc',
  'tblCellSpacing',
  'tblInd',
  'tblBorders',
  'shd',
  'tblLayout',
  'tblCellMar',
  'tblLook',
  'tblCaption',
  'tblDescription',
  'tblPrChange',
]

type Children = Array<readonly [string, string]>

/** Children sorted by the schema's order; unknown ones (extensions) keep theirs, at the end. */
function ordered(children: Children, order: readonly string[]): Children {
  const rank = (local: string) => {
    const index = order.indexOf(local)
    return index < 0 ? order.length : index
  }
  return children
    .map((child, index) => ({ child, index }))
    .sort((a, b) => rank(a.child[0]) - rank(b.child[0]) || a.index - b.index)
    .map(({ child }) => child)
}

/** The attributes of an element's markup, by name as written. */
function attributesOf(xml: string): Map<string, string> {
  const found = new Map<string, string>()
  const start = xml.slice(0, xml.indexOf('>') + 1)
  for (const match of start.matchAll(/\s([\w.-]+:)?([\w.-]+)\s*=\s*"([^"]*)"/g)) {
    found.set(`${match[1] ?? ''}${match[2]}`, match[3]!)
  }
  return found
}

function element(w: string, local: string, attributes: Map<string, string>): string {
  let out = `<${w}${local}`
  for (const [name, value] of attributes) out += ` ${name}="${value}"`
  return `${out}/>`
}

/** `region` of the target (`ar-EG` → `ar-EG`, `ar` → `ar-SA`). */
function arabicTag(lang: string): string {
  return /^ar[-_][a-z]{2}$/i.test(lang) ? `ar-${lang.slice(3).toUpperCase()}` : 'ar-SA'
}

/** Run properties for a run of target text, as the `w:rPr` element ('' when there are none). */
export function localizeRun(rPr: RunProperties, w: string, lang: string): string {
  const script = targetScript(lang)
  let children: Children = [...rPr]
  if (script === 'arabic') children = arabicRun(children, w, lang)
  else if (script === 'kazakh') children = kazakhRun(children, w)
  if (children.length === 0) return ''
  return `<${w}rPr>${ordered(children, RPR_ORDER)
    .map(([, xml]) => xml)
    .join('')}</${w}rPr>`
}

function arabicRun(children: Children, w: string, lang: string): Children {
  const has = (local: string) => children.some(([name]) => name === local)
  const out: Children = children.filter(
    ([local]) => local !== 'rtl' && local !== 'lang' && local !== 'rFonts',
  )
  const fonts = attributesOf(children.find(([local]) => local === 'rFonts')?.[1] ?? '')
  fonts.delete(`${w}cstheme`)
  fonts.set(`${w}cs`, ARABIC_COMPLEX_FONT)
  out.push(['rFonts', element(w, 'rFonts', fonts)])
  for (const [latin, complex] of [
    ['b', 'bCs'],
    ['i', 'iCs'],
    ['sz', 'szCs'],
  ] as const) {
    const source = children.find(([local]) => local === latin)
    if (source && !has(complex)) {
      out.push([complex, element(w, complex, attributesOf(source[1]))])
    }
  }
  out.push(['rtl', `<${w}rtl/>`])
  const language = attributesOf(children.find(([local]) => local === 'lang')?.[1] ?? '')
  language.set(`${w}bidi`, arabicTag(lang))
  out.push(['lang', element(w, 'lang', language)])
  return out
}

function kazakhRun(children: Children, w: string): Children {
  const out: Children = children.filter(([local]) => local !== 'lang' && local !== 'rFonts')
  const fontsXml = children.find(([local]) => local === 'rFonts')?.[1]
  if (fontsXml !== undefined) {
    const fonts = attributesOf(fontsXml)
    for (const [name, value] of fonts) {
      const replacement = KAZAKH_FONT_REPLACEMENTS[value.toLowerCase()]
      if (replacement) fonts.set(name, replacement)
    }
    out.push(['rFonts', element(w, 'rFonts', fonts)])
  }
  const language = attributesOf(children.find(([local]) => local === 'lang')?.[1] ?? '')
  language.set(`${w}val`, 'kk-KZ')
  out.push(['lang', element(w, 'lang', language)])
  return out
}

/** A paragraph's `w:pPr` children for the target (Arabic: bidi, logical alignment). */
export function localizeParagraph(children: Children, w: string, lang: string): Children {
  if (targetScript(lang) === 'kazakh') {
    return children.map(([local, xml]) => [local, local === 'rPr' ? replaceKazakhFonts(xml) : xml])
  }
  if (targetScript(lang) !== 'arabic') return children
  const out: Children = children.filter(([local]) => local !== 'bidi')
  out.push(['bidi', `<${w}bidi/>`])
  const jc = out.findIndex(([local]) => local === 'jc')
  if (jc >= 0) {
    const mirrored = out[jc]![1].replace(/(val\s*=\s*")left"/, '$1start"').replace(
      /(val\s*=\s*")right"/,
      '$1end"',
    )
    out[jc] = ['jc', mirrored]
  }
  return ordered(out, PPR_ORDER)
}

/** A table's `w:tblPr` children for the target (Arabic: columns laid out right to left). */
export function localizeTable(children: Children, w: string, lang: string): Children | null {
  if (targetScript(lang) !== 'arabic' || children.some(([local]) => local === 'bidiVisual')) {
    return null
  }
  return ordered([...children, ['bidiVisual', `<${w}bidiVisual/>`]], TBLPR_ORDER)
}
