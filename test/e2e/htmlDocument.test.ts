import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { asUser } from '../support/accounts.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { waitFor } from '../support/waitFor.ts'
import { POLL, SCREENSHOT_DIR, openAs, row, targetCell } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

/*
 * An HTML page through the browser: chosen on the import form (its format proposed from the
 * content), a sentence with bold markup translated into Arabic with the tag chips placed by
 * F9, and the page exported from the dialog: the translation sits inside the original markup,
 * and the page says lang="ar" dir="rtl".
 */

const PAGE = `<!DOCTYPE html>
<html lang="kk">
<head><meta charset="utf-8"><style>b { color: teal }</style></head>
<body>
  <p>Абай <b>мұрағаты</b> ашық.</p>
  <pre>код аударылмайды</pre>
</body>
</html>
`

describe('an HTML page in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('HTML'))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('imports a page, translates a tagged sentence into Arabic, exports it right to left', async () => {
    const manager = await workspace.member('manager', 'saule')
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'archive.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) })
    const preview = page.locator('[data-testid="import-file-preview"]')
    await expect.poll(() => preview.getAttribute('data-state'), POLL).toBe('ready')
    expect(await preview.getAttribute('data-format')).toBe('html')
    // Text, Markdown and HTML may look alike: the content's proposal, the user's choice.
    expect(await page.inputValue('#import-format')).toBe('html')
    await page.selectOption('select[name="sourceLang"]', 'kk')
    await page.selectOption('select[name="targetLang"]', 'ar')
    await page
      .locator('[data-testid="import-form"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/import-html.png` })
    await page.click('[data-testid="import-submit"]')
    await page.waitForURL(/\/documents\/[^/]+$/)
    const documentId = decodeURIComponent(page.url().split('/').pop()!)

    // One segment: the sentence; the <pre> block is never read.
    const sourceChips = page.locator(`${row(0)} [data-testid="source"] .tag-chip`)
    await expect.poll(() => sourceChips.allInnerTexts(), POLL).toEqual(['1', '/1'])
    expect(await sourceChips.first().getAttribute('title')).toContain('<b>')
    expect(await page.locator(row(1)).count()).toBe(0)

    await page.click(targetCell(0))
    const editor = page.locator(`${targetCell(0)} [contenteditable="true"]`)
    await expect
      .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await page.keyboard.type('أرشيف ')
    await page.keyboard.press('F9')
    await page.keyboard.type('أباي')
    await page.keyboard.press('F9')
    await page.keyboard.type(' مفتوح.')
    await expect.poll(() => editor.locator('.tag-chip').allInnerTexts(), POLL).toEqual(['1', '/1'])
    await waitFor(() => {
      const [segment] = readSegments(readStoredDocument(server.databaseFile, documentId))
      expect(segment).toMatchObject({
        target: 'أرشيف أباي مفتوح.',
        targetTags: [
          { kind: 'open', n: 1, offset: 6 },
          { kind: 'close', n: 1, offset: 10 },
        ],
      })
    })

    await page.click('[data-testid="export"]')
    expect(await page.inputValue('#export-format')).toBe('html')
    expect(await page.locator('#export-encoding').count()).toBe(0)
    await page
      .locator('[data-testid="export-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/export-html.png` })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    const exported = await readFile(await download.path(), 'utf8')
    expect(exported).toContain('<html dir="rtl" lang="ar">')
    expect(exported).toContain('<p>أرشيف <b>أباي</b> مفتوح.</p>')
    expect(exported).toContain('<pre>код аударылмайды</pre>')
    expect(exported).toContain('<style>b { color: teal }</style>')

    // The TMX of the same document is offered beside it.
    const tmx = await fetch(`${server.url}/api/documents/${documentId}/export?format=tmx`, {
      headers: asUser(workspace.admin),
    })
    expect(await tmx.text()).toContain('<bpt i="1">&lt;b&gt;</bpt>أباي<ept i="1">&lt;/b&gt;</ept>')
    await page.context().close()
  })

  test('a translate="no" unit of an XLIFF file is shown locked and cannot be typed into', async () => {
    const xliff = await readFile(new URL('../fixtures/xliff/features-2.0.xlf', import.meta.url))
    const { id } = await workspace.importDocument({ bytes: xliff, fileName: 'fonds.xlf' })
    const translator = await workspace.member('translator', 'Aigerim')
    const page = await openAs(browser, translator, 'en', server.url)
    await page.goto(`${server.url}/documents/${encodeURIComponent(id)}`)
    const locked = page.locator('[data-protected="true"]')
    await expect.poll(() => locked.count(), POLL).toBe(1)
    expect(await locked.locator('[data-testid="source"]').innerText()).toBe('ЦГА РК, ф. 64')
    const index = Number(await locked.getAttribute('data-segment-index'))
    await page.click(targetCell(index))
    await expect
      .poll(() => page.locator(`${targetCell(index)} [contenteditable]`).count(), POLL)
      .toBe(1)
    expect(
      await page.locator(`${targetCell(index)} [contenteditable]`).getAttribute('contenteditable'),
    ).toBe('false')
    expect(await page.locator(`${targetCell(index)}`).getAttribute('title')).toContain(
      'Not to be translated',
    )
    await page.locator(row(index)).screenshot({ path: `${SCREENSHOT_DIR}/protected-segment.png` })
    await page.context().close()
  })
})
