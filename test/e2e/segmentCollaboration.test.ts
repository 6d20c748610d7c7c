import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { startLatencyRelay, type LatencyRelay } from '../support/latencyRelay.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, pageErrors, row, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed } from './testbed.ts'

/*
 * Three people on one Russian → Kazakh document, the translators behind a relay that delays
 * every byte 120 ms each way: who is in which segment, Ctrl+Enter passing a colleague's
 * segment by, and a reviewer approving a segment a translator is still typing in.
 */

const LATENCY_MS = 120
const SOURCE = [
  'Национальная библиотека открыта.',
  'Архивы страны оцифрованы.',
  'Каталог обновлён весной.',
  'Выставка рукописей откроется летом.',
  'Читальный зал работает ежедневно.',
  'Генеральный директор подписал приказ о сотрудничестве.',
  'Фонды пополнены.',
].join(' ')
// Long enough to be mid-word when the approval lands; spaces late in it, to catch a scrolled grid.
const PHRASE = 'Бас директор ынтымақтастық туралы бұйрыққа қол қойды және архив қорлары ашылды'

const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)
const status = (page: Page, index: number) => page.getAttribute(row(index), 'data-status')
/** The translation in a row, from its editor when open, without chips or notices around it. */
const cellText = (page: Page, index: number) =>
  page
    .locator(
      `${targetCell(index)} [contenteditable], ${targetCell(index)} .segment-row__target-text`,
    )
    .or(page.locator(`${targetCell(index)} .segment-row__placeholder`))
    .first()
    .evaluate((node: HTMLElement) =>
      node.classList.contains('segment-row__placeholder') || node.innerText === '\n'
        ? ''
        : node.innerText,
    )

