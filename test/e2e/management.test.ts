import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import en from '../../client/i18n/locales/en.json'
import { asUser } from '../support/accounts.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, row } from './browser.ts'
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
})
