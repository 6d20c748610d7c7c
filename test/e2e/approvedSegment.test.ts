import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { segmentAt, segmentId, setStatus, setTargetText } from '@qalam/shared/model'
import { importDocument } from '../support/documentsApi.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import {
  CLIENT_DIR,
  POLL,
  assertClientBuilt,
  launchChromium,
  openAs,
  pageErrors,
  row,
  targetCell,
} from './browser.ts'

const APPROVED = 'Мұрағаттар мен кітапханалар.'
const SAULE = { id: 'user-saule', name: 'Saule', color: '#e377c2' }

describe('an approved segment', () => {
  let server: TestServer
  let browser: Browser
  let reviewer: SyncClient
  let documentId: string

  beforeAll(async () => {
    assertClientBuilt()
    server = await startTestServer({ clientDir: CLIENT_DIR })
    documentId = (
      await importDocument(server.url, {
        bytes: 'Архивы и библиотеки. Новый вектор.',
        sourceLang: 'ru',
        targetLang: 'kk',
      })
    ).id
    // Approval has no UI yet; a reviewer's client approves through the document model.
    reviewer = connectClient(server.url, documentId)
    await reviewer.synced()
    const first = segmentId(segmentAt(reviewer.doc, 0)!)
    setTargetText(reviewer.doc, first, APPROVED, 'reviewer')
    setStatus(reviewer.doc, first, 'approved', 'reviewer')
    browser = await launchChromium()
  })

  afterAll(async () => {
    reviewer?.destroy()
    await browser?.close()
    await server?.dispose()
  })

  test('opens read-only: typing, copying the source and Ctrl+Enter change nothing', async () => {
    const page = await openAs(browser, SAULE)
    await page.goto(`${server.url}/documents/${documentId}`)
    await expect.poll(() => page.getAttribute(row(0), 'data-status'), POLL).toBe('approved')
    await page.click(targetCell(0))
    const editor = page.locator(`${targetCell(0)} [contenteditable]`)
    await expect.poll(() => editor.textContent(), POLL).toBe(APPROVED)
    expect(await editor.getAttribute('contenteditable')).toBe('false')

    await page.keyboard.type('хххх')
    await page.keyboard.press('Control+Insert')
    await page.keyboard.press('Control+Enter')
    await page.keyboard.press('Control+ArrowDown')
    await expect.poll(() => page.getAttribute(row(1), 'aria-selected'), POLL).toBe('true')
    expect(await page.textContent(`${targetCell(0)} .segment-row__target-text`)).toBe(APPROVED)
    expect(await page.getAttribute(row(0), 'data-status')).toBe('approved')
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
