import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Document, Packer, Paragraph } from 'docx'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  acceptSuggestion,
  addSuggestions,
  readSegments,
  setStatus,
  setTargetText,
  userOrigin,
} from '@qalam/shared/model'
import { scanXml } from '@qalam/shared/formats'
import { asUser, type Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { readStoredDocument, storedContent } from '../support/storedDocument.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * The bilingual review table end to end: export it, edit the DOCX as a reviewer would (the
 * document part's target cells), upload it back, and see suggestions arrive at a real
 * y-websocket client, which accepts one through the server's update validation.
 */

const SOURCE = 'The archive is open.\nThe catalogue is updated.\nThe hall is closed.\nThe end.\n'
const FIRST = 'الأرشيف مفتوح.'
const SECOND = 'تم تحديث الفهرس.'
const THIRD = 'القاعة مغلقة.'
const PROPOSED = 'الأرشيف مفتوح الآن.'

let server: TestServer
let workspace: Workspace
let translator: Session
let viewer: Session
let manager: Session
let client: SyncClient
let documentId: string
let otherDocumentId: string

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Review tables')
  translator = await workspace.member('translator')
  viewer = await workspace.member('viewer')
  manager = await workspace.member('manager')
  documentId = (
    await workspace.importDocument({ bytes: SOURCE, sourceLang: 'en', targetLang: 'ar' })
  ).id
  otherDocumentId = (
    await workspace.importDocument({ bytes: 'Other.\n', sourceLang: 'en', targetLang: 'kk' })
  ).id
  const admin = connectClient(server.url, documentId, workspace.admin)
  await admin.synced()
  const [first, second, third] = readSegments(admin.doc)
  const userId = workspace.admin.user.id
  setTargetText(admin.doc, first!.id, FIRST, userId)
  setTargetText(admin.doc, second!.id, SECOND, userId)
  setTargetText(admin.doc, third!.id, THIRD, userId)
  setStatus(admin.doc, third!.id, 'approved', userId)
  client = connectClient(server.url, documentId, translator)
  await client.synced()
  await waitFor(() => expect(readSegments(client.doc)[2]!.status).toBe('approved'))
  admin.destroy()
}, 60_000)

afterAll(async () => {
  client?.destroy()
  await server?.dispose()
})

function get(path: string, session: Session | null = workspace.admin) {
  return fetch(server.url + path, { headers: asUser(session) })
}

function upload(id: string, bytes: Uint8Array, session: Session = workspace.admin) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), 'review.docx')
  return fetch(`${server.url}/api/documents/${id}/review-import`, {
    method: 'POST',
    body: form,
    headers: asUser(session),
  })
}

async function exportReview(id = documentId): Promise<Uint8Array> {
  const response = await get(`/api/documents/${id}/export?format=review-docx&locale=ru`)
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** The review DOCX with its document part changed by `edit`, as a word processor would save it. */
function edited(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)))
  return zipSync(files)
}

