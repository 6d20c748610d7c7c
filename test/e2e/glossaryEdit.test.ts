import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../support/testServer.ts'
import { POLL, SCREENSHOT_DIR, row } from './browser.ts'
import { openSegment } from './segmentEditor.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Рукописи хранятся в архиве.'

const termHits = (page: Page) =>
  page.locator(`${row(0)} [data-testid="source"] [data-testid="term-hit"]`)
const termItems = (page: Page) => page.locator('[data-testid="term-item"]').allTextContents()

const MANUSCRIPT = {
  terms: [
    { lang: 'ru', text: 'рукопись' },
    { lang: 'kk', text: 'қолжазба' },
  ],
}

describe('editing and deleting glossary terms from the terms panel', () => {
  let server: TestServer
  let browser: Browser
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, translator, reviewer } = await startDocumentTestbed(
      'Терминдер',
      { bytes: SOURCE, title: 'Архив', targetLang: 'kk' },
      {
        translator: { username: 'aruzhan' },
        reviewer: { username: 'bolat' },
        prepare: (workspace) => workspace.createGlossary('Мұрағат', [MANUSCRIPT]),
      },
    ))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a reviewer’s correction reaches the translator’s panel at once; the translator cannot edit', async () => {
    await openSegment(translator, 0)
    await openSegment(reviewer, 0)
    await expect
      .poll(() => termItems(translator), POLL)
      .toEqual([expect.stringContaining('қолжазба')])
    expect(await translator.locator('[data-testid="edit-term"]').count()).toBe(0)

    await reviewer.click('[data-testid="edit-term"]')
    await reviewer.fill('[data-testid="edit-term-target"]', 'манускрипт')
    await reviewer.selectOption('[data-testid="edit-term-status"]', 'admitted')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await reviewer
      .locator('[data-testid="terms-panel"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/term-edit.png` })
    await reviewer.click('[data-testid="save-edited-term"]')
    await expect
      .poll(() => termItems(translator), POLL)
      .toEqual([expect.stringContaining('манускрипт')])
    expect(await termItems(translator)).toEqual([expect.not.stringContaining('қолжазба')])
  })

  test('a reviewer deletes the entry and the term is no longer underlined for the translator', async () => {
    await expect.poll(() => termHits(translator).count(), POLL).toBe(1)
    await reviewer.click('[data-testid="edit-term"]')
    await reviewer.click('[data-testid="delete-term"]')
    await reviewer.click('[data-testid="confirm-delete-term"]')
    await expect.poll(() => termHits(translator).count(), POLL).toBe(0)
    await expect.poll(() => termItems(translator), POLL).toEqual([])
    await expect.poll(() => termHits(reviewer).count(), POLL).toBe(0)
  })
})
