import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, pageErrors, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

// A long source makes the row, and so the target box, several lines taller than the target.
const SOURCE =
  'Переговоры о развитии культурного и гуманитарного сотрудничества между двумя странами ' +
  'прошли в Астане при участии представителей национальных архивов, библиотек и музеев, ' +
  'а также научных институтов и университетов обеих стран. Второе предложение.'

const TRANSLATIONS = {
  kk: { text: 'Келіссөздер екі ел арасындағы ынтымақтастық туралы.', word: 'арасындағы' },
  ar: { text: 'أجريت المحادثات حول تطوير التعاون الثقافي.', word: 'المحادثات' },
} as const

const editorOf = (page: Page) => page.locator(`${targetCell(0)} [contenteditable="true"]`)

async function editorIsReady(page: Page, text: string) {
  await expect
    .poll(() => editorOf(page).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
  await expect.poll(() => editorOf(page).textContent(), POLL).toBe(text)
}

/** Viewport point on the boundary before character `index` of the row's shown translation. */
function pointBefore(page: Page, index: number) {
  return page.locator(`${targetCell(0)} .segment-row__target-text`).evaluate((span, index) => {
    const text = span.firstChild as Text
    const range = document.createRange()
    range.setStart(text, index)
    range.setEnd(text, index + 1)
    const box = range.getBoundingClientRect()
    const isRtl = getComputedStyle(span).direction === 'rtl'
    // Just inside the character, on its leading side: the caret goes in front of it.
    return { x: isRtl ? box.right - 1 : box.left + 1, y: box.top + box.height / 2 }
  }, index)
}

/** A point in the target box, well below the last line of its text. */
async function pointBelowText(page: Page) {
  const box = (await page.locator(targetCell(0)).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height - 6 }
}

describe('the caret goes where the translator clicks', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    page = await openAs(browser, await workspace.member('translator', 'Dana'), 'en', server.url)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  for (const lang of ['kk', 'ar'] as const) {
    test(`in ${lang}: in the middle of a word and below the text, opened or not`, async () => {
      const { text, word } = TRANSLATIONS[lang]
      const { id } = await workspace.importDocument({
        bytes: SOURCE,
        title: lang,
        targetLang: lang,
      })
      await openDocument(server.url, id, page)
      await page.click(targetCell(0))
      await editorIsReady(page, '')
      await page.keyboard.type(text)
      await page.keyboard.press('Control+ArrowDown')
      await expect
        .poll(() => page.locator(`${targetCell(0)} .segment-row__target-text`).innerText(), POLL)
        .toBe(text)
      const box = (await page.locator(targetCell(0)).boundingBox())!
      const textBox = (await page
        .locator(`${targetCell(0)} .segment-row__target-text`)
        .boundingBox())!
      expect(box.height).toBeGreaterThan(textBox.height * 2)

      // A closed row, clicked inside a word: the caret lands before the character clicked.
      const middle = text.indexOf(word) + 3
      const before = await pointBefore(page, middle)
      await page.mouse.click(before.x, before.y)
      await editorIsReady(page, text)
      await page.keyboard.type('Ж')
      let expected = text.slice(0, middle) + 'Ж' + text.slice(middle)
      await expect.poll(() => editorOf(page).textContent(), POLL).toBe(expected)

      // The open box, clicked low: still the text field, the caret at the end.
      const low = await pointBelowText(page)
      await page.mouse.click(low.x, low.y)
      await page.keyboard.type('1')
      expected += '1'
      await expect.poll(() => editorOf(page).textContent(), POLL).toBe(expected)

      // A closed row, clicked below its text: opened with the caret at the end.
      await page.keyboard.press('Control+ArrowDown')
      await expect.poll(() => editorOf(page).count(), POLL).toBe(0)
      await page.mouse.click(low.x, low.y)
      await editorIsReady(page, expected)
      await page.keyboard.type('2')
      await expect.poll(() => editorOf(page).textContent(), POLL).toBe(expected + '2')

      // The editable area is the whole box.
      const editable = (await editorOf(page).boundingBox())!
      const cell = (await page.locator(targetCell(0)).boundingBox())!
      expect(editable.height).toBeGreaterThan(cell.height - 4)
      expect(pageErrors).toEqual([])
    })
  }
})
