import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, row } from './browser.ts'
import { editorOf, openSegment } from './segmentEditor.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Библиотеки оцифровывают рукописи. Каталог обновлён.'

const termHits = (page: Page, index: number) =>
  page.locator(`${row(index)} [data-testid="source"] [data-testid="term-hit"]`)

const MANUSCRIPT = {
  terms: [
    { lang: 'ru', text: 'рукопись' },
    { lang: 'kk', text: 'қолжазба' },
  ],
}

describe('glossary terms in the editor', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, workspace, browser, translator, reviewer } = await startDocumentTestbed(
      'Термины',
      { bytes: SOURCE, title: 'Каталог', targetLang: 'kk' },
      {
        translator: { username: 'aigerim' },
        reviewer: { username: 'saule' },
        prepare: (workspace) => workspace.createGlossary('Кітапхана ісі', [MANUSCRIPT]),
      },
    ))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a term of the active source is underlined, listed and inserted with Alt+1', async () => {
    // Before any segment is entered there is no source to find terms in, and the panel says so.
    const panel = translator.locator('[data-testid="terms-panel"]')
    await expect
      .poll(() => panel.textContent(), POLL)
      .toContain('Choose a segment to see its glossary terms.')
    await openSegment(translator, 0)
    await expect.poll(() => termHits(translator, 0).allTextContents(), POLL).toEqual(['рукописи'])
    await expect
      .poll(() => translator.locator('[data-testid="term-item"]').allTextContents(), POLL)
      .toEqual([expect.stringContaining('қолжазба')])
    await translator.keyboard.type('Кітапханалар ')
    await translator.keyboard.press('Alt+1')
    await expect
      .poll(() => editorOf(translator, 0).textContent(), POLL)
      .toBe('Кітапханалар қолжазба')
  })

  test('a reviewer adds a term from a selection and the translator sees it at once', async () => {
    await openSegment(translator, 1)
    expect(await termHits(translator, 1).count()).toBe(0)
    await openSegment(reviewer, 1)
    // Select «Каталог» in the active source, as a mouse drag would.
    await reviewer.locator(`${row(1)} [data-testid="source"]`).evaluate((cell) => {
      const text = cell.firstChild!
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, 'Каталог'.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    })
    await reviewer.click('[data-testid="add-term"]')
    await expect
      .poll(() => reviewer.inputValue('[data-testid="add-term-source"]'), POLL)
      .toBe('Каталог')
    await reviewer.fill('[data-testid="add-term-target"]', 'каталог')
    await reviewer.click('[data-testid="save-term"]')
    await expect.poll(() => termHits(reviewer, 1).allTextContents(), POLL).toEqual(['Каталог'])
    await expect.poll(() => termHits(translator, 1).allTextContents(), POLL).toEqual(['Каталог'])
    await expect
      .poll(() => translator.locator('[data-testid="term-item"]').allTextContents(), POLL)
      .toEqual([expect.stringContaining('каталог')])
  })

  test('a manager creates a glossary on the project page and imports a CSV into it', async () => {
    const manager = await openAs(
      browser,
      await workspace.member('manager', 'dana'),
      'en',
      server.url,
    )
    await manager.goto(`${server.url}/projects/${workspace.projectId}`)
    const panel = manager.locator('[data-testid="glossary-panel"]')
    await expect.poll(() => panel.locator('[data-testid="glossary-item"]').count(), POLL).toBe(1)
    await manager.fill('[data-testid="glossary-name"]', 'Мұрағат')
    await panel.locator('button[type="submit"]').click()
    const created = panel.locator('[data-testid="glossary-item"]', { hasText: 'Мұрағат' })
    await created.waitFor()
    await created.locator('[data-testid="glossary-import"]').setInputFiles({
      name: 'archive.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ru;kk\nопись;тізімдеме\nфонд;қор\n'),
    })
    await expect
      .poll(() => panel.locator('[role="status"]').textContent(), POLL)
      .toBe('2 entries imported.')
    await expect.poll(() => created.textContent(), POLL).toContain('2 entries')
    await manager.close()
  })
})
