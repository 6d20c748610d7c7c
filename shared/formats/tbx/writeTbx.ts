import type { GlossaryEntry, Term, TermStatus } from '../../glossary/index.ts'

export type TbxVersion = 2 | 3

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char]!)
}

const STATUS_VALUE: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
}

function element(
  name: string,
  attributes: string,
  text: string | undefined,
  indent: string,
): string {
  return text === undefined ? '' : `${indent}<${name}${attributes}>${escapeXml(text)}</${name}>\n`
}

function writeTerm(term: Term, version: TbxVersion): string {
  const group = version === 2 ? 'tig' : 'termSec'
  const indent = '        '
  return (
    `      <${group}>\n` +
    element('term', '', term.text, indent) +
    element('termNote', ' type="partOfSpeech"', term.partOfSpeech, indent) +
    element('termNote', ' type="administrativeStatus"', STATUS_VALUE[term.status], indent) +
    element('note', '', term.note, indent) +
    `      </${group}>\n`
  )
}

function writeEntry(entry: GlossaryEntry, id: string, version: TbxVersion): string {
  const names = version === 2 ? ['termEntry', 'langSet'] : ['conceptEntry', 'langSec']
  const [entryName, languageName] = names as [string, string]
  let xml = `    <${entryName} id="${escapeXml(id)}">\n`
  xml += element('descrip', ' type="subjectField"', entry.subject, '      ')
  xml += element('descrip', ' type="definition"', entry.definition, '      ')
  xml += element('admin', ' type="source"', entry.source, '      ')
  xml += element('note', '', entry.note, '      ')
  const languages = [...new Set(entry.terms.map((term) => term.lang))]
  for (const lang of languages) {
    xml += `    <${languageName} xml:lang="${escapeXml(lang)}">\n`
    for (const term of entry.terms) if (term.lang === lang) xml += writeTerm(term, version)
    xml += `    </${languageName}>\n`
  }
  return xml + `    </${entryName}>\n`
}

/**
 * A TBX file of `entries`, chunk by chunk so a large glossary is never one string: TBX v2
 * ("martif", TBX-Default) or v3 TBX-Basic in the DCA style. `readTbx` reads either back to the
 * same entries.
 */
export function* writeTbx(
  entries: Iterable<GlossaryEntry>,
  options: { version: TbxVersion; sourceLang: string; title?: string },
): Generator<string> {
  const lang = escapeXml(options.sourceLang)
  const title = escapeXml(options.title ?? 'Glossary')
  if (options.version === 2) {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="${lang}">\n  <martifHeader>\n    <fileDesc><titleStmt><title>${title}</title></titleStmt><sourceDesc><p>Qalam</p></sourceDesc></fileDesc>\n  </martifHeader>\n  <text>\n  <body>\n`
  } else {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="${lang}" xmlns="urn:iso:std:iso:30042:ed-2">\n  <tbxHeader>\n    <fileDesc><titleStmt><title>${title}</title></titleStmt><sourceDesc><p>Qalam</p></sourceDesc></fileDesc>\n  </tbxHeader>\n  <text>\n  <body>\n`
  }
  let count = 0
  for (const entry of entries) yield writeEntry(entry, `c${++count}`, options.version)
  yield options.version === 2
    ? '  </body>\n  </text>\n</martif>\n'
    : '  </body>\n  </text>\n</tbx>\n'
}
