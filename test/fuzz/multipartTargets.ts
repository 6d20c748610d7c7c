import { request } from 'node:http'
import Database from 'better-sqlite3'
import { asUser } from '../support/accounts.ts'
import { pickOne } from '../support/seededRandom.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'
import {
  mutate,
  type CaseResult,
  type FuzzContext,
  type FuzzRole,
  type FuzzTarget,
} from './runFuzz.ts'

/*
 * The upload routes' targets: every route that reads a multipart body (import, its encoding
 * preview, alignment), sent a valid form of one role and then broken in one way: cut short,
 * its boundary wrong, a part header of hundreds of kilobytes, hundreds of parts, fields
 * missing or wrong, binary files, files past the size limit, flipped bytes. Every answer must
 * be a 4xx (or the success a valid form of an importing role gets), and a refused upload must
 * leave the documents and the project's links as they were.
 */

interface Part {
  name: string
  /** A file part when set. */
  filename?: string
  value: Uint8Array | string
  extraHeaders?: string[]
}

interface Form {
  parts: Part[]
  /** The boundary written in the body; the Content-Type header names it unless told otherwise. */
  boundary: string
  contentType?: string
}

interface Upload {
  path: string
  fileFields: readonly string[]
  fields(projectId: string): Record<string, string>
}

const UPLOADS: readonly Upload[] = [
  {
    path: '/api/documents',
    fileFields: ['file'],
    fields: (projectId) => ({ projectId, sourceLang: 'ru', targetLang: 'kk', title: 'Фаззер' }),
  },
  {
    path: '/api/documents/preview',
    fileFields: ['file'],
    fields: (projectId) => ({ projectId }),
  },
  {
    path: '/api/alignments',
    fileFields: ['source', 'target'],
    fields: (projectId) => ({ projectId, sourceLang: 'ru', targetLang: 'ar' }),
  },
]

const TEXTS = [SAMPLE_BYTES, 'Мұрағат ашық. Каталог жаңартылды.', 'المخطوطات محفوظة. الفهرس محدث.']
/** No request may take longer: past it the case counts as a hang. */
const ANSWER_TIMEOUT_MS = 30_000

function encodeForm(form: Form): Buffer {
  const chunks: Buffer[] = []
  for (const part of form.parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`
    const headers = [
      `Content-Disposition: ${disposition}`,
      ...(part.filename === undefined ? [] : ['Content-Type: text/plain']),
      ...(part.extraHeaders ?? []),
    ]
    chunks.push(Buffer.from(`--${form.boundary}\r\n${headers.join('\r\n')}\r\n\r\n`))
    chunks.push(Buffer.from(part.value))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${form.boundary}--\r\n`))
  return Buffer.concat(chunks)
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256))
}

type BreakForm = (form: Form, random: () => number, maxUploadBytes: number) => void

/** Ways to break a valid form, by name: its fields and parts, or its bytes once encoded. */
const BREAKAGES: ReadonlyArray<[string, BreakForm | null]> = [
  ['valid', null],
  ['truncated', null],
  ['flipped', null],
  [
    'boundary_mismatch',
    (form) => {
      form.contentType = `multipart/form-data; boundary=${form.boundary}x`
    },
  ],
  [
    'boundary_missing',
    (form) => {
      form.contentType = 'multipart/form-data'
    },
  ],
  [
    'not_multipart',
    (form, random) => {
      form.contentType = pickOne(random, ['text/plain', 'application/json', 'multipart/mixed'])
    },
  ],
  [
    'huge_part_header',
    (form, random) => {
      const size = pickOne(random, [20_000, 100_000, 400_000])
      form.parts[0]!.extraHeaders = [`X-Pad: ${'a'.repeat(size)}`]
    },
  ],
  [
    'huge_filename',
    (form) => {
      const file = form.parts.find((part) => part.filename !== undefined)
      if (file) file.filename = `${'ф'.repeat(50_000)}.txt`
    },
  ],
  [
    'many_parts',
    (form, random) => {
      const extra = pickOne(random, [25, 200, 2_000])
      for (let i = 0; i < extra; i++) form.parts.push({ name: `extra${i}`, value: 'x' })
    },
  ],
  [
    'many_files',
    (form) => {
      for (let i = 0; i < 5; i++)
        form.parts.push({ name: 'file', filename: `${i}.txt`, value: 'Ә.' })
    },
  ],
  [
    'missing_file',
    (form) => {
      form.parts = form.parts.filter((part) => part.filename === undefined)
    },
  ],
  [
    'wrong_fields',
    (form, random) => {
      const field = pickOne(
        random,
        form.parts.filter((part) => part.filename === undefined),
      )
      if (field) {
        field.value = pickOne(random, [
          '',
          'zz-Unknown-Tag',
          'x'.repeat(5_000),
          '../../etc/passwd',
          'ru',
          '\u0000',
          'no-such-project',
        ])
      }
      if (random() < 0.3) form.parts.push({ name: 'encoding', value: 'ebcdic-no' })
      if (random() < 0.3) form.parts.push({ name: 'sameLanguage', value: 'maybe' })
    },
  ],
  [
    'binary_file',
    (form, random) => {
      for (const part of form.parts) {
        if (part.filename !== undefined)
          part.value = randomBytes(random, 1 + Math.floor(random() * 4096))
      }
    },
  ],
  [
    'too_large',
    (form, _random, maxUploadBytes) => {
      const file = form.parts.find((part) => part.filename !== undefined)
      if (file) file.value = 'Ә. '.repeat(Math.ceil(maxUploadBytes / 3))
    },
  ],
]

