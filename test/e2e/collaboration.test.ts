import { mkdir, readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { asUser } from '../support/accounts.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { waitFor } from '../support/waitFor.ts'
import {
  SCREENSHOT_DIR,
  POLL,
  openAs,
  pageErrors,
  row,
  targetCell,
  trackSockets,
  dropSockets,
} from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SAMPLE = new URL('../fixtures/samples/archives.ru.txt', import.meta.url)
const FIRST_TRANSLATION = 'ذاكرة على الرفوف: الأرشيفات والمكتبات تتعلم العمل معًا'
const SECOND_TRANSLATION = 'عاش الأرشيف والمكتبة طويلًا كلٌّ بمعزل عن الآخر.'

async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? ''
}

describe('two translators in one document', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let documentId: string
  let aigerim: Page
  let omar: Page
  const aigerimSockets: string[] = []

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
    const bytes = await readFile(SAMPLE)
    documentId = (
      await workspace.importDocument({
        bytes,
        fileName: 'archives-cooperation.ru.txt',
        sourceLang: 'ru',
        targetLang: 'ar',
      })
    ).id
    aigerim = await openAs(
      browser,
      await workspace.member('translator', 'Aigerim'),
      'en',
      server.url,
    )
    omar = await openAs(browser, await workspace.member('translator', 'Omar'), 'en', server.url)
    aigerim.on('websocket', (socket) => aigerimSockets.push(socket.url()))
    await trackSockets(aigerim)
    await openDocument(server.url, documentId, aigerim, omar)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('Arabic typed by one translator appears right-to-left in the other one’s grid', async () => {
    await aigerim.click(targetCell(0))
    const editor = aigerim.locator(`${targetCell(0)} [contenteditable="true"]`)
    await expect
      .poll(() => editor.evaluate((node) => node === document.activeElement), POLL)
      .toBe(true)
    await aigerim.keyboard.type(FIRST_TRANSLATION)

    await expect
      .poll(() => textOf(omar, `${targetCell(0)} .segment-row__target-text`))
      .toBe(FIRST_TRANSLATION)
    expect(await omar.getAttribute(targetCell(0), 'dir')).toBe('rtl')
    expect(await omar.getAttribute(targetCell(0), 'lang')).toBe('ar')
    expect(await omar.getAttribute(`${row(0)} [data-testid="source"]`, 'dir')).toBe('ltr')
    await expect.poll(() => omar.getAttribute(row(0), 'data-status'), POLL).toBe('draft')
    const fontFamily = await omar
      .locator(`${targetCell(0)} .segment-row__target-text`)
      .evaluate((node) => getComputedStyle(node).fontFamily)
    expect(fontFamily).toContain('Noto Naskh Arabic')
  })

  test('the other translator sees who is in the segment', async () => {
    await expect
      .poll(() => textOf(omar, `${targetCell(0)} [data-testid="presence"]`))
      .toContain('Aigerim')
    expect(await omar.locator(`${targetCell(1)} [data-testid="presence"]`).count()).toBe(0)
  })

  test('Ctrl+Enter marks the segment translated for everyone and opens the next one', async () => {
    await aigerim.keyboard.press('Control+Enter')
    await expect.poll(() => aigerim.getAttribute(row(0), 'data-status'), POLL).toBe('translated')
    await expect.poll(() => omar.getAttribute(row(0), 'data-status'), POLL).toBe('translated')
    await expect.poll(() => aigerim.getAttribute(row(1), 'aria-selected'), POLL).toBe('true')
    const nextEditor = aigerim.locator(`${targetCell(1)} [contenteditable="true"]`)
    await expect
      .poll(() => nextEditor.evaluate((node) => node === document.activeElement))
      .toBe(true)
    await aigerim.keyboard.type(SECOND_TRANSLATION)
    await expect
      .poll(() => textOf(omar, `${targetCell(1)} .segment-row__target-text`))
      .toBe(SECOND_TRANSLATION)
    await expect
      .poll(() => textOf(omar, `${targetCell(1)} [data-testid="presence"]`))
      .toContain('Aigerim')
  })

  test('the header counts the same source words in Chromium as the server does', async () => {
    // A translated segment makes the header show the browser's own count, not the figure the
    // page was first served with.
    await expect
      .poll(() => omar.getAttribute('[data-testid="progress"]', 'data-translated'), POLL)
      .not.toBe('0')
    const response = await fetch(`${server.url}/api/documents/${documentId}`, {
      headers: asUser(workspace.admin),
    })
    const summary = (await response.json()) as { progress: { words: number } }
    expect(await omar.getAttribute('[data-testid="progress"]', 'data-total')).toBe(
      String(summary.progress.words),
    )
    expect(summary.progress.words).toBe(237)
  })

  test('moving between segments keeps one socket for the document', async () => {
    await aigerim.keyboard.press('Control+ArrowDown')
    await expect.poll(() => aigerim.getAttribute(row(2), 'aria-selected'), POLL).toBe('true')
    await aigerim.keyboard.press('Control+ArrowDown')
    await expect.poll(() => aigerim.getAttribute(row(3), 'aria-selected'), POLL).toBe('true')
    await aigerim.keyboard.press('Control+ArrowUp')
    await expect.poll(() => aigerim.getAttribute(row(2), 'aria-selected'), POLL).toBe('true')
    await aigerim.click(targetCell(4))
    await expect.poll(() => aigerim.getAttribute(row(4), 'aria-selected'), POLL).toBe('true')
    expect(aigerimSockets).toEqual([`${server.url.replace(/^http/, 'ws')}/sync/${documentId}`])
    expect(await aigerim.locator('[contenteditable]').count()).toBe(1)
  })

  test('both translators in one segment see each other’s name and caret', async () => {
    await omar.click(targetCell(2))
    await omar.keyboard.type('يتناول المقال التعاون بين الأرشيفات')
    await expect
      .poll(() => textOf(aigerim, `${targetCell(2)} [data-testid="presence"]`))
      .toContain('Omar')
    await aigerim.click(targetCell(2))
    await expect
      .poll(() => textOf(omar, `${targetCell(2)} [data-testid="presence"]`))
      .toContain('Aigerim')
    await omar.keyboard.type('.')
    // Lexical draws the remote caret with the collaborator's name inside the active editor.
    await expect
      .poll(() => textOf(aigerim, `${targetCell(2)} .segment-editor__cursors`))
      .toContain('Omar')
    // The notice speaks the interface's language and direction, not the Arabic cell's, so that
    // "Omar is editing this segment" does not read "is editing this segment Omar".
    const notice = aigerim.locator(`${targetCell(2)} [data-testid="editing-notice"]`)
    await expect.poll(() => notice.getAttribute('dir'), POLL).toBe('ltr')
    expect(await notice.innerText()).toMatch(/^Omar/)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await aigerim.screenshot({ path: `${SCREENSHOT_DIR}/document-two-users-ar.png` })
  })

  test('export is for managers: it warns about untranslated segments, then downloads the typed translation', async () => {
    expect(await aigerim.locator('[data-testid="export"]').count()).toBe(0)
    const manager = await openAs(browser, workspace.admin, 'en', server.url)
    await manager.goto(`${server.url}/documents/${documentId}`)
    await manager.click('[data-testid="export"]')
    const untranslated = Number(
      await manager.getAttribute('[data-testid="export-untranslated"]', 'data-count'),
    )
    const response = await waitFor(async () => {
      const answer = await fetch(`${server.url}/api/documents/${documentId}/export?format=txt`, {
        headers: asUser(workspace.admin),
      })
      expect(answer.status).toBe(200)
      const text = await answer.text()
      expect(text).toContain(SECOND_TRANSLATION)
      return { text, untranslated: Number(answer.headers.get('x-untranslated-segments')) }
    })
    expect(untranslated).toBe(response.untranslated)
    expect(untranslated).toBeGreaterThan(0)
    expect(await textOf(manager, '[data-testid="export-untranslated"]')).toContain(
      String(untranslated),
    )

    const [download] = await Promise.all([
      manager.waitForEvent('download'),
      manager.click('[data-testid="export-dialog"] a[download]'),
    ])
    const path = await download.path()
    const text = await readFile(path, 'utf8')
    expect(text).toContain(FIRST_TRANSLATION)
    expect(text).toContain(SECOND_TRANSLATION)
    expect(text).toContain('\nЛюди и знания\n')
    await manager.context().close()
  })

  test('the header tells when the connection drops and comes back', async () => {
    expect(await aigerim.getAttribute('[data-testid="connection"]', 'data-state')).toBe('connected')
    await aigerim.evaluate(() => {
      const indicator = document.querySelector('[data-testid="connection"]')!
      const seen: string[] = []
      Object.assign(window, { connectionStates: seen })
      new MutationObserver(() => seen.push(indicator.getAttribute('data-state') ?? '')).observe(
        indicator,
        {
          attributes: true,
          attributeFilter: ['data-state'],
        },
      )
    })
    await dropSockets(aigerim)
    const states = () =>
      aigerim.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates)
    await expect.poll(states, POLL).toEqual(['reconnecting', 'connected'])
    await aigerim.click(`${targetCell(2)} [contenteditable]`)
    await aigerim.keyboard.press('End')
    await aigerim.keyboard.type(' بعد إعادة الاتصال')
    await expect.poll(() => textOf(omar, targetCell(2)), POLL).toContain('بعد إعادة الاتصال')
    expect(pageErrors).toEqual([])
  })
})
