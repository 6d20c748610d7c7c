import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, pageErrors, row, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SEGMENTS = 10_000

function largeText(): string {
  const paragraphs: string[] = []
  for (let start = 1; start <= SEGMENTS; start += 10) {
    const sentences: string[] = []
    for (let n = start; n < start + 10; n++) sentences.push(`Предложение ${n} об архивах.`)
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs.join('\n\n') + '\n'
}

describe('a 10,000-segment document', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let documentId: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    const imported = await workspace.importDocument({
      bytes: largeText(),
      fileName: 'large.txt',
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    expect(imported.segments).toBe(SEGMENTS)
    documentId = imported.id
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('renders only the rows in view and edits the last segment', async () => {
    const kanat = await workspace.member('translator', 'Kanat')
    const page = await openAs(browser, kanat, 'en', server.url)
    await openDocument(server.url, documentId, page)
    expect(await page.locator('[data-segment-index]').count()).toBeLessThan(80)

    await page.locator('[data-testid="segment-grid"]').evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight
    })
    await page.locator(row(SEGMENTS - 1)).waitFor()
    expect(await page.locator('[data-segment-index]').count()).toBeLessThan(80)
    expect(await page.textContent(`${row(SEGMENTS - 1)} [data-testid="source"]`)).toBe(
      `Предложение ${SEGMENTS} об архивах.`,
    )

    await page.click(targetCell(SEGMENTS - 1))
    await page.keyboard.type('Мұрағаттар туралы соңғы сөйлем.')
    await expect.poll(() => page.getAttribute(row(SEGMENTS - 1), 'data-status'), POLL).toBe('draft')
    expect(await page.getAttribute(targetCell(SEGMENTS - 1), 'dir')).toBe('ltr')
    await page.keyboard.press('Control+ArrowUp')
    await expect
      .poll(() => page.getAttribute(row(SEGMENTS - 2), 'aria-selected'), POLL)
      .toBe('true')
    expect(await page.textContent(`${targetCell(SEGMENTS - 1)} .segment-row__target-text`)).toBe(
      'Мұрағаттар туралы соңғы сөйлем.',
    )
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
