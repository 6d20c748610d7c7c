import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, segmentAt, targetTagged } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import { POLL, pageErrors, targetCell } from './browser.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

// Segments 1, 3 and 4 are the same sentence with a bold run; segment 2 another one.
const unit = (n: number, source: string) =>
  `      <trans-unit id="u${n}"><source>${source}</source></trans-unit>`
const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="f.html" source-language="ru" target-language="kk" datatype="html">
    <body>
${unit(1, '<g id="1" ctype="bold">Опись</g> фонда.')}
${unit(2, 'Краткое описание.')}
${unit(3, '<g id="1" ctype="bold">Опись</g> фонда.')}
${unit(4, '<g id="1" ctype="bold">Опись</g> фонда.')}
    </body>
  </file>
</xliff>
`
const TAGGED = {
  text: 'Қор тізімдемесі.',
  tags: [
    { kind: 'open', n: 1, offset: 0 },
    { kind: 'close', n: 1, offset: 3 },
  ],
}

const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)

describe('repetitions of a segment with inline tags', () => {
  let server: TestServer
  let browser: Browser
  let documentId: string
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, documentId, translator, reviewer } = await startDocumentTestbed('Қор', {
      bytes: XLIFF,
      fileName: 'opis.xlf',
      targetLang: 'kk',
    }))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a translation with tag chips is applied to its repetitions, chips and all, and stored', async () => {
    await translator.click(targetCell(0))
    await expect
      .poll(() => editorOf(translator, 0).evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await translator.keyboard.press('F9')
    await translator.keyboard.type('Қор')
    await translator.keyboard.press('F9')
    await translator.keyboard.type(' тізімдемесі.')
    await expect.poll(() => editorOf(translator, 0).locator('.tag-chip').count(), POLL).toBe(2)
    await translator.keyboard.press('Control+Enter')
    await expect
      .poll(() => translator.getAttribute('[data-testid="repetitions-bar"]', 'data-stage'), POLL)
      .toBe('offered')
    await translator.keyboard.press('Control+Shift+Enter')

    await expect
      .poll(() => {
        const stored = readStoredDocument(server.databaseFile, documentId)
        return [2, 3].map((index) => targetTagged(segmentAt(stored, index)!))
      }, POLL)
      .toEqual([TAGGED, TAGGED])
    const stored = readSegments(readStoredDocument(server.databaseFile, documentId))
    expect(stored.map((segment) => segment.status)).toEqual([
      'translated',
      'new',
      'translated',
      'translated',
    ])
    // The colleague sees the chips in the repetitions' rows.
    await expect.poll(() => reviewer.locator(`${targetCell(3)} .tag-chip`).count(), POLL).toBe(2)
    expect(pageErrors).toEqual([])
  })
})