interface Answer {
  status: number
  code: string
}

/** Posts raw bytes with the given headers; a request not answered in time resolves as a hang. */
function post(url: string, headers: Record<string, string>, body: Buffer): Promise<Answer | null> {
  return new Promise((resolve) => {
    const outgoing = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(body.length) },
    })
    const timer = setTimeout(() => {
      outgoing.destroy()
      resolve(null)
    }, ANSWER_TIMEOUT_MS)
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', () => undefined)
      response.on('end', () => {
        clearTimeout(timer)
        resolve({ status: response.statusCode ?? 0, code: errorCodeOf(Buffer.concat(chunks)) })
      })
    })
    // A connection dropped with no answer is reported as status 0 with the error's code.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      resolve({ status: 0, code: error.code ?? error.message })
    })
    outgoing.end(body)
  })
}

function errorCodeOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } }
    return typeof parsed.error?.code === 'string' ? parsed.error.code : ''
  } catch {
    return ''
  }
}

/** Documents and their links to projects: whatever an upload might store. */
function storedCount(databaseFile: string): number {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const documents = db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }
    const links = db.prepare('SELECT count(*) AS n FROM project_documents').get() as { n: number }
    return documents.n + links.n
  } finally {
    db.close()
  }
}

/** One target per upload route, each posting a broken (or valid) form of the role. */
export function multipartTargets(projectId: string, maxUploadBytes: number): FuzzTarget[] {
  return UPLOADS.map((upload) => ({
    name: `multipart ${upload.path}`,
    runCase: (context, role) => postCase(context, role, upload, projectId, maxUploadBytes),
  }))
}

async function postCase(
  context: FuzzContext,
  role: FuzzRole,
  upload: Upload,
  projectId: string,
  maxUploadBytes: number,
): Promise<CaseResult> {
  const { random, server } = context
  const boundary = `----qalam-fuzz-${Math.floor(random() * 1e9)}`
  const form: Form = {
    boundary,
    parts: [
      ...Object.entries(upload.fields(projectId)).map(([name, value]) => ({ name, value })),
      ...upload.fileFields.map((name) => ({
        name,
        filename: `${name}.txt`,
        value: pickOne(random, TEXTS),
      })),
    ],
  }
  const [breakage, apply] = pickOne(random, BREAKAGES)
  apply?.(form, random, maxUploadBytes)
  let body = encodeForm(form)
  if (breakage === 'truncated') body = body.subarray(0, Math.floor(random() * body.length))
  if (breakage === 'flipped') body = Buffer.from(mutate(body, random).bytes)
  const headers = asUser(context.sessions.get(role) ?? null, {
    'content-type': form.contentType ?? `multipart/form-data; boundary=${boundary}`,
  })
  const before = storedCount(server.databaseFile)
  const answer = await post(server.url + upload.path, headers, body)
  const stored = storedCount(server.databaseFile) !== before
  if (answer === null) return { kind: 'failed', reason: `${breakage}: no answer` }
  if (answer.status === 0) return { kind: 'failed', reason: `${breakage}: ${answer.code}` }
  if (answer.status >= 500) return { kind: 'failed', reason: `${breakage}: ${answer.status}` }
  if (answer.status >= 400) {
    const reason = `${answer.status} ${answer.code || '(no code)'}`
    return { kind: 'refused', reason, stored, how: breakage }
  }
  return { kind: stored ? 'accepted' : 'unchanged' }
}
