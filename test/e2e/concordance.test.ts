import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../support/testServer.ts'
import { POLL, SCREENSHOT_DIR } from './browser.ts'
import { editorOf, openSegment } from './segmentEditor.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Национальные библиотеки хранят рукописи. Рукописи переданы в архив.'
// "And the national libraries keep the manuscripts": the article and the conjunction are
// joined to the word, which the search finds from the bare مكتبة.
const TRANSLATION = 'والمكتبات الوطنية تحفظ المخطوطات.'

describe('concordance search', () => {
  let server: TestServer
  let browser: Browser
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, translator, reviewer } = await startDocumentTestbed(
      'Конкорданс',
      { bytes: SOURCE, title: 'Фонд', targetLang: 'ar' },
      { translator: { username: 'dana', locale: 'ar' }, reviewer: { username: 'saule' } },
    ))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('concordance finds a word in a target', async () => {
    await openSegment(reviewer, 0)
    await reviewer.keyboard.type(TRANSLATION)
    await reviewer.keyboard.press('Control+Enter')

    await openSegment(translator, 1)
    await translator.keyboard.press('Control+k')
    const dialog = translator.locator('[data-testid="concordance-dialog"]')
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true)
    const input = dialog.locator('[data-testid="concordance-input"]')
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true)
    await translator.keyboard.type('مكتبة')

    const row = dialog.locator('[data-testid="concordance-row"]')
    await expect.poll(() => row.count(), POLL).toBe(1)
    const target = row.locator('[data-testid="concordance-target"]')
    expect(await target.locator('mark').allTextContents()).toEqual(['والمكتبات'])
    expect(await target.getAttribute('dir')).toBe('rtl')
    expect(await row.locator('[data-testid="concordance-source"]').getAttribute('dir')).toBe('ltr')
    expect(await row.textContent()).toContain('saule')
    // The Arabic interface mirrors the dialog.
    expect(await translator.evaluate(() => document.documentElement.dir)).toBe('rtl')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await translator.screenshot({ path: `${SCREENSHOT_DIR}/concordance-ar.png` })

    // Keyboard only: the sources hold no Arabic word, so searching them finds nothing.
    await translator.keyboard.press('Tab')
    await translator.keyboard.press('ArrowDown')
    expect(await dialog.locator('[data-testid="concordance-side-source"]').isChecked()).toBe(true)
    await expect.poll(() => row.count(), POLL).toBe(0)
    await translator.keyboard.press('ArrowDown')
    expect(await dialog.locator('[data-testid="concordance-side-target"]').isChecked()).toBe(true)
    await expect.poll(() => row.count(), POLL).toBe(1)
    await translator.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false)
  })

  test('opens with the words selected in the editor and searches sources through their endings', async () => {
    await openSegment(reviewer, 1)
    await editorOf(reviewer, 1).focus()
    await reviewer.keyboard.type('رقمنة')
    await reviewer.keyboard.press('Shift+Home')
    await reviewer.locator('[data-testid="concordance-open"]').click()
    const dialog = reviewer.locator('[data-testid="concordance-dialog"]')
    const input = dialog.locator('[data-testid="concordance-input"]')
    await expect.poll(() => input.inputValue(), POLL).toBe('رقمنة')
    await input.fill('библиотека')
    await dialog.locator('[data-testid="concordance-side-source"]').check()
    const source = dialog.locator('[data-testid="concordance-source"]')
    await expect.poll(() => source.count(), POLL).toBe(1)
    expect(await source.locator('mark').allTextContents()).toEqual(['библиотеки'])
    await reviewer.keyboard.press('Escape')
  })
})
