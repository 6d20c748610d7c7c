import { mkdir, readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import ar from '../../client/i18n/locales/ar.json'
import en from '../../client/i18n/locales/en.json'
import ru from '../../client/i18n/locales/ru.json'
import { createProject, type Session } from '../support/accounts.ts'
import { importDocument } from '../support/documentsApi.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { SCREENSHOT_DIR, POLL, openAs, pageErrors, row } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SAMPLE = new URL('../fixtures/samples/archives.ru.txt', import.meta.url)

describe('the document list, import form and interface language', () => {
  let server: TestServer
  let browser: Browser
  let workspace: Workspace
  let daniyar: Session
  let projectPage: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Архивы'))
    daniyar = await workspace.member('manager', 'daniyar')
    projectPage = `${server.url}/projects/${workspace.projectId}`
    await workspace.importDocument({
      bytes: 'Архивы и библиотеки — новый вектор сотрудничества.\n',
      fileName: 'vector.txt',
      title: 'Новый вектор',
      sourceLang: 'ru',
      targetLang: 'kk',
    })
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('the import form shows the translated error for an empty file', async () => {
    const page = await openAs(browser, daniyar, 'ru', server.url)
    await page.goto(projectPage)
    await page.locator('#import-file').setInputFiles({
      name: 'empty.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(0),
    })
    await page.click('[data-testid="import-form"] button[type="submit"]')
    await expect
      .poll(() => page.locator('[data-testid="import-error"]').textContent())
      .toBe(ru.errors.import.empty)
    expect(page.url()).toBe(projectPage)
    await page.context().close()
  })

  test('importing through the form opens the new document, which the list then shows', async () => {
    const page = await openAs(browser, daniyar, 'en', server.url)
    await page.goto(projectPage)
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
    const page = await openAs(browser, daniyar, 'en', server.url)
    await page.goto(projectPage)
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
    expect(await page.textContent('.document-header__back')).toBe(ar.document.backToProject)
    expect(await page.getAttribute(`${row(0)} .status-marker`, 'aria-label')).toBe(ar.status.new)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/document-interface-ar.png` })

    await page.reload()
    await page.locator(row(0)).waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await page.textContent('.document-header__back')).toBe(ar.document.backToProject)
    await page.context().close()
  })

  test('an unknown document id says the document does not exist', async () => {
    const page = await openAs(browser, daniyar, 'en', server.url)
    await page.goto(`${server.url}/documents/no-such-document`)
    await expect
      .poll(() => page.locator('.page-message').textContent())
      .toContain(en.document.notFound)
    await page.context().close()
  })

  test('a document of a project the user is not in reads exactly like one that does not exist', async () => {
    const outsider = await workspace.member('viewer', 'outsider')
    const other = await createWorkspaceProject(workspace, 'Закрытый проект')
    const hidden = await importInto(workspace, other, 'Секретное название')
    const page = await openAs(browser, outsider, 'en', server.url)
    await page.goto(`${server.url}/documents/${hidden.id}`)
    await expect
      .poll(() => page.locator('.page-message').textContent(), POLL)
      .toContain(en.document.notFound)
    expect(await page.content()).not.toContain('Секретное название')
    await page.goto(`${server.url}/projects/${other}`)
    await expect
      .poll(() => page.locator('[data-testid="project-missing"]').textContent(), POLL)
      .toContain(en.errors.project.not_found)
    expect(await page.content()).not.toContain('Закрытый проект')
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})

async function createWorkspaceProject(workspace: Workspace, name: string): Promise<string> {
  return createProject(workspace.serverUrl, workspace.admin, name)
}

function importInto(workspace: Workspace, projectId: string, title: string) {
  return importDocument(workspace.serverUrl, {
    session: workspace.admin,
    projectId,
    bytes: 'Только для своих.',
    title,
  })
}