describe('the review table export', () => {
  test('is a DOCX package that opens: content types, relationships, well-formed parts', async () => {
    const response = await get(`/api/documents/${documentId}/export?format=review-docx`)
    expect(response.headers.get('content-type')).toContain('wordprocessingml.document')
    expect(response.headers.get('content-disposition')).toContain('.review.docx')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const types = strFromU8(files['[Content_Types].xml']!)
    expect(types).toContain('PartName="/word/document.xml"')
    expect(types).toContain('PartName="/word/styles.xml"')
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="word/document.xml"')
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('Target="styles.xml"')
    for (const part of Object.values(files)) expect(() => scanXml(strFromU8(part))).not.toThrow()
    const xml = strFromU8(files['word/document.xml']!)
    // The Arabic target column reads right to left, in runs tagged as Arabic.
    expect(xml).toContain(
      `<w:p><w:pPr><w:bidi/><w:rPr><w:rtl/><w:lang w:bidi="ar"/></w:rPr></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:bidi="ar"/></w:rPr><w:t xml:space="preserve">${FIRST}</w:t>`,
    )
    expect(xml.match(/qalam-segment:/g)).toHaveLength(4)
  })

  test('as HTML is a table with the target right to left and the counts in the heading', async () => {
    const response = await get(`/api/documents/${documentId}/export?format=review-html&locale=kk`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<td class="target" lang="ar" dir="rtl">${FIRST}</td>`)
    expect(html).toContain('Сегменттер: 4')
    expect(html).toContain('Бекітілген: 1')
  })

  test('the Kazakh target of a review table is tagged kk-KZ for Word', async () => {
    const files = unzipSync(await exportReview(otherDocumentId))
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:lang w:val="kk-KZ"/>')
  })

  test.each([
    ['viewer', () => viewer],
    ['translator', () => translator],
  ])('a %s may neither export, import nor preview', async (_name, session) => {
    expect(
      (await get(`/api/documents/${documentId}/export?format=review-docx`, session())).status,
    ).toBe(403)
    expect((await get(`/api/documents/${documentId}/preview`, session())).status).toBe(403)
    expect((await upload(documentId, await exportReview(), session())).status).toBe(403)
  })
})

describe('re-importing an edited review table', () => {
  test('hostile and wrong files are refused with a 4xx naming why, and nothing is stored', async () => {
    // 5 MB of zeros in 5 kB: a ratio no document has.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(5_000_000) }, { level: 9 })
    const good = await exportReview()
    const otherTable = await exportReview(otherDocumentId)
    const plainDocx = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hello')] }] })),
    )
    const withDtd = edited(good, (xml) =>
      xml.replace('<w:document', '<!DOCTYPE w:document [<!ENTITY x "boom">]><w:document'),
    )
    const cases: Array<[string, number, Uint8Array, string]> = [
      ['not a zip', 400, strToU8('just text'), 'review.not_docx'],
      ['a DOCX that is no review table', 400, plainDocx, 'review.not_review_table'],
      ['a DTD', 400, withDtd, 'review.dtd'],
      ['a zip bomb', 413, bomb, 'review.too_large'],
      ['the table of another document', 409, otherTable, 'review.other_document'],
      [
        'rows whose ids were all tampered with',
        422,
        edited(good, (xml) => xml.replace(/qalam-segment:/g, 'qalam-segment:x')),
        'review.no_matching_rows',
      ],
    ]
    for (const [name, status, bytes, code] of cases) {
      const before = storedContent(server.databaseFile)
      const response = await upload(documentId, bytes)
      expect(response.status, name).toBe(status)
      expect(await response.json(), name).toMatchObject({ error: { code } })
      expect(storedContent(server.databaseFile), name).toEqual(before)
    }
    expect(readSegments(client.doc).every((segment) => segment.suggestions.length === 0)).toBe(true)
  })

  test('a changed target becomes a suggestion; unchanged, locked and unknown rows are counted', async () => {
    const [first, , third, fourth] = readSegments(client.doc)
    const table = edited(await exportReview(), (xml) =>
      xml
        .replace(`>${FIRST}<`, `>${PROPOSED}<`)
        .replace(`>${THIRD}<`, '>القاعة مغلقة تماما.<')
        .replace(
          `qalam-segment:${fourth!.id}`,
          'qalam-segment:00000000-0000-0000-0000-000000000000',
        ),
    )
    const response = await upload(documentId, table, manager)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      rows: 4,
      matched: 3,
      changed: 1,
      unchanged: 1,
      unknownIds: 1,
      lockedSkipped: 1,
      duplicates: 0,
      added: 1,
      rowsWithoutKey: 1,
    })
    await waitFor(() => expect(readSegments(client.doc)[0]!.suggestions).toHaveLength(1))
    const suggestion = readSegments(client.doc)[0]!.suggestions[0]!
    expect(suggestion).toMatchObject({
      text: PROPOSED,
      origin: 'review-docx',
      author: manager.user.id,
    })
    // Not an overwrite: the target is still the translator's.
    expect(readSegments(client.doc)[0]!.target).toBe(FIRST)
    expect(readSegments(client.doc)[2]!.suggestions).toEqual([])
    expect(first!.id).toBe(readSegments(client.doc)[0]!.id)
    expect(third!.status).toBe('approved')
    // The same table again adds nothing: the segment already holds that proposal.
    expect(await (await upload(documentId, table)).json()).toMatchObject({ changed: 1, added: 0 })
  })

  test('a document nobody has open takes suggestions too, stored before the answer', async () => {
    // The empty Kazakh target cell: its paragraph mark carries the language, no run yet.
    const emptyTarget = '<w:lang w:val="kk-KZ"/></w:rPr></w:pPr></w:p>'
    const table = edited(await exportReview(otherDocumentId), (xml) => {
      expect(xml.split(emptyTarget)).toHaveLength(2)
      return xml.replace(
        emptyTarget,
        '<w:lang w:val="kk-KZ"/></w:rPr></w:pPr><w:r><w:t>Басқа.</w:t></w:r></w:p>',
      )
    })
    const response = await upload(otherDocumentId, table)
    expect(await response.json()).toMatchObject({ matched: 1, changed: 1, added: 1 })
    const stored = readSegments(readStoredDocument(server.databaseFile, otherDocumentId))[0]!
    expect(stored.suggestions.map((each) => each.text)).toEqual(['Басқа.'])
    expect(stored.target).toBe('')
  })

  test('a translator accepts the suggestion over the socket: the target is replaced and stored', async () => {
    const segment = readSegments(client.doc)[0]!
    const accepted = acceptSuggestion(client.doc, segment.id, segment.suggestions[0]!.id, {
      kind: 'user',
      userId: translator.user.id,
    })
    expect(accepted).not.toBeNull()
    await waitFor(() => {
      const stored = readSegments(readStoredDocument(server.databaseFile, documentId))[0]!
      expect(stored.target).toBe(PROPOSED)
      expect(stored.suggestions).toEqual([])
    })
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
  })

  test('a client may not add a suggestion itself', async () => {
    const forger = connectClient(server.url, documentId, translator)
    await forger.synced()
    try {
      // The first segment has its list of suggestions (emptied by the acceptance): a push into it.
      const id = readSegments(forger.doc)[0]!.id
      addSuggestions(
        forger.doc,
        [{ segmentId: id, proposal: { text: 'forged', tags: [] } }],
        { author: translator.user.id, origin: 'review-docx', now: 1 },
        userOrigin(translator.user.id),
      )
      await waitFor(() =>
        expect(
          server.logs.some(
            (entry) =>
              entry.event === 'sync.update_rejected' && entry.reason === 'suggestion_added',
          ),
        ).toBe(true),
      )
      const stored = readSegments(readStoredDocument(server.databaseFile, documentId))[0]!
      expect(stored.suggestions).toEqual([])
    } finally {
      forger.destroy()
    }
  })
})

describe('the preview', () => {
  test('shows the translation in reading order, under the chosen policy, with a strict CSP', async () => {
    const response = await get(`/api/documents/${documentId}/preview?locale=ar`, manager)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('sandbox')
    expect(csp).not.toContain('script-src')
    const html = await response.text()
    expect(html).toContain('<html lang="ar" dir="rtl">')
    expect(html).toContain(`<p dir="auto">${PROPOSED}</p>`)
    expect(html).toContain('<p dir="auto">The end.</p>')
    expect(html).not.toContain('<script')
    const approvedOnly = await (
      await get(`/api/documents/${documentId}/preview?scope=approved&fallback=marked`, manager)
    ).text()
    expect(approvedOnly).toContain(`<p dir="auto">${THIRD}</p>`)
    expect(approvedOnly).toContain('<p dir="auto">[[The archive is open.]]</p>')
  })
})
