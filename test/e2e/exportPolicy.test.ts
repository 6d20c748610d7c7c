import { mkdir, readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, row } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Архив открыт.\nКаталог обновлён.\nЗал закрыт.\n'
const APPROVED = 'Мұрағат ашық.'
const TRANSLATED = 'Каталог жаңартылды.'

describe('export policies in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let manager: Session
  let client: SyncClient
  let documentId: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Экспорт'))
    manager = await workspace.member('manager', 'gulnar')
    documentId = (await workspace.importDocument({ bytes: SOURCE })).id
    client = connectClient(server.url, documentId, workspace.admin)
    await client.synced()
    const [first, second] = readSegments(client.doc)
    const userId = workspace.admin.user.id
    setTargetText(client.doc, first!.id, APPROVED, userId)
    setStatus(client.doc, first!.id, 'approved', userId)
    setTargetText(client.doc, second!.id, TRANSLATED, userId)
    setStatus(client.doc, second!.id, 'translated', userId)
    await waitFor(async () => {
      const response = await fetch(`${server.url}/api/documents/${documentId}/export?format=txt`, {
        headers: asUser(workspace.admin),
      })
      expect(await response.text()).toContain(TRANSLATED)
    })
  })

  afterAll(async () => {
    client?.destroy()
    await stopBrowserTestbed({ browser, server })
  })

  const finding = (page: Page, kind: string) =>
    page.locator(`[data-testid="export-finding"][data-kind="${kind}"]`)

  async function openExport(page: Page) {
    await page.goto(`${server.url}/documents/${documentId}`)
    await page.locator(row(0)).waitFor()
    await page.click('[data-testid="export"]')
    await page.locator('[data-testid="export-report"]').waitFor()
  }

  test('the dialog reports untranslated and unapproved segments, and approved only leaves the rest in the source language', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await openExport(page)
    await expect
      .poll(() => finding(page, 'untranslated').getAttribute('data-count'), POLL)
      .toBe('1')
    expect(await finding(page, 'notApproved').getAttribute('data-count')).toBe('1')
    expect(await finding(page, 'untranslated').locator('[data-segment]').allTextContents()).toEqual(
      ['3'],
    )
    expect(await finding(page, 'notApproved').locator('[data-segment]').allTextContents()).toEqual([
      '2',
    ])

    await page.check('input[name="export-scope"][value="approved"]')
    await expect
      .poll(() => page.getAttribute('[data-testid="export-report"]', 'data-fallbacks'), POLL)
      .toBe('2')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page
      .locator('[data-testid="export-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/export-policy-report.png` })
    // No extra confirmation: the report is shown and the download goes straight away.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    expect(await readFile(await download.path(), 'utf8')).toBe(
      `${APPROVED}\nКаталог обновлён.\nЗал закрыт.\n`,
    )

    // A segment number in the report opens that segment.
    await page.click('[data-testid="export"]')
    await finding(page, 'notApproved').locator('[data-segment="2"]').click()
    await expect.poll(() => page.locator(row(1)).getAttribute('aria-selected'), POLL).toBe('true')
    await page.context().close()
  })

  test("a manager's approved-only rule on the project page fixes the dialog's scope", async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    const toggle = page.locator('[data-testid="export-rule-toggle"]')
    await toggle.waitFor()
    expect(await toggle.isChecked()).toBe(false)
    await toggle.check()
    await expect.poll(() => toggle.isChecked(), POLL).toBe(true)
    await waitFor(async () => {
      const response = await fetch(
        `${server.url}/api/projects/${workspace.projectId}/export-rule`,
        { headers: asUser(manager) },
      )
      expect(await response.json()).toEqual({ approvedOnly: true })
    })

    await openExport(page)
    await page.locator('[data-testid="export-rule-fixed"]').waitFor()
    const approved = page.locator('input[name="export-scope"][value="approved"]')
    expect(await approved.isChecked()).toBe(true)
    expect(await approved.isDisabled()).toBe(true)
    await page.check('input[name="export-fallback"][value="marked"]')
    await expect
      .poll(() => page.getAttribute('[data-testid="export-report"]', 'data-written'), POLL)
      .toBe('1')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    expect(await readFile(await download.path(), 'utf8')).toBe(
      `${APPROVED}\n[[Каталог обновлён.]]\n[[Зал закрыт.]]\n`,
    )
    await page.context().close()
  })
})
