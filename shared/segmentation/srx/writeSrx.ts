import type { SrxDocument } from './types.ts'

const escapeText = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
const escapeAttribute = (text: string) => escapeText(text).replace(/"/gu, '&quot;')

/**
 * An SRX 2.0 file of `document`, laid out as OmegaT and Okapi write theirs (one rule per
 * element, the regexes as text), readable back by `readSrx` to the same rules. `comment` goes
 * into an XML comment at the top.
 */
export function writeSrx(document: SrxDocument, comment?: string): string {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no')
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>']
  if (comment) lines.push(`<!-- ${comment.replace(/--/gu, '- -')} -->`)
  lines.push(
    '<srx xmlns="http://www.lisa.org/srx20" version="2.0">',
    `  <header segmentsubflows="${yesNo(document.segmentSubflows)}" cascade="${yesNo(document.cascade)}"/>`,
    '  <body>',
    '    <languagerules>',
  )
  for (const languageRule of document.languageRules) {
    lines.push(`      <languagerule languagerulename="${escapeAttribute(languageRule.name)}">`)
    for (const rule of languageRule.rules) {
      lines.push(
        `        <rule break="${yesNo(rule.isBreak)}">`,
        `          <beforebreak>${escapeText(rule.beforeBreak)}</beforebreak>`,
        `          <afterbreak>${escapeText(rule.afterBreak)}</afterbreak>`,
        '        </rule>',
      )
    }
    lines.push('      </languagerule>')
  }
  lines.push('    </languagerules>', '    <maprules>')
  for (const map of document.languageMaps) {
    lines.push(
      `      <languagemap languagepattern="${escapeAttribute(map.pattern)}" languagerulename="${escapeAttribute(map.ruleName)}"/>`,
    )
  }
  lines.push('    </maprules>', '  </body>', '</srx>', '')
  return lines.join('\n')
}
