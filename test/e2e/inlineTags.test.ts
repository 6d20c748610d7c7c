import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, type PlacedTag } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { waitFor } from '../support/waitFor.ts'
import { POLL, openAs, pageErrors, row, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

/*
 * A translator places the tags of an XLIFF segment with F9, and a chip can be moved but not
 * lost by accident: Backspace beside it selects it, Alt+Shift+arrow moves it, and every tag
 * reaches the server in its new place.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/xliff/features-2.0.xlf')

describe('inline tag chips in the editor', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let documentId: string
  let page: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    documentId = (
      await workspace.importDocument({ bytes: readFileSync(FIXTURE), fileName: 'fonds.xlf' })
    ).id
    page = await openAs(browser, await workspace.member('translator', 'Aigerim'), 'en', server.url)
    await openDocument(server.url, documentId, page)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  const storedTarget = () => readSegments(readStoredDocument(server.databaseFile, documentId))[0]!

  test('the source shows numbered chips with the original markup in their tooltip', async () => {
    const chips = page.locator(`${row(0)} [data-testid="source"] .tag-chip`)
    await expect.poll(() => chips.allInnerTexts(), POLL).toEqual(['1', '/1', '2/'])
    expect(await chips.first().getAttribute('title')).toBe('fmt: <b>')
  })

  test('F9 inserts the missing tags, and a chip can be moved but not deleted by accident', async () => {
    await page.click(targetCell(0))
    const editor = page.locator(`${targetCell(0)} [contenteditable="true"]`)
    await expect
      .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    // The file's note and its suggested translation are shown beside the grid.
    const context = page.locator('[data-testid="imported-context"]')
    await expect.poll(() => context.innerText(), POLL).toContain('Title of the fonds.')
    expect(await context.innerText()).toContain('Абай қоры.')
    await page.keyboard.type('Абай ')
    await page.keyboard.press('F9')
    await page.keyboard.type('мектебі')
    await page.keyboard.press('F9')
    await page.keyboard.press('F9')
    await page.keyboard.type('.')
    const chips = editor.locator('.tag-chip')
    await expect.poll(() => chips.allInnerTexts(), POLL).toEqual(['1', '/1', '2/'])
    const placed: PlacedTag[] = [
      { kind: 'open', n: 1, offset: 5 },
      { kind: 'close', n: 1, offset: 12 },
      { kind: 'standalone', n: 2, offset: 12 },
    ]
    await waitFor(() =>
      expect(storedTarget()).toMatchObject({ target: 'Абай мектебі.', targetTags: placed }),
    )

    // Backspace after "." deletes the dot; the next one, beside the chip, only selects it.
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect
      .poll(() => editor.locator('.tag-chip--selected').allInnerTexts(), POLL)
      .toEqual(['2/'])
    await expect.poll(() => chips.count(), POLL).toBe(3)

    // The selected chip moves left over "і", "б" and the closing chip.
    for (let step = 0; step < 3; step++) await page.keyboard.press('Alt+Shift+ArrowLeft')
    await waitFor(() =>
      expect(storedTarget()).toMatchObject({
        target: 'Абай мектебі',
        targetTags: [
          { kind: 'open', n: 1, offset: 5 },
          { kind: 'standalone', n: 2, offset: 10 },
          { kind: 'close', n: 1, offset: 12 },
        ],
      }),
    )
    await expect.poll(() => chips.allInnerTexts(), POLL).toEqual(['1', '2/', '/1'])
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
    expect(pageErrors).toEqual([])
  })

  test('copying the source into the target copies its tags too', async () => {
    // Row 4 is s5: the translate="no" unit u2 (s3) is a protected segment, shown at row 2.
    await page.click(targetCell(4))
    const editor = page.locator(`${targetCell(4)} [contenteditable="true"]`)
    await expect
      .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await page.keyboard.press('Control+Shift+S')
    await expect
      .poll(() => editor.locator('.tag-chip').allInnerTexts(), POLL)
      .toEqual(['1/', '2', '/2'])
    await waitFor(() => {
      const segment = readSegments(readStoredDocument(server.databaseFile, documentId))[4]!
      expect(segment).toMatchObject({ target: segment.source, targetTags: segment.sourceTags })
    })
    expect(pageErrors).toEqual([])
  })
})
