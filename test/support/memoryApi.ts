import { asUser, type Session } from './accounts.ts'

/** A ru → kk unit for `tmxOf`, with OmegaT's context properties when given. */
export interface TmxUnit {
  source: string
  target: string
  prev?: string
  next?: string
  /** TMX date of creation and last change; 2024-01-31 by default. */
  date?: string
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A TMX 1.4b file of ru → kk units. */
export function tmxOf(units: readonly TmxUnit[]): string {
  const body = units
    .map((unit) => {
      const props = [
        unit.prev === undefined ? '' : `<prop type="prev">${escape(unit.prev)}</prop>`,
        unit.next === undefined ? '' : `<prop type="next">${escape(unit.next)}</prop>`,
      ].join('')
      return (
        `<tu creationid="tmx" creationdate="${unit.date ?? '20240131T093000Z'}"` +
        ` changedate="${unit.date ?? '20240131T093000Z'}">${props}` +
        `<tuv xml:lang="ru"><seg>${escape(unit.source)}</seg></tuv>` +
        `<tuv xml:lang="kk"><seg>${escape(unit.target)}</seg></tuv></tu>`
      )
    })
    .join('\n')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
    '<header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x"' +
    ` adminlang="en" srclang="ru" datatype="plaintext"/>\n<body>\n${body}\n</body>\n</tmx>\n`
  )
}

/** The project's write memory id (created on the way, as the memories page does). */
export async function writeMemoryId(
  serverUrl: string,
  session: Session,
  projectId: string,
): Promise<string> {
  const response = await fetch(`${serverUrl}/api/projects/${projectId}/memories`, {
    headers: asUser(session),
  })
  const body = (await response.json()) as { memories: Array<{ id: string; mode: string }> }
  const write = body.memories.find((memory) => memory.mode === 'write')
  if (!write) throw new Error(`no write memory: ${response.status}`)
  return write.id
}

/** Imports a TMX file (string or chunks) into the project's write memory; throws unless 200. */
export async function importTmxIntoProject(
  serverUrl: string,
  session: Session,
  projectId: string,
  tmx: string,
): Promise<void> {
  const memoryId = await writeMemoryId(serverUrl, session, projectId)
  const form = new FormData()
  form.append('sourceLang', 'ru')
  form.append('targetLang', 'kk')
  form.append('file', new Blob([tmx]), 'memory.tmx')
  const response = await fetch(
    `${serverUrl}/api/projects/${projectId}/memories/${memoryId}/imports`,
    { method: 'POST', body: form, headers: asUser(session) },
  )
  if (response.status !== 200)
    throw new Error(`TMX import failed: ${response.status} ${await response.text()}`)
}
