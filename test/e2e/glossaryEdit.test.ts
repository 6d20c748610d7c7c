import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { asUser } from '../support/accounts.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, row } from './browser.ts'
import { openSegment } from './segmentEditor.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Рукописи хранятся в архиве.'

const termHits = (page: Page) =>
  page.locator(`${row(0)} [data-testid="source"] [data-testid="term-hit"]`)
const termItems = (page: Page) => page.locator('[data-testid="term-item"]').allTextContents()

describe('editing and deleting glossary terms from the terms panel', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Терминдер'))
    const documentId = (
      await workspace.importDocument({ bytes: SOURCE, title: 'Архив', targetLang: 'kk' })
    ).id
    const headers = { ...asUser(workspace.admin), 'content-type': 'application/json' }
    const base = `${server.url}/api/projects/${workspace.projectId}/glossaries`
    const created = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Мұрағат' }),
    })
    const { id } = (await created.json()) as { id: string }
    const added = await fetch(`${base}/${id}/entries`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        terms: [
          { lang: 'ru', text: 'рукопись' },
          { lang: 'kk', text: 'қолжазба' },
        ],
      }),
    })
    expect(added.status).toBe(201)
    translator = await openAs(
      browser,
      await workspace.member('translator', 'aruzhan'),
      'en',
      server.url,
    )
    reviewer = await openAs(browser, await workspace.member('reviewer', 'bolat'), 'en', server.url)
    await openDocument(server.url, documentId, translator, reviewer)
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
