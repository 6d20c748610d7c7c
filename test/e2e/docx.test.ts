import { mkdir, readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseDocx, readZip } from '@qalam/shared/formats'
import { readSegments, setStatus, setTargetTagged } from '@qalam/shared/model'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { minimalDocx } from '../formats/docxFixtures.ts'
import { POLL, SCREENSHOT_DIR, openAs, row } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

/*
 * A Word document from the browser: chosen in the import form (which shows its paragraphs
 * and asks about its tracked changes), translated into Arabic, and downloaded from the
 * export dialog as a DOCX whose paragraphs and runs are right to left.
 */

const DOCX = minimalDocx({
  body:
    '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">The archive opens at </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>nine</w:t></w:r><w:r><w:t>.</w:t></w:r>' +
    '<w:ins w:id="1" w:author="Editor"><w:r><w:t xml:space="preserve"> The reading room closes at six.</w:t></w:r></w:ins></w:p>' +
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Opening hours</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
})
const ARABIC = ['يفتح الأرشيف في الساعة التاسعة.', 'تغلق قاعة المطالعة في السادسة.', 'ساعات العمل']

describe('DOCX in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let client: SyncClient | null = null

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Word'))
  })

  afterAll(async () => {
    client?.destroy()
    await stopBrowserTestbed({ browser, server })
  })

  test('imports a DOCX accepting its tracked changes and exports it in Arabic, right to left', async () => {
    const page = await openAs(browser, workspace.admin, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page.locator('[data-testid="import-form"]').waitFor()
    await page.locator('#import-file').setInputFiles({
      name: 'hours.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(DOCX),
    })
    const preview = page.locator('[data-testid="import-file-preview"][data-state="ready"]')
    await preview.waitFor({ timeout: 60_000 })
    expect(await preview.getAttribute('data-format')).toBe('docx')
    expect(
      await page.locator('[data-testid="import-file-preview-lines"] li').first().textContent(),
    ).toBe('The archive opens at nine. The reading room closes at six.')
    await page.selectOption('select[name="sourceLang"]', 'en')
    await page.selectOption('select[name="targetLang"]', 'ar')

    // Without accepting, the server refuses and says why; nothing is imported.
    await page.locator('[data-testid="import-tracked-changes"]').waitFor()
    await page.click('[data-testid="import-submit"]')
    await expect
      .poll(() => page.locator('[data-testid="import-error"]').textContent(), POLL)
      .toContain('tracked changes')
    await page.check('[data-testid="import-accept-tracked"]')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page
      .locator('[data-testid="import-form"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/docx-import-tracked-changes.png` })
    await page.click('[data-testid="import-submit"]')
    await page.waitForURL(/\/documents\/[^/]+$/, { timeout: 60_000 })
    await page.locator(row(0)).waitFor()
    const documentId = decodeURIComponent(page.url().split('/').pop()!)

    client = connectClient(server.url, documentId, workspace.admin)
    await client.synced()
    const segments = readSegments(client.doc)
    expect(segments.map((segment) => segment.source)).toEqual([
      'The archive opens at nine.',
      'The reading room closes at six.',
      'Opening hours',
    ])
    segments.forEach((segment, index) => {
      // The bold tag goes around the Arabic word for "nine".
      const text = ARABIC[index]!
      const tags =
        index === 0
          ? [
              { kind: 'open' as const, n: 1, offset: text.indexOf('التاسعة') },
              { kind: 'close' as const, n: 1, offset: text.indexOf('التاسعة') + 'التاسعة'.length },
            ]
          : []
      setTargetTagged(client!.doc, segment.id, { text, tags }, workspace.admin.user.id)
      setStatus(client!.doc, segment.id, 'translated', workspace.admin.user.id)
    })
    await expect.poll(() => page.locator(row(2)).textContent(), POLL).toContain(ARABIC[2])

    await page.click('[data-testid="export"]')
    await page.locator('[data-testid="export-report"]').waitFor()
    expect(await page.inputValue('#export-format')).toBe('docx')
    await page
      .locator('[data-testid="export-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/docx-export-dialog.png` })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    expect(download.suggestedFilename()).toBe('hours.docx')
    const bytes = new Uint8Array(await readFile(await download.path()))
    const archive = readZip(bytes)
    const xml = archive.readText(archive.entry('word/document.xml')!)
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g)!
    expect(paragraphs).toHaveLength(2)
    for (const paragraph of paragraphs) {
      expect(paragraph).toContain('<w:bidi/>')
      for (const run of paragraph.match(/<w:r>.*?<\/w:r>/g)!) expect(run).toContain('<w:rtl/>')
    }
    expect(paragraphs[0]).toContain('<w:jc w:val="start"/>')
    expect(xml).toContain('<w:bidiVisual/>')
    expect(xml).not.toContain('<w:ins ')
    // The bold run holds the Arabic word it was put around.
    expect(xml).toMatch(/<w:b\/>[^]*?<w:t xml:space="preserve">التاسعة<\/w:t>/)
    const again = parseDocx(bytes, { lang: 'ar' }).segments.map((segment) => segment.source)
    expect(again.join(' ')).toBe(ARABIC.join(' '))
    await page.context().close()
  })
})
