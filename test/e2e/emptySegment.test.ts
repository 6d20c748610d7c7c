import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { waitFor } from '../support/waitFor.ts'
import { POLL, openAs, pageErrors, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const AIGERIM_TYPES = 'Бала үйге'
const OMAR_TYPES = 'қайтты.'

/**
 * Lets a test hold back everything a page sends over its WebSockets and release it later, in
 * order: two pages that type while held have each edited without seeing the other's edit, the
 * race of two translators starting at the same moment, made certain.
 */
async function holdOutgoing(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const queued: Array<[WebSocket, Parameters<WebSocket['send']>[0]]> = []
    const send = WebSocket.prototype.send
    let isHeld = false
    WebSocket.prototype.send = function (data) {
      if (isHeld) queued.push([this, data])
      else send.call(this, data)
    }
    Object.assign(window, {
      holdSends: () => {
        isHeld = true
      },
      releaseSends: () => {
        isHeld = false
        for (const [socket, data] of queued.splice(0)) send.call(socket, data)
      },
    })
  })
}

const hold = (page: Page) =>
  page.evaluate(() => (window as unknown as { holdSends: () => void }).holdSends())
const release = (page: Page) =>
  page.evaluate(() => (window as unknown as { releaseSends: () => void }).releaseSends())

describe('two translators starting in the same empty segment', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let documentId: string
  let aigerim: Page
  let omar: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    documentId = (
      await workspace.importDocument({
        bytes: 'Мальчик вернулся домой. Мать ждала его.',
        title: 'Абай',
        targetLang: 'kk',
      })
    ).id
    aigerim = await openAs(
      browser,
      await workspace.member('translator', 'Aigerim'),
      'en',
      server.url,
    )
    omar = await openAs(browser, await workspace.member('translator', 'Omar'), 'en', server.url)
    await holdOutgoing(aigerim)
    await holdOutgoing(omar)
    await openDocument(server.url, documentId, aigerim, omar)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('leave one line holding both texts, with no stray line break', async () => {
    for (const page of [aigerim, omar]) {
      await page.click(targetCell(0))
      const editor = page.locator(`${targetCell(0)} [contenteditable="true"]`)
      await expect
        .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
        .toBe(true)
    }
    await Promise.all([hold(aigerim), hold(omar)])
    await Promise.all([aigerim.keyboard.type(AIGERIM_TYPES), omar.keyboard.type(OMAR_TYPES)])
    await Promise.all([release(aigerim), release(omar)])

    const together = [AIGERIM_TYPES + OMAR_TYPES, OMAR_TYPES + AIGERIM_TYPES]
    const stored = await waitFor(() => {
      const target = readSegments(readStoredDocument(server.databaseFile, documentId))[0]!.target
      expect(target).toContain(AIGERIM_TYPES)
      expect(target).toContain(OMAR_TYPES)
      return target
    })
    expect(together).toContain(stored)
    for (const page of [aigerim, omar]) {
      await expect
        .poll(() => page.locator(`${targetCell(0)} [contenteditable]`).innerText(), POLL)
        .toBe(stored)
    }
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
