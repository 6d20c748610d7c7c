import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import en from '../../client/i18n/locales/en.json'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, pageErrors, row, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SEGMENTS = 10_000
// Every 1,000th sentence names the library with its harakat, one more stretches it with
// tatweel; a search for the bare word must find all eleven.
const VOCALISED = 'الْمَكْتَبَةُ'
const STRETCHED = 'المكتـــبة'
const WITH_LIBRARY = new Set([...Array.from({ length: 10 }, (_, n) => n * 1_000 + 999), 4_321])

function arabicText(): string {
  const paragraphs: string[] = []
  for (let start = 0; start < SEGMENTS; start += 10) {
    const sentences: string[] = []
    for (let n = start; n < start + 10; n++) {
      const subject = n === 4_321 ? STRETCHED : WITH_LIBRARY.has(n) ? VOCALISED : 'الأرشيف'
      sentences.push(`زارت الوفود ${subject} في اليوم ${n + 1}.`)
    }
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n') + '\n'
}

const isSelected = (page: Page, index: number) => page.getAttribute(row(index), 'aria-selected')
const count = (page: Page) => page.textContent('[data-testid="find-count"]')

/** Whether the row is entirely inside the grid's scrolling body, below its column headers. */
async function isFullyVisible(page: Page, index: number): Promise<boolean> {
  return page.evaluate((selector) => {
    const rowBox = document.querySelector(selector)?.getBoundingClientRect()
    const body = document.querySelector('[data-testid="segment-grid"]')?.getBoundingClientRect()
    const head = document.querySelector('.segment-grid__head')?.getBoundingClientRect()
    if (rowBox === undefined || body === undefined || head === undefined) return false
    return (
      rowBox.top >= body.top - 0.5 &&
      rowBox.top >= head.bottom - 0.5 &&
      rowBox.bottom <= body.bottom + 0.5
    )
  }, row(index))
}

describe('find, go to and the ends of navigation', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let largeId: string
  let smallId: string
  // One translator's page on the large document for the tests that need it: opening 10,000
  // segments is the slow part.
  let page: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    const large = await workspace.importDocument({
      bytes: arabicText(),
      fileName: 'visits.txt',
      sourceLang: 'ar',
      targetLang: 'kk',
    })
    expect(large.segments).toBe(SEGMENTS)
    largeId = large.id
    smallId = (
      await workspace.importDocument({
        bytes: 'Архив открыт. Каталог обновлён. Выставка откроется весной.',
        sourceLang: 'ru',
        targetLang: 'kk',
      })
    ).id
    page = await openAs(browser, await workspace.member('translator'), 'en', server.url)
    await openDocument(server.url, largeId, page)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('Ctrl+F finds a word in all 10,000 segments whatever its harakat and tatweel', async () => {
    await page.keyboard.press('Control+F')
    await page.locator('[data-testid="find-input"]').fill('المكتبة')
    await expect.poll(() => count(page), POLL).toBe('1 of 11')
    // The first hit is segment 1,000, far below the rendered rows: the grid scrolls to it.
    const current = page.locator('[data-testid="find-current"]')
    await expect.poll(() => current.textContent(), POLL).toBe(VOCALISED)
    expect(
      await current.evaluate((mark) =>
        mark.closest('[data-segment-index]')?.getAttribute('data-segment-index'),
      ),
    ).toBe('999')

    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect.poll(() => count(page), POLL).toBe('5 of 11')
    await expect.poll(() => current.textContent(), POLL).toBe(STRETCHED)
    await page.locator(`${row(4_321)} [data-testid="find-current"]`).waitFor()

    await page.click('[data-testid="find-previous"]')
    await expect.poll(() => count(page), POLL).toBe('4 of 11')
    await page.locator(`${row(3_999)} [data-testid="find-current"]`).waitFor()
    for (let step = 0; step < 4; step++) await page.keyboard.press('Shift+Enter')
    // Past the first hit, find goes round to the last one.
    await expect.poll(() => count(page), POLL).toBe('11 of 11')
    await page.locator(`${row(9_999)} [data-testid="find-current"]`).waitFor()

    await page.locator('[data-testid="find-input"]').fill('no such words')
    await expect.poll(() => count(page), POLL).toBe(en.find.none)
    expect(
      await page.locator('[data-testid="find-hit"], [data-testid="find-current"]').count(),
    ).toBe(0)
  })

  test('find looks in the targets too, and Escape puts the translator in the segment found', async () => {
    await page.keyboard.press('Control+G')
    await page.locator('[data-testid="goto-input"]').fill('3')
    await page.keyboard.press('Enter')
    await page.locator(`${targetCell(2)} [contenteditable]`).click()
    await page.keyboard.type('Ұлттық кітапхана')
    await expect.poll(() => page.getAttribute(row(2), 'data-status'), POLL).toBe('draft')
    await page.keyboard.press('Control+ArrowDown')
    await page.keyboard.press('Control+F')
    await page.locator('[data-testid="find-input"]').fill('ҰЛТТЫҚ')
    await expect.poll(() => count(page), POLL).toBe('1 of 1')
    await expect
      .poll(() => page.textContent(`${targetCell(2)} [data-testid="find-current"]`), POLL)
      .toBe('Ұлттық')
    await page.keyboard.press('Escape')
    expect(await page.locator('[data-testid="find-bar"]').count()).toBe(0)
    await expect.poll(() => isSelected(page, 2), POLL).toBe('true')
  })

  test('Ctrl+G goes to a segment number and refuses one the document does not have', async () => {
    await page.keyboard.press('Control+G')
    await page.locator('[data-testid="goto-input"]').fill('10001')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.textContent('[data-testid="goto-error"]'), POLL)
      .toBe(en.goTo.outOfRange.replace('{{last}}', '10,000'))
    await page.locator('[data-testid="goto-input"]').fill('٧٥٠٠')
    await page.keyboard.press('Enter')
    await expect.poll(() => isSelected(page, 7_499), POLL).toBe('true')
    await expect.poll(() => isFullyVisible(page, 7_499), POLL).toBe(true)
    expect(await page.locator('[data-testid="goto-bar"]').count()).toBe(0)
  })

  test('Ctrl+Enter keeps the next row fully in view, below the column headers', async () => {
    // The lowest row wholly in view: its successor starts under the bottom edge.
    const lowest = await page.evaluate(() => {
      const body = document.querySelector('[data-testid="segment-grid"]')!.getBoundingClientRect()
      let last = 0
      for (const element of Array.from(document.querySelectorAll('[data-segment-index]'))) {
        if (element.getBoundingClientRect().bottom <= body.bottom)
          last = Math.max(last, Number(element.getAttribute('data-segment-index')))
      }
      return last
    })
    await page.click(targetCell(lowest))
    await page.keyboard.type('Мұрағат')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => isSelected(page, lowest + 1), POLL).toBe('true')
    await expect.poll(() => isFullyVisible(page, lowest + 1), POLL).toBe(true)
  })

  test('Ctrl+Enter says when it starts again from the top and when every segment is done', async () => {
    const page = await openAs(browser, await workspace.member('translator'), 'en', server.url)
    await openDocument(server.url, smallId, page)
    const notice = page.locator('[data-testid="navigation-notice"]')
    await page.click(targetCell(1))
    for (const [index, text] of [
      [1, 'Каталог жаңартылды.'],
      [2, 'Көрме көктемде ашылады.'],
      [0, 'Мұрағат ашық.'],
    ] as const) {
      await expect.poll(() => isSelected(page, index), POLL).toBe('true')
      await page.locator(`${targetCell(index)} [contenteditable]`).click()
      await page.keyboard.type(text)
      await page.keyboard.press('Control+Enter')
      if (index === 2) {
        await expect.poll(() => notice.textContent(), POLL).toBe(en.navigation.wrapped)
      }
    }
    await expect.poll(() => notice.textContent(), POLL).toBe(en.navigation.allTranslated)
    // It stays on the segment just confirmed rather than jumping silently to segment 1.
    expect(await isSelected(page, 0)).toBe('true')
    for (const index of [0, 1, 2])
      await expect.poll(() => page.getAttribute(row(index), 'data-status'), POLL).toBe('translated')
    await page.context().close()
  })

  test('after approving or rejecting, the reviewer lands on the next segment to review', async () => {
    const page = await openAs(browser, await workspace.member('reviewer'), 'en', server.url)
    await openDocument(server.url, smallId, page)
    await page.click(targetCell(0))
    await page.click('[data-testid="action-rejectSegment"]')
    await page.fill('[data-testid="reject-dialog"] textarea', 'Сөз тәртібі.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getAttribute(row(0), 'data-status'), POLL).toBe('rejected')
    await expect.poll(() => isSelected(page, 1), POLL).toBe('true')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getAttribute(row(1), 'data-status'), POLL).toBe('approved')
    await expect.poll(() => isSelected(page, 2), POLL).toBe('true')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getAttribute(row(2), 'data-status'), POLL).toBe('approved')
    await expect
      .poll(() => page.textContent('[data-testid="navigation-notice"]'), POLL)
      .toBe(en.navigation.allReviewed)
    await page.context().close()
    expect(pageErrors).toEqual([])
  })
})