async function enter(page: Page, index: number) {
  await page.click(targetCell(index))
  await expect
    .poll(() => editorOf(page, index).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
}

describe('working on one segment together', { timeout: 180_000 }, () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let relay: LatencyRelay
  let documentId: string
  let nurlan: Page
  let aigerim: Page
  let dana: Page

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Кітапхана'))
    relay = await startLatencyRelay(server.url, LATENCY_MS)
    documentId = (
      await workspace.importDocument({ bytes: SOURCE, title: 'Бұйрық', targetLang: 'kk' })
    ).id
    nurlan = await openAs(browser, await workspace.member('translator', 'Nurlan'), 'en', relay.url)
    aigerim = await openAs(
      browser,
      await workspace.member('translator', 'Aigerim'),
      'en',
      relay.url,
    )
    dana = await openAs(browser, await workspace.member('reviewer', 'Dana'), 'en', server.url)
    await openDocument(relay.url, documentId, nurlan, aigerim)
    await openDocument(server.url, documentId, dana)
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
    await server?.dispose()
  })

  test('the row shows who is in it, and whoever enters it too is told, without being stopped', async () => {
    await enter(nurlan, 0)
    await expect.poll(() => dana.getAttribute(row(0), 'data-occupied-by'), POLL).toBe('Nurlan')
    expect(await dana.locator(`${row(0)} [data-testid="presence"]`).innerText()).toContain('Nurlan')
    await enter(aigerim, 0)
    const notice = aigerim.locator(`${row(0)} [data-testid="editing-notice"]`)
    await expect.poll(() => notice.innerText(), POLL).toBe('Nurlan is editing this segment')
    // The name is isolated from the sentence around it.
    expect(await notice.locator('bdi').innerText()).toBe('Nurlan')
    // Quiet: Aigerim can type at once.
    expect(await editorOf(aigerim, 0).getAttribute('contenteditable')).toBe('true')
    await aigerim.keyboard.type('Ұлттық')
    await expect.poll(() => cellText(nurlan, 0), POLL).toContain('Ұлттық')
    // Nurlan, who was there first, now sees Aigerim.
    await expect
      .poll(() => nurlan.locator(`${row(0)} [data-testid="editing-notice"]`).innerText(), POLL)
      .toBe('Aigerim is editing this segment')
  })

  test('Ctrl+Enter passes over the segment a colleague is in, and says so', async () => {
    await enter(nurlan, 2)
    await expect.poll(() => aigerim.getAttribute(row(2), 'data-occupied-by'), POLL).toBe('Nurlan')
    await enter(aigerim, 1)
    await aigerim.keyboard.type('Мұрағаттар цифрланды.')
    await aigerim.keyboard.press('Control+Enter')
    await expect.poll(() => aigerim.getAttribute(row(3), 'aria-selected'), POLL).toBe('true')

    const notice = aigerim.locator('[data-testid="navigation-notice"]')
    expect(await notice.getAttribute('data-notice')).toBe('skipped')
    expect(await notice.innerText()).toBe('Skipped segment 3: Nurlan is editing it.')
    expect(await notice.locator('bdi').innerText()).toBe('Nurlan')
    expect(await status(aigerim, 1)).toBe('translated')
    expect(await aigerim.getAttribute(row(2), 'aria-selected')).toBe('false')
  })

  test('approving a segment someone is editing asks the reviewer first, by key and by button', async () => {
    await enter(nurlan, 4)
    await nurlan.keyboard.type('Оқу залы')
    await expect.poll(() => cellText(dana, 4), POLL).toContain('Оқу залы')
    await enter(dana, 4)
    // Asked only if Dana knows Nurlan is in it: his presence comes as awareness, apart from his
    // letters, and the server holds a typist's awareness back past 20 messages a second.
    await expect.poll(() => dana.getAttribute(row(4), 'data-occupied-by'), POLL).toBe('Nurlan')
    await dana.keyboard.press('Control+Enter')
    const dialog = dana.locator('[data-testid="approve-busy-dialog"]')
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.locator('[data-testid="approve-busy-question"]').innerText()).toBe(
      'Nurlan is editing this segment — approve anyway?',
    )
    expect(await dialog.locator('bdi').innerText()).toBe('Nurlan')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await dana.screenshot({ path: `${SCREENSHOT_DIR}/review-approve-while-editing.png` })
    await dana.click('[data-testid="approve-busy-cancel"]')
    await dialog.waitFor({ state: 'hidden' })
    await dana.click('[data-testid="action-approveAndNext"]')
    await dialog.waitFor({ state: 'visible' })
    await dana.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    // Still Nurlan's draft: his status write may reach Dana after his letters, never approved.
    await expect.poll(() => status(dana, 4), POLL).toBe('draft')
    expect(await dana.getAttribute(row(4), 'aria-selected')).toBe('true')
    await nurlan.keyboard.press('Control+A')
    await nurlan.keyboard.press('Delete')
    await expect.poll(() => cellText(dana, 4), POLL).toBe('')
  })

  test('approved while typing: the text typed before the lock is the approved text everywhere, the editor locks at once and refuses later keys visibly', async () => {
    const index = 5
    await enter(nurlan, index)
    await enter(dana, index)
    const grid = nurlan.locator('[data-testid="segment-grid"]')
    const scrollBefore = await grid.evaluate((node) => node.scrollTop)
    const typing = nurlan.keyboard.type(PHRASE, { delay: 45 })
    // Dana approves mid-sentence, seeing Nurlan's letters 120 ms late.
    await expect.poll(async () => (await cellText(dana, index)).length, POLL).toBeGreaterThan(12)
    await dana.keyboard.press('Control+Enter')
    await dana.locator('[data-testid="approve-busy-dialog"]').waitFor({ state: 'visible' })
    const seenByDanaAtApproval = await cellText(dana, index)
    await dana.click('[data-testid="approve-busy-confirm"]')
    await typing

    // Nurlan's editor locked with a notice naming Dana; the keys after it were refused there.
    const notice = nurlan.locator(`${row(index)} [data-testid="lock-notice"]`)
    await notice.waitFor()
    expect(await notice.getAttribute('data-approver')).toBe('Dana')
    expect(await notice.innerText()).toContain('Approved by Dana — this segment is read-only.')
    expect(await notice.innerText()).toContain('What you typed before the approval is kept.')
    expect(await notice.innerText()).toContain('Your key was not typed: the segment is locked.')
    expect(Number(await notice.getAttribute('data-refused'))).toBeGreaterThan(0)
    expect(await editorOf(nurlan, index).getAttribute('contenteditable')).toBe('false')
    expect(await editorOf(nurlan, index).evaluate((node) => node === document.activeElement)).toBe(
      true,
    )
    // A space after the lock scrolled nothing.
    expect(await grid.evaluate((node) => node.scrollTop)).toBe(scrollBefore)

    // Everything on Nurlan's screen when the lock came is the approved text, in every context
    // and on the server; it holds letters Dana had not seen yet when she approved.
    const typedBeforeLock = await editorOf(nurlan, index).innerText()
    expect(PHRASE.startsWith(typedBeforeLock)).toBe(true)
    expect(typedBeforeLock.length).toBeGreaterThan(seenByDanaAtApproval.length)
    expect(typedBeforeLock.length).toBeLessThan(PHRASE.length)
    const stored = await waitFor(() => {
      const segment = readSegments(readStoredDocument(server.databaseFile, documentId))[index]!
      expect(segment.status).toBe('approved')
      expect(segment.target).toBe(typedBeforeLock)
      return segment.target
    })
    for (const page of [dana, aigerim]) {
      await expect.poll(() => cellText(page, index), POLL).toBe(stored)
      expect(await status(page, index)).toBe('approved')
    }
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
    expect(server.logs.some((entry) => entry.event === 'sync.late_typing_kept')).toBe(true)
    expect(await nurlan.locator('[data-testid="refusal-notice"]').count()).toBe(0)

    // One more key: refused with the same notice, nothing typed, nothing scrolled.
    const refused = Number(await notice.getAttribute('data-refused'))
    await nurlan.keyboard.press('Space')
    await nurlan.keyboard.type('ж')
    await expect
      .poll(async () => Number(await notice.getAttribute('data-refused')), POLL)
      .toBe(refused + 2)
    expect(await editorOf(nurlan, index).innerText()).toBe(stored)
    expect(await grid.evaluate((node) => node.scrollTop)).toBe(scrollBefore)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await nurlan.screenshot({ path: `${SCREENSHOT_DIR}/translator-locked-while-typing.png` })

    // The history says what Dana approved, and what the approved text became with Nurlan's
    // typing that was already on its way.
    await dana.click(targetCell(index))
    const history = dana.locator('[data-testid="segment-history"]')
    const late = history.locator('[data-action="approve.lateTyping"]')
    await expect.poll(() => late.count(), POLL).toBe(1)
    expect(await late.innerText()).toContain('Nurlan')
    expect(await late.locator('[data-testid="audit-approved-text"]').innerText()).toBe(stored)
    const approvedByDana = await history
      .locator('[data-action="approve"] [data-testid="audit-approved-text"]')
      .innerText()
    expect(stored.startsWith(approvedByDana)).toBe(true)
    expect(approvedByDana.length).toBeLessThan(stored.length)
  })

  test('approve-all in view passes over the segments colleagues have open unless told otherwise', async () => {
    // Segment 2 (Aigerim's, translated) is free; Nurlan opens segment 7 after translating it.
    await enter(nurlan, 6)
    await nurlan.keyboard.type('Қорлар толықтырылды.')
    await nurlan.keyboard.press('Control+Enter')
    await expect.poll(() => status(dana, 6), POLL).toBe('translated')
    await enter(nurlan, 6)
    await expect.poll(() => dana.getAttribute(row(6), 'data-occupied-by'), POLL).toBe('Nurlan')
    await dana.click('[data-testid="approve-all"]')
    const busy = dana.locator('[data-testid="approve-all-busy"]')
    await busy.waitFor()
    expect(await busy.innerText()).toBe('Colleagues have 1 of them open: Nurlan.')
    await dana.click('[data-testid="approve-all-confirm"]')
    await expect.poll(() => status(dana, 1), POLL).toBe('approved')
    expect(await status(dana, 6)).toBe('translated')
  })

  test('no page hit an uncaught error', () => {
    expect(pageErrors).toEqual([])
  })
})
