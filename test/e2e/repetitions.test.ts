import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import en from '../../client/i18n/locales/en.json'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import { POLL, pageErrors, row, targetCell } from './browser.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

// Segments 1, 3 and 4 are the same sentence (the fourth in other case).
const SOURCE = 'Опись фонда. Краткое описание. Опись фонда. ОПИСЬ ФОНДА.'
const TRANSLATION = 'Қор тізімдемесі.'
const APPROVED = 'Қордың тізімдемесі.'

const status = (page: Page, index: number) => page.getAttribute(row(index), 'data-status')
// The row's translation, as text or in the editor when the row is open.
const shownTarget = (page: Page, index: number) =>
  page
    .locator(
      `${targetCell(index)} .segment-row__target-text, ${targetCell(index)} [contenteditable]`,
    )
    .first()
    .textContent({ timeout: 1_000 })
const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)
const bar = '[data-testid="repetitions-bar"]'

async function typeInto(page: Page, index: number, text: string): Promise<void> {
  await page.click(targetCell(index))
  await expect
    .poll(() => editorOf(page, index).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
  await page.keyboard.type(text)
}

describe('repetitions in two browsers', () => {
  let server: TestServer
  let browser: Browser
  let documentId: string
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, documentId, translator, reviewer } = await startDocumentTestbed('Қор', {
      bytes: SOURCE,
      title: 'Опись',
      targetLang: 'kk',
    }))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('rows whose source repeats another carry the repetition marker', async () => {
    const marked = async (index: number) =>
      translator.locator(`${row(index)} [data-testid="repetition-marker"]`).count()
    await expect.poll(() => marked(0), POLL).toBe(1)
    expect([await marked(1), await marked(2), await marked(3)]).toEqual([0, 1, 1])
  })

  test('a confirmed translation is applied to the unlocked repetition only, and Undo puts it back', async () => {
    // The reviewer translates and approves the fourth segment: a locked repetition.
    await typeInto(reviewer, 3, APPROVED)
    await reviewer.keyboard.press('Control+Enter')
    await expect.poll(() => status(translator, 3), POLL).toBe('approved')

    await typeInto(translator, 0, TRANSLATION)
    await translator.keyboard.press('Control+Enter')
    await expect.poll(() => status(translator, 0), POLL).toBe('translated')
    await expect
      .poll(() => translator.textContent(bar), POLL)
      .toContain(en.repetitions.offer.replace('{{number}}', '1').replace('{{count}}', '1'))

    await translator
      .getByRole('button', { name: en.repetitions.apply.replace('{{count}}', '1') })
      .click()
    for (const page of [translator, reviewer]) {
      await expect.poll(() => shownTarget(page, 2).catch(() => null), POLL).toBe(TRANSLATION)
      await expect.poll(() => status(page, 2), POLL).toBe('translated')
      expect(await shownTarget(page, 3)).toBe(APPROVED)
      expect(await status(page, 3)).toBe('approved')
    }
    await expect.poll(() => translator.getAttribute(bar, 'data-stage'), POLL).toBe('applied')
    const applied = readSegments(readStoredDocument(server.databaseFile, documentId))
    expect(applied.map((segment) => [segment.target, segment.status])).toEqual([
      [TRANSLATION, 'translated'],
      ['', 'new'],
      [TRANSLATION, 'translated'],
      [APPROVED, 'approved'],
    ])

    // The Undo button has the focus: Enter presses it.
    await translator.keyboard.press('Enter')
    for (const page of [translator, reviewer]) {
      await expect.poll(() => status(page, 2), POLL).toBe('draft')
      expect(await page.locator(`${targetCell(2)} .segment-row__target-text`).count()).toBe(0)
    }
    await expect.poll(() => translator.getAttribute(bar, 'data-stage'), POLL).toBe('undone')
    expect(await shownTarget(translator, 0)).toBe(TRANSLATION)
    expect(await status(translator, 3)).toBe('approved')
  })

  test('Ctrl+Shift+Enter applies the offer from the editor, which keeps the focus', async () => {
    await translator.click(targetCell(0))
    await expect
      .poll(() => editorOf(translator, 0).evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await translator.keyboard.press('Control+Enter')
    await expect.poll(() => translator.getAttribute(bar, 'data-stage'), POLL).toBe('offered')
    await expect
      .poll(() => editorOf(translator, 1).evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await translator.keyboard.press('Control+Shift+Enter')
    for (const page of [translator, reviewer]) {
      await expect.poll(() => shownTarget(page, 2).catch(() => null), POLL).toBe(TRANSLATION)
      await expect.poll(() => status(page, 2), POLL).toBe('translated')
    }
    expect(await editorOf(translator, 1).evaluate((node) => node === document.activeElement)).toBe(
      true,
    )
    expect(await editorOf(translator, 1).textContent()).toBe('')
    expect(await status(translator, 3)).toBe('approved')
    expect(pageErrors).toEqual([])
  })
})
