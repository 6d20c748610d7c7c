import { mkdir, readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import ar from '../../client/i18n/locales/ar.json'
import en from '../../client/i18n/locales/en.json'
import ru from '../../client/i18n/locales/ru.json'
import { importDocument } from '../support/documentsApi.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import {
  CLIENT_DIR,
  SCREENSHOT_DIR,
  assertClientBuilt,
  POLL,
  launchChromium,
  openAs,
  pageErrors,
  row,
} from './browser.ts'

const SAMPLE = '/work/shared/data/samples/archives-cooperation.ru.txt'
const DANIYAR = { id: 'user-daniyar', name: 'Daniyar', color: '#2c6e49' }

describe('the document list, import form and interface language', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    assertClientBuilt()
    server = await startTestServer({ clientDir: CLIENT_DIR })
    await importDocument(server.url, {
      bytes: 'Архивы и библиотеки — новый вектор сотрудничества.\n',
      fileName: 'vector.txt',
      title: 'Новый вектор',
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  test('the import form shows the translated error for an empty file', async () => {
    const page = await openAs(browser, DANIYAR, 'ru')
    await page.goto(server.url)
    await page.locator('#import-file').setInputFiles({
      name: 'empty.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(0),
    })
    await page.click('[data-testid="import-form"] button[type="submit"]')
    await expect
      .poll(() => page.locator('[data-testid="import-error"]').textContent())
      .toBe(ru.errors.import.empty)
    expect(page.url()).toBe(`${server.url}/`)
    await page.context().close()
  })

  test('importing through the form opens the new document, which the list then shows', async () => {
    const page = await openAs(browser, DANIYAR)
    await page.goto(server.url)
    await page.locator('#import-file').setInputFiles({
      name: 'archives-cooperation.ru.txt',
      mimeType: 'text/plain',
      buffer: await readFile(SAMPLE),
    })
    await page.fill('#import-title', 'Архивы и библиотеки')
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', 'ar')
    await page.click('[data-testid="import-form"] button[type="submit"]')
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()
    expect(await page.textContent('[data-testid="document-title"]')).toBe('Архивы и библиотеки')
    expect(await page.getAttribute(`${row(0)} [data-testid="target"]`, 'dir')).toBe('rtl')

    await page.click('.document-header__back')
    await page.locator('[data-testid="document-table"]').waitFor()
    const titles = await page.locator('[data-testid="document-table"] tbody th a').allTextContents()
    expect(titles).toEqual(['Архивы и библиотеки', 'Новый вектор'])
    expect(await page.textContent('[data-testid="document-table"] tbody tr:first-child')).toContain(
      'Russian → Arabic',
    )
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOT_DIR}/document-list.png` })
    await page.context().close()
  })

  test('switching the interface to Arabic mirrors the whole layout and is remembered', async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    const page = await openAs(browser, DANIYAR)
    await page.goto(server.url)
    await page.locator('[data-testid="document-table"] tbody a').first().click()
    await page.locator(row(0)).waitFor()
    const sourceX = () =>
      page
        .locator('[data-testid="source-header"]')
        .evaluate((node) => node.getBoundingClientRect().x)
    const targetX = () =>
      page
        .locator('[data-testid="target-header"]')
        .evaluate((node) => node.getBoundingClientRect().x)
    expect(await sourceX()).toBeLessThan(await targetX())

    await page.selectOption('[data-testid="language-switcher"]', 'ar')
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), POLL).toBe('rtl')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar')
    expect(await sourceX()).toBeGreaterThan(await targetX())
    expect(await page.textContent('.document-header__back')).toBe(ar.document.backToList)
    expect(await page.getAttribute(`${row(0)} .status-marker`, 'aria-label')).toBe(ar.status.new)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/document-interface-ar.png` })

    await page.reload()
    await page.locator(row(0)).waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await page.textContent('.document-header__back')).toBe(ar.document.backToList)
    await page.context().close()
  })

  test('an unknown document id says the document does not exist', async () => {
    const page = await openAs(browser, DANIYAR)
    await page.goto(`${server.url}/documents/no-such-document`)
    await expect
      .poll(() => page.locator('.page-message').textContent())
      .toContain(en.document.notFound)
    await page.context().close()
  })

  test('a first visit asks for a display name and keeps it across reloads', async () => {
    const page = await openAs(browser, null)
    await page.goto(server.url)
    await page.fill('[data-testid="name-prompt"] input', 'Saule')
    await page.click('[data-testid="name-prompt"] button[type="submit"]')
    await expect
      .poll(() => page.textContent('[data-testid="current-user"]'), POLL)
      .toContain('Saule')
    await page.reload()
    await page.locator('[data-testid="document-table"]').waitFor()
    expect(await page.locator('[data-testid="name-prompt"]').count()).toBe(0)
    expect(await page.textContent('[data-testid="current-user"]')).toContain('Saule')
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
