import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { asUser } from '../support/accounts.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, row } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

/*
 * A Kazakh file left on the form's default source language (Russian → Kazakh): the server
 * refuses it for its language and the form asks which one it is. "Import as Kazakh" imports it
 * Kazakh → Russian; "Import as Russian anyway" keeps the user's choice.
 */

const KAZAKH = [
  'Мұрағат оқырмандар үшін күн сайын таңғы тоғызда ашылады.',
  'Биыл қордың тізімдемесі толығымен жаңартылып, жаңа бөлімдер қосылды.',
  'Қолжазбалардың көшірмелерін оқу залында ғана алуға болады.',
  'Сұрақтарыңыз болса, кезекші қызметкерге хабарласыңыз.',
].join('\n')

describe('a file in another language than the chosen source', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Languages'))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  async function chooseKazakhFile(page: Page): Promise<void> {
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page.locator('[data-testid="import-form"]').waitFor()
    await page.locator('#import-file').setInputFiles({
      name: 'murağat.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(KAZAKH),
    })
    await page.locator('[data-testid="import-file-preview"][data-state="ready"]').waitFor()
  }

  async function importedLanguages(page: Page): Promise<unknown> {
    await page.waitForURL(/\/documents\/[^/]+$/, { timeout: 60_000 })
    await page.locator(row(0)).waitFor()
    const id = decodeURIComponent(page.url().split('/').pop()!)
    const response = await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}`, {
      headers: asUser(workspace.admin),
    })
    const { sourceLang, targetLang } = (await response.json()) as Record<string, unknown>
    return { sourceLang, targetLang }
  }

  test('the form names Kazakh, and "Import as Kazakh" imports it Kazakh → Russian', async () => {
    const page = await openAs(browser, workspace.admin, 'en', server.url)
    await chooseKazakhFile(page)
    // The form's defaults: Russian → Kazakh.
    expect(await page.inputValue('select[name="sourceLang"]')).toBe('ru')
    await page.click('[data-testid="import-submit"]')
    const warning = page.locator('[data-testid="language-mismatch"]')
    await warning.waitFor({ timeout: POLL.timeout })
    expect(await warning.textContent()).toContain('It looks like Kazakh (Cyrillic).')
    expect(await page.locator('[data-testid="import-error"]').count()).toBe(0)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page
      .locator('[data-testid="import-form"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/import-language-mismatch.png` })
    const asKazakh = page.locator('[data-testid="import-as-detected"]')
    expect(await asKazakh.textContent()).toBe('Import as Kazakh (Cyrillic)')
    expect(await page.locator('[data-testid="import-as-declared"]').textContent()).toBe(
      'Import as Russian anyway',
    )
    await asKazakh.click()
    expect(await importedLanguages(page)).toEqual({ sourceLang: 'kk', targetLang: 'ru' })
    await page.context().close()
  })

  test('"Import as Russian anyway" keeps the chosen languages, in a Kazakh interface', async () => {
    const page = await openAs(browser, workspace.admin, 'kk', server.url)
    await chooseKazakhFile(page)
    await page.click('[data-testid="import-submit"]')
    const warning = page.locator('[data-testid="language-mismatch"]')
    await warning.waitFor({ timeout: POLL.timeout })
    expect(await warning.textContent()).toContain('Қазақ тілі (кирилл)')
    await page.click('[data-testid="import-as-declared"]')
    expect(await importedLanguages(page)).toEqual({ sourceLang: 'ru', targetLang: 'kk' })
    await page.context().close()
  })
})
