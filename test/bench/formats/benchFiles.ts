/*
 * The generated files `npm run bench -- formats` imports besides the DOCX (see docxFile.ts):
 * a 10,000-unit XLIFF 2.0 file (inline codes, notes, originalData), and, when asked for, a
 * 10,000-paragraph HTML page and Markdown text (inline markup, links, attributes).
 */

export const UNITS = 10_000

export function benchXliff20(): string {
  const units: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    units.push(`    <unit id="u${i}">
      <notes><note>Карточка ${i} описи.</note></notes>
      <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>
      <segment id="s${i}">
        <source>Дело № ${i}: <pc id="1" dataRefStart="d1" dataRefEnd="d2">письма</pc> Абая к сыну,<ph id="2" dataRef="d3"/> ${1850 + (i % 50)} год.</source>
      </segment>
    </unit>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
  <file id="f1">
${units.join('\n')}
  </file>
</xliff>
`
}

export function benchHtml(): string {
  const paragraphs: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    paragraphs.push(
      `    <p>Дело № ${i}: <b>письма</b> Абая к <a href="/d/${i}" title="Дело ${i}">сыну</a>,<br> ${1850 + (i % 50)} год. <img src="s${i}.png" alt="Печать ${i}"></p>`,
    )
  }
  return `<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>Опись</title></head>\n<body>\n${paragraphs.join('\n')}\n</body>\n</html>\n`
}

export function benchMarkdown(): string {
  const paragraphs: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    paragraphs.push(
      i % 10 === 0
        ? `## Раздел ${i / 10}`
        : `Дело № ${i}: **письма** Абая к [сыну](/d/${i} "Дело ${i}"), \`${i}\` ${1850 + (i % 50)} год.`,
    )
  }
  return `---\ntitle: Опись\n---\n\n${paragraphs.join('\n\n')}\n`
}
