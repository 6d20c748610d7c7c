import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, segmentAt, setStatus, setTargetText, targetText } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { connectRawPeer, type RawSyncPeer } from '../support/rawSyncPeer.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { typeAtEnd } from '../support/typeAtEnd.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

/*
 * A reviewer approves a segment while a translator is typing in it. Keystrokes the translator
 * sent before the approval reached them are kept in the approved text; once their client has
 * the approval (its answer to the server's SyncStep1 says so) nothing more of theirs gets in.
 * Real sockets, the real server, a raw client standing in for the translator so that the order
 * of messages on its socket is under the test's control.
 */

let server: TestServer
let workspace: Workspace
let documentId: string
let reviewer: SyncClient
let observer: SyncClient
let reviewerSession: Session
let translatorSession: Session

interface AuditEntryJson {
  action: string
  userId: string
  detail: Record<string, unknown>
}

async function segmentAudit(index: number): Promise<AuditEntryJson[]> {
  const id = readSegments(observer.doc)[index]!.id
  const response = await fetch(
    `${server.url}/api/documents/${documentId}/segments/${encodeURIComponent(id)}/audit`,
    { headers: asUser(reviewerSession) },
  )
  expect(response.status).toBe(200)
  return ((await response.json()) as { entries: AuditEntryJson[] }).entries
}

/** Segment `index` translated with `text`, in every copy, then the translator's raw client. */
async function translatedSegment(index: number, text: string): Promise<RawSyncPeer> {
  const id = readSegments(reviewer.doc)[index]!.id
  setTargetText(reviewer.doc, id, text, reviewerSession.user.id)
  setStatus(reviewer.doc, id, 'translated', reviewerSession.user.id)
  const translator = connectRawPeer(server.url, documentId, translatorSession)
  await translator.synced
  await waitFor(() => expect(targetText(segmentAt(translator.doc, index)!)).toBe(text))
  await waitFor(() => expect(readSegments(observer.doc)[index]!.status).toBe('translated'))
  return translator
}

function approve(index: number): void {
  setStatus(
    reviewer.doc,
    readSegments(reviewer.doc)[index]!.id,
    'approved',
    reviewerSession.user.id,
  )
}

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server)
  documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES })).id
  reviewerSession = await workspace.member('reviewer', 'dana')
  translatorSession = await workspace.member('translator', 'nurlan')
  reviewer = connectClient(server.url, documentId, reviewerSession)
  observer = connectClient(server.url, documentId, await workspace.member('viewer'))
  await Promise.all([reviewer.synced(), observer.synced()])
}, 60_000)

afterAll(async () => {
  reviewer?.destroy()
  observer?.destroy()
  await server?.dispose()
})

describe('typing and an approval crossing on the wire', () => {
  test('keystrokes sent before the approval reached the translator are in the approved text, and the audit says so', async () => {
    const translator = await translatedSegment(0, 'Мұрағат')
    // The approval is on its way to the translator, who has not read it yet and goes on typing.
    translator.pause()
    approve(0)
    await waitFor(() => expect(readSegments(observer.doc)[0]!.status).toBe('approved'))
    translator.send((doc) => typeAtEnd(doc, 0, ' ашық'))
    translator.send((doc) => typeAtEnd(doc, 0, ' екен'))
    await waitFor(() => expect(targetText(segmentAt(observer.doc, 0)!)).toBe('Мұрағат ашық екен'))
    expect(readSegments(observer.doc)[0]!.status).toBe('approved')
    expect(targetText(segmentAt(readStoredDocument(server.databaseFile, documentId), 0)!)).toBe(
      'Мұрағат ашық екен',
    )

    // Now the translator's client reads the approval and answers the server's question.
    translator.resume()
    await waitFor(() => expect(readSegments(translator.doc)[0]!.status).toBe('approved'))
    await waitFor(async () => {
      const entries = await segmentAudit(0)
      expect(entries.map((entry) => entry.action)).toContain('approve.lateTyping')
    })
    const entries = await segmentAudit(0)
    const approval = entries.find((entry) => entry.action === 'approve')!
    // What the reviewer approved, and what the approved text became with the late typing.
    expect(approval.userId).toBe(reviewerSession.user.id)
    expect(approval.detail.text).toBe('Мұрағат')
    const late = entries.find((entry) => entry.action === 'approve.lateTyping')!
    expect(late.userId).toBe(translatorSession.user.id)
    expect(late.detail).toMatchObject({ text: 'Мұрағат ашық екен', segmentNumber: 1 })

    // Having seen the approval, the same client may not change a letter of it.
    translator.send((doc) => typeAtEnd(doc, 0, '!'))
    expect(await translator.raw.closed).toEqual({ code: 4403, reason: 'segment_locked' })
    expect(targetText(segmentAt(observer.doc, 0)!)).toBe('Мұрағат ашық екен')
    expect(targetText(segmentAt(readStoredDocument(server.databaseFile, documentId), 0)!)).toBe(
      'Мұрағат ашық екен',
    )
    translator.close()
  })

  test('a client that has the approval and answered the server is refused at its first keystroke', async () => {
    const translator = await translatedSegment(1, 'Кітапхана')
    approve(1)
    await waitFor(() => expect(readSegments(translator.doc)[1]!.status).toBe('approved'))
    // Its answer to the SyncStep1 that followed the approval left before this edit.
    translator.send((doc) => typeAtEnd(doc, 1, ' жабық'))
    expect(await translator.raw.closed).toEqual({ code: 4403, reason: 'segment_locked' })
    expect(targetText(segmentAt(observer.doc, 1)!)).toBe('Кітапхана')
    expect(targetText(segmentAt(readStoredDocument(server.databaseFile, documentId), 1)!)).toBe(
      'Кітапхана',
    )
    translator.close()
  })

  test('only typing gets in late: a status write or metadata in the window is still refused', async () => {
    const translator = await translatedSegment(2, 'Каталог')
    translator.pause()
    approve(2)
    await waitFor(() => expect(readSegments(observer.doc)[2]!.status).toBe('approved'))
    // The translator's own Ctrl+Enter on the segment, concurrent with the approval.
    translator.send((doc) =>
      setStatus(doc, readSegments(doc)[2]!.id, 'translated', translatorSession.user.id),
    )
    expect(await translator.raw.closed).toEqual({ code: 4403, reason: 'status_transition' })
    expect(readSegments(observer.doc)[2]!.status).toBe('approved')
    translator.close()
  })

  test('a client connected after the approval gets no window', async () => {
    const early = await translatedSegment(3, 'Көрме')
    early.close()
    approve(3)
    await waitFor(() => expect(readSegments(observer.doc)[3]!.status).toBe('approved'))
    const late = connectRawPeer(server.url, documentId, translatorSession)
    await late.synced
    late.send((doc) => typeAtEnd(doc, 3, ' ашылды'))
    expect(await late.raw.closed).toEqual({ code: 4403, reason: 'segment_locked' })
    expect(targetText(segmentAt(observer.doc, 3)!)).toBe('Көрме')
    late.close()
  })
})
