import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import en from '../../client/i18n/locales/en.json'
import { TEST_PASSWORD, asUser, createProject } from '../support/accounts.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, row, targetCell } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

describe('managing documents and accounts in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Архив'))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a manager renames a document, deletes it, finds it under Deleted and restores it', async () => {
    const manager = await workspace.member('manager', 'zhanar')
    const { id } = await workspace.importDocument({ bytes: 'Первое. Второе.', title: 'Черновик' })
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/documents/${id}`)
    await page.locator(row(0)).waitFor()

    await page.click('[data-testid="rename"]')
    await page.fill('[data-testid="rename-input"]', 'Письма 1921 года')
    await page.click('[data-testid="rename-form"] button[type="submit"]')
    await expect
      .poll(() => page.textContent('[data-testid="document-title"]'), POLL)
      .toBe('Письма 1921 года')

    await page.click('[data-testid="delete"]')
    await page.click('[data-testid="confirm-delete"]')
    await page.waitForURL(`${server.url}/projects/${workspace.projectId}`)
    const deleted = page.locator(`[data-testid="deleted-item"][data-id="${id}"]`)
    await expect.poll(() => deleted.textContent(), POLL).toContain('Письма 1921 года')
    expect(await page.locator(`a[href="/documents/${id}"]`).count()).toBe(0)

    await deleted.locator('[data-testid="restore"]').click()
    await page.locator(`a[href="/documents/${id}"]`).first().waitFor()
    expect(await page.textContent('[data-testid="deleted-panel"]')).toContain(
      en.manage.nothingDeleted,
    )
    await page.context().close()
  })

  test('after an administrator resets a password, the login asks for a new one before anything else', async () => {
    const translator = await workspace.member('translator', 'bolat')
    const admin = await openAs(browser, workspace.admin, 'en', server.url)
    await admin.goto(`${server.url}/admin`)
    const account = admin.locator('[data-testid="user-table"] tr[data-username="bolat"]')
    await account.locator('[data-testid="reset"]').click()
    await account.locator('[data-testid="reset-password"]').fill('temporary pass 42')
    await account.locator('[data-testid="reset-form"] button[type="submit"]').click()
    await account.locator('[data-testid="reset-done"]').waitFor()
    await admin.context().close()
    const ended = await fetch(`${server.url}/api/session`, { headers: asUser(translator) })
    expect(ended.status).toBe(401)

    const page = await openAs(browser, null, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page.fill('#login-username', 'bolat')
    await page.fill('#login-password', 'temporary pass 42')
    await page.click('[data-testid="login-form"] button[type="submit"]')
    const form = page.locator('[data-testid="change-password-form"]')
    await form.waitFor()
    expect(await page.locator('[data-testid="project-page"]').count()).toBe(0)
    await page.fill('[data-testid="current-password"]', 'temporary pass 42')
    await page.fill('[data-testid="new-password"]', 'my own long password')
    await page.fill('[data-testid="repeat-password"]', 'my own long password')
    await form.locator('button[type="submit"]').click()
    await expect.poll(() => page.textContent('[data-testid="project-name"]'), POLL).toBe('Архив')
    await page.context().close()
  })
  test('an administrator deactivates a translator, whose open document then sends them to a login that refuses them, until reactivated', async () => {
    const translator = await workspace.member('translator', 'dana')
    const { id } = await workspace.importDocument({ bytes: 'Опись фонда. Дела 1–40.' })
    const page = await openAs(browser, translator, 'en', server.url)
    await page.goto(`${server.url}/documents/${id}`)
    await page.locator(row(0)).waitFor()

    const admin = await openAs(browser, workspace.admin, 'en', server.url)
    await admin.goto(`${server.url}/admin`)
    const account = admin.locator('[data-testid="user-table"] tr[data-username="dana"]')
    await account.locator('[data-testid="toggle-active"]').click()
    await expect.poll(() => account.getAttribute('data-active'), POLL).toBe('false')
    expect(await account.locator('[data-testid="user-status"]').textContent()).toBe(
      en.admin.deactivated,
    )

    // The open socket is closed at once, and the page goes to the login.
    await page.waitForURL(/\/login\?next=/)
    const logIn = async () => {
      await page.fill('#login-username', 'dana')
      await page.fill('#login-password', TEST_PASSWORD)
      await page.click('[data-testid="login-form"] button[type="submit"]')
    }
    await logIn()
    await expect
      .poll(() => page.textContent('[data-testid="login-error"]'), POLL)
      .toBe(en.errors.auth.deactivated)

    await account.locator('[data-testid="toggle-active"]').click()
    await expect.poll(() => account.getAttribute('data-active'), POLL).toBe('true')
    await logIn()
    await page.waitForURL(`${server.url}/documents/${id}`)
    await page.locator(row(0)).waitFor()
    await admin.context().close()
    await page.context().close()
  })

  test('importing a document into its own language asks first and stores nothing until confirmed', async () => {
    const manager = await workspace.member('manager', 'marat')
    const listed = async () => {
      const response = await fetch(
        `${server.url}/api/documents?projectId=${encodeURIComponent(workspace.projectId)}`,
        { headers: asUser(workspace.admin) },
      )
      return ((await response.json()) as { documents: unknown[] }).documents.length
    }
    const before = await listed()
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page.locator('#import-file').setInputFiles({
      name: 'opis.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Опись фонда. Дела 1–40.\n'),
    })
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', 'ru')
    const submit = page.locator('[data-testid="import-submit"]')
    await submit.click()
    await page.locator('[data-testid="same-language"]').waitFor()
    expect(await submit.textContent()).toBe(en.import.sameLanguageConfirm)
    expect(await listed()).toBe(before)
    await submit.click()
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()
    expect(await listed()).toBe(before + 1)
    await page.context().close()
  })

  test('the alignment form asks the same before aligning two texts in one language', async () => {
    const page = await openAs(browser, workspace.admin, 'en', server.url)
    await page.goto(`${server.url}/align?project=${workspace.projectId}`)
    for (const side of ['source', 'target']) {
      await page.locator(`#align-${side}`).setInputFiles({
        name: `${side}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from('Опись фонда. Дела 1–40.\n'),
      })
    }
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', 'ru')
    const submit = page.locator('[data-testid="align-form"] button[type="submit"]')
    await submit.click()
    await page.locator('[data-testid="same-language"]').waitFor()
    expect(await submit.textContent()).toBe(en.align.sameLanguageConfirm)
    expect(await page.locator('[data-testid="align-review"]').count()).toBe(0)
    await submit.click()
    await page.locator('[data-testid="align-review"]').waitFor()
    await page.context().close()
  })

  test('a manager types a translation and approves it; the server keeps it', async () => {
    const manager = await workspace.member('manager', 'erlan')
    const { id } = await workspace.importDocument({ bytes: 'Опись фонда. Дела 1–40.' })
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/documents/${id}`)
    await page.locator(row(0)).waitFor()
    await page.click(targetCell(0))
    const editor = page.locator(`${targetCell(0)} [contenteditable]`)
    await expect
      .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await page.keyboard.type('Қор тізімдемесі.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getAttribute(row(0), 'data-status'), POLL).toBe('approved')
    // A refused update would have been undone on reload; the server stored both.
    await page.reload()
    await page.locator(row(0)).waitFor()
    expect(await page.getAttribute(row(0), 'data-status')).toBe('approved')
    expect(await page.textContent(targetCell(0))).toContain('Қор тізімдемесі.')
    await page.context().close()
  })

  test('an administrator renames a project, deletes it and restores it from Deleted projects', async () => {
    const projectId = await createProject(server.url, workspace.admin, 'Фонд 12')
    const page = await openAs(browser, workspace.admin, 'en', server.url)
    await page.goto(`${server.url}/projects/${projectId}`)
    await page.click('[data-testid="rename"]')
    await page.fill('[data-testid="rename-input"]', 'Фонд 12: описи')
    await page.click('[data-testid="rename-form"] button[type="submit"]')
    await expect
      .poll(() => page.textContent('[data-testid="project-name"]'), POLL)
      .toBe('Фонд 12: описи')

    await page.click('[data-testid="delete"]')
    await page.click('[data-testid="confirm-delete"]')
    await page.waitForURL(`${server.url}/`)
    const deleted = page.locator(`[data-testid="deleted-item"][data-id="${projectId}"]`)
    await expect.poll(() => deleted.textContent(), POLL).toContain('Фонд 12: описи')
    expect(await page.locator(`a[href="/projects/${projectId}"]`).count()).toBe(0)
    await deleted.locator('[data-testid="restore"]').click()
    await page.locator(`a[href="/projects/${projectId}"]`).first().waitFor()
    await page.context().close()
  })
})
