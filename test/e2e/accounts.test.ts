import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import ar from '../../client/i18n/locales/ar.json'
import en from '../../client/i18n/locales/en.json'
import ru from '../../client/i18n/locales/ru.json'
import {
  TEST_PASSWORD,
  addMember,
  asUser,
  createProject,
  login,
  type Session,
} from '../support/accounts.ts'
import { DEFAULT_LOGIN_THROTTLE } from '../../server/auth/index.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, pageErrors, trackSockets, dropSockets } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

async function logInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.fill('#login-username', username)
  await page.fill('#login-password', password)
  await page.click('[data-testid="login-form"] button[type="submit"]')
}

/** The page from the top in a window tall enough for it: the app bar stays where it belongs. */
async function screenshotWholePage(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 1060 })
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    window.scrollTo(0, 0)
  })
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}` })
}

/** Slow enough that a throttled wait cannot run out while the test runs. */
const SLOW_THROTTLE = {
  ...DEFAULT_LOGIN_THROTTLE,
  perAccountAndAddress: { freeFailures: 3, firstDelayMs: 10 * 60_000, maxDelayMs: 60 * 60_000 },
}

const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((node) => node.getBoundingClientRect().x)

describe('logging in, projects and members', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let manager: Session
  let projectUrl: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Рукописи Абая', {
      loginThrottle: SLOW_THROTTLE,
    }))
    manager = await workspace.member('manager', 'gulnara')
    projectUrl = `${server.url}/projects/${workspace.projectId}`
    await workspace.importDocument({ bytes: 'Архивы открыты. Каталог обновлён.', title: 'Каталог' })
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a page opened without a session asks to log in, says a wrong password in the interface language, then opens that page', async () => {
    const page = await openAs(browser, null, 'ru')
    await page.goto(projectUrl)
    await page.waitForURL(/\/login\?next=/)
    await logInThroughForm(page, 'gulnara', 'wrong password')
    await expect
      .poll(() => page.textContent('[data-testid="login-error"]'), POLL)
      .toBe(ru.errors.auth.invalid_credentials)
    expect(await page.inputValue('#login-password')).toBe('')
    await logInThroughForm(page, 'gulnara', TEST_PASSWORD)
    await page.waitForURL(projectUrl)
    await expect
      .poll(() => page.textContent('[data-testid="project-name"]'), POLL)
      .toBe('Рукописи Абая')
    expect(await page.textContent('[data-testid="current-user"]')).toContain('gulnara')
    await page.context().close()
  })

  test('too many failed logins tell how long to wait, and a browser that logged in before still gets in', async () => {
    await workspace.member('viewer', 'kanat')
    const known = await openAs(browser, null)
    await known.goto(`${server.url}/login`)
    await logInThroughForm(known, 'kanat', TEST_PASSWORD)
    await known.locator('[data-testid="project-table"]').waitFor()
    await known.click('[data-testid="logout"]')
    await known.waitForURL(/\/login$/)
    for (let attempt = 0; attempt < 5; attempt++) {
      await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kanat', password: `guess ${attempt}` }),
      })
    }
    const page = await openAs(browser, null)
    await page.goto(`${server.url}/login`)
    await logInThroughForm(page, 'kanat', TEST_PASSWORD)
    const error = page.locator('[data-testid="login-error"]')
    await expect.poll(() => error.textContent(), POLL).toContain(en.errors.auth.rate_limited)
    expect(await error.textContent()).toMatch(/Try again in \d+ (minutes|seconds)\./)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOT_DIR}/login-rate-limited.png` })
    await page.context().close()
    // The browser kanat logged in with before carries its known-device cookie.
    await logInThroughForm(known, 'kanat', TEST_PASSWORD)
    await known.locator('[data-testid="project-table"]').waitFor()
    await known.context().close()
  })

  test('logging out ends the session on the server and returns to the login page', async () => {
    const page = await openAs(browser, null)
    await page.goto(server.url)
    await page.waitForURL(/\/login$/)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOT_DIR}/login.png` })
    await logInThroughForm(page, 'gulnara', TEST_PASSWORD)
    await page.locator('[data-testid="project-table"]').waitFor()
    const [cookie] = await page.context().cookies()
    await page.click('[data-testid="logout"]')
    await page.waitForURL(/\/login$/)
    const answer = await fetch(`${server.url}/api/session`, {
      headers: { cookie: `${cookie!.name}=${cookie!.value}` },
    })
    expect(answer.status).toBe(401)
    await page.goto(projectUrl)
    await page.waitForURL(/\/login\?next=/)
    await page.context().close()
  })

  test('a session ended elsewhere sends the next request to the login page and back', async () => {
    const session = await login(server.url, 'gulnara')
    const page = await openAs(browser, session, 'en', server.url)
    await page.goto(projectUrl)
    const link = page.locator('[data-testid="document-table"] tbody th a').first()
    await link.waitFor()
    const documentPath = new URL((await link.getAttribute('href'))!, server.url).pathname
    const ended = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: asUser(session),
    })
    expect(ended.status).toBe(204)
    await link.click()
    await page.waitForURL(/\/login\?next=/)
    expect(new URL(page.url()).searchParams.get('next')).toBe(documentPath)
    await logInThroughForm(page, 'gulnara', TEST_PASSWORD)
    await page.waitForURL(`${server.url}${documentPath}`)
    await page.locator('[data-segment-index="0"]').waitFor()
    await page.context().close()
  })

  test('a sync socket refused for an ended session leads to the login page too', async () => {
    const session = await login(server.url, 'gulnara')
    const page = await openAs(browser, session, 'en', server.url)
    await trackSockets(page)
    await page.goto(projectUrl)
    await page.locator('[data-testid="document-table"] tbody th a').first().click()
    await page.locator('[data-segment-index="0"]').waitFor()
    const documentPath = new URL(page.url()).pathname
    await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: asUser(session) })
    await dropSockets(page)
    // The reconnect is refused with 4401 and nothing but the socket noticed the ended session.
    await page.waitForURL(/\/login\?next=/)
    expect(new URL(page.url()).searchParams.get('next')).toBe(documentPath)
    await page.context().close()
  })

  test('a manager adds a member in the Members panel, and the new member then sees the project', async () => {
    const newcomer = await createAccount('dana')
    const before = await openAs(browser, newcomer, 'en', server.url)
    await before.goto(server.url)
    await before.locator('[data-testid="projects-empty"]').waitFor()
    await before.context().close()

    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(projectUrl)
    await page.fill('#member-username', 'dana')
    await page.selectOption('#member-role', 'reviewer')
    await page.click('[data-testid="add-member-form"] button[type="submit"]')
    const dana = page.locator('[data-testid="member"][data-username="dana"]')
    await dana.waitFor()
    expect(await dana.locator('select').inputValue()).toBe('reviewer')
    await expect
      .poll(() => page.textContent('[data-testid="project-activity"]'), POLL)
      .toContain('added dana as Reviewer')
    await page.fill('#member-username', 'nobody-here')
    await page.click('[data-testid="add-member-form"] button[type="submit"]')
    await expect
      .poll(() => page.textContent('[data-testid="add-member-error"]'), POLL)
      .toBe(en.errors.user.not_found)
    await page.fill('#member-username', '')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await screenshotWholePage(page, 'project-members.png')

    const after = await openAs(browser, newcomer, 'en', server.url)
    await after.goto(server.url)
    const row = after.locator(`[data-project-id="${workspace.projectId}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('Рукописи Абая')
    expect(await row.locator('[data-testid="role"]').textContent()).toBe(en.roles.reviewer)
    await row.locator('a').click()
    await after.locator('[data-testid="members-panel"]').waitFor()
    // The documents load after the panel; the forms are judged once the page holds them.
    await expect
      .poll(() => after.locator('[data-testid="document-table"] tbody tr').count(), POLL)
      .toBe(1)
    // A reviewer reads the members and the documents, but neither imports nor manages members.
    expect(await after.locator('[data-testid="add-member-form"]').count()).toBe(0)
    expect(await after.locator('[data-testid="import-form"]').count()).toBe(0)
    await after.context().close()
    await page.context().close()
  })

  test('a member whose role changes or who is removed sees it in the open document at once', async () => {
    const timur = await workspace.member('translator', 'timur')
    const page = await openAs(browser, timur, 'en', server.url)
    await page.goto(projectUrl)
    await page.locator('[data-testid="document-table"] tbody th a').first().click()
    await page.locator('[data-segment-index="0"]').waitFor()
    const role = page.locator('.document-header [data-testid="role"]')
    expect(await role.textContent()).toBe(en.roles.translator)
    expect(await page.locator('[data-testid="action-confirmAndNext"]').count()).toBe(1)

    const managerPage = await openAs(browser, manager, 'en', server.url)
    await managerPage.goto(projectUrl)
    const member = managerPage.locator('[data-testid="member"][data-username="timur"]')
    await member.locator('select').selectOption('viewer')
    await expect.poll(() => role.textContent(), POLL).toBe(en.roles.viewer)
    expect(await page.locator('[data-testid="action-confirmAndNext"]').count()).toBe(0)

    await member.locator('button').click()
    await expect
      .poll(() => page.locator('[data-testid="page-message"]').textContent(), POLL)
      .toContain(en.document.notFound)
    await managerPage.context().close()
    await page.context().close()
  })

  // 23 accounts (scrypt) and as many membership changes: slow on a loaded 2-core machine.
  test(
    'the project activity shows the newest entries first, a page at a time',
    { timeout: 180_000 },
    async () => {
      const archive = await createProject(server.url, workspace.admin, 'Журналы')
      for (let n = 1; n <= 23; n++) {
        const reader = await createAccount(`reader-${n}`)
        await addMember(server.url, workspace.admin, archive, reader.user.username, 'viewer')
      }
      const page = await openAs(browser, workspace.admin, 'en', server.url)
      await page.goto(`${server.url}/projects/${archive}`)
      const entries = page.locator('[data-testid="project-activity"] [data-testid="audit-entry"]')
      await expect.poll(() => entries.count(), POLL).toBe(20)
      expect(await entries.first().textContent()).toContain('added reader-23 as Viewer')
      await page.click('[data-testid="activity-older"]')
      await expect.poll(() => entries.count(), POLL).toBe(23)
      expect(await entries.last().textContent()).toContain('added reader-1 as Viewer')
      expect(await page.locator('[data-testid="activity-older"]').count()).toBe(0)
      await page.context().close()
    },
  )

  test('the project page in Arabic is mirrored', async () => {
    const page = await openAs(browser, manager, 'ar', server.url)
    await page.goto(projectUrl)
    await page.locator('[data-testid="members-panel"]').waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await page.textContent('#members-title')).toBe(ar.members.title)
    // The side column (import, members) sits on the left of the documents in a right-to-left page.
    expect(await box(page, '[data-testid="members-panel"]')).toBeLessThan(
      await box(page, '#documents-title'),
    )
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await screenshotWholePage(page, 'project-members-ar.png')
    await page.context().close()
  })

  test('an administrator creates a user on the admin screen, who can then log in', async () => {
    const page = await openAs(browser, workspace.admin, 'en', server.url)
    await page.goto(server.url)
    await page.click('[data-testid="admin-link"]')
    await page.fill('#new-username', 'yerlan')
    await page.fill('#new-password', 'a good long passphrase')
    await page.click('[data-testid="create-user-form"] button[type="submit"]')
    await page.locator('[data-testid="user-table"] [data-username="yerlan"]').waitFor()
    await page.fill('#new-username', 'yerlan')
    await page.fill('#new-password', 'a good long passphrase')
    await page.click('[data-testid="create-user-form"] button[type="submit"]')
    await expect
      .poll(() => page.textContent('[data-testid="create-user-error"]'), POLL)
      .toBe(en.errors.auth.username_taken)
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'yerlan', password: 'a good long passphrase' }),
    })
    expect(login.status).toBe(200)
    await page.context().close()
    expect(pageErrors).toEqual([])
  })

  async function createAccount(username: string): Promise<Session> {
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: asUser(workspace.admin, { 'content-type': 'application/json' }),
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    })
    expect(created.status).toBe(201)
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    })
    const body = (await login.json()) as { user: Session['user'] }
    return {
      user: body.user,
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      password: TEST_PASSWORD,
    }
  }
})
