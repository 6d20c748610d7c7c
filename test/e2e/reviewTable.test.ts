import { mkdir, readFile } from 'node:fs/promises'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setTargetText } from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, row, targetCell } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'The archive is open.\nThe catalogue is updated.\nThe hall is closed.\n'
const FIRST = 'الأرشيف مفتوح.'
const SECOND = 'تم تحديث الفهرس.'
const PROPOSED = 'الأرشيف مفتوح الآن.'

describe('review table and preview in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let manager: Session
  let client: SyncClient
  let documentId: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Review'))
    manager = await workspace.member('manager', 'aigerim')
    documentId = (
      await workspace.importDocument({ bytes: SOURCE, sourceLang: 'en', targetLang: 'ar' })
    ).id
    client = connectClient(server.url, documentId, workspace.admin)
    await client.synced()
    const [first, second] = readSegments(client.doc)
    setTargetText(client.doc, first!.id, FIRST, workspace.admin.user.id)
    setTargetText(client.doc, second!.id, SECOND, workspace.admin.user.id)
  })

  afterAll(async () => {
    client?.destroy()
    await stopBrowserTestbed({ browser, server })
  })

  test('the preview shows the document with its translation in place, in a sandboxed frame', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/documents/${documentId}`)
    await page.locator(row(0)).waitFor()
    await page.click('[data-testid="preview"]')
    const frame = page.locator('[data-testid="preview-frame"]')
    expect(await frame.getAttribute('sandbox')).toBe('')
    const body = page.frameLocator('[data-testid="preview-frame"]').locator('body')
    await expect.poll(() => body.textContent(), POLL).toContain(FIRST)
    expect(await body.textContent()).toContain(SECOND)
    // The untranslated third segment stays in the source, as the default policy says.
    expect(await body.textContent()).toContain('The hall is closed.')
    await page.selectOption('[data-testid="preview-fallback"]', 'marked')
    await expect.poll(() => body.textContent(), POLL).toContain('[[The hall is closed.]]')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page
      .locator('[data-testid="preview-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/export-preview.png` })
    await page.context().close()
  })

  test('an edited review table comes back as a suggestion the translator accepts', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/documents/${documentId}`)
    await page.locator(row(0)).waitFor()
    await page.click('[data-testid="review-table"]')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="review-table-docx"]'),
    ])
    expect(download.suggestedFilename()).toMatch(/\.review\.docx$/)
    // The reviewer's edit, made in the DOCX as a word processor saves it.
    const files = unzipSync(new Uint8Array(await readFile(await download.path())))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain(`>${FIRST}<`)
    files['word/document.xml'] = strToU8(xml.replace(`>${FIRST}<`, `>${PROPOSED}<`))
    await page.setInputFiles('[data-testid="review-table-file"]', {
      name: 'reviewed.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(zipSync(files)),
    })
    await page.click('[data-testid="review-table-upload"]')
    const report = page.locator('[data-testid="review-table-report"]')
    await report.waitFor()
    expect(await page.getAttribute('[data-testid="review-report-changed"]', 'data-count')).toBe('1')
    expect(await page.getAttribute('[data-testid="review-report-matched"]', 'data-count')).toBe('3')
    await page
      .locator('[data-testid="review-table-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/review-table-report.png` })
    await page.keyboard.press('Escape')

    // The grid marks the segment; its details show the change word by word.
    await page.locator(`${row(0)} [data-testid="suggestion-marker"]`).waitFor()
    await page.click(targetCell(0))
    const suggestion = page.locator('[data-testid="suggestion"]')
    await suggestion.waitFor()
    expect(await suggestion.locator('ins').allTextContents()).toEqual([' الآن'])
    // Not yet in the translation: a suggestion never overwrites it.
    expect(readSegments(client.doc)[0]!.target).toBe(FIRST)
    await page
      .locator('[data-testid="segment-details"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/review-suggestion.png` })
    await page.click('[data-testid="suggestion-accept"]')
    await waitFor(() => expect(readSegments(client.doc)[0]!.target).toBe(PROPOSED))
    expect(readSegments(client.doc)[0]!.suggestions).toEqual([])
    await expect.poll(() => page.locator(targetCell(0)).textContent(), POLL).toContain(PROPOSED)

    // Undo puts the earlier translation back, for everyone.
    await page.click('[data-testid="suggestion-undo"]')
    await waitFor(() => expect(readSegments(client.doc)[0]!.target).toBe(FIRST))
    await page.context().close()
  })
})
