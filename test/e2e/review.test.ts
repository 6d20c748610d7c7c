import { mkdir } from 'node:fs/promises'
import type { Browser, Page, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, targetText, segmentAt } from '@qalam/shared/model'
import en from '../../client/i18n/locales/en.json'
import { readStoredDocument } from '../support/storedDocument.ts'
import { waitFor } from '../support/waitFor.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, pageErrors, row, targetCell } from './browser.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE =
  'Архивы открыты для читателей. Библиотеки оцифровывают рукописи. Каталог обновлён. Выставка откроется весной.'
const TRANSLATIONS = [
  'Мұрағаттар оқырмандар үшін ашық.',
  'Кітапханалар қолжазбаларды цифрлайды.',
  'Каталог жаңартылды.',
]
const REASON = 'Терминология: «қолжазба» емес, «манускрипт» деп жазыңыз.'

const status = (page: Page, index: number) => page.getAttribute(row(index), 'data-status')
const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)

async function focusEditor(page: Page, index: number): Promise<void> {
  await page.click(targetCell(index))
  await expect
    .poll(() => editorOf(page, index).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
}

describe('the review workflow in two browsers', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let documentId: string
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, workspace, browser, documentId, translator, reviewer } = await startDocumentTestbed(
      'Рукописи',
      { bytes: SOURCE, title: 'Каталог', targetLang: 'kk' },
      { translator: { username: 'aigerim' }, reviewer: { username: 'saule' } },
    ))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a translator marks segments translated with Ctrl+Enter', async () => {
    expect(await translator.locator('[data-testid="action-approveAndNext"]').count()).toBe(0)
    await focusEditor(translator, 0)
    for (const [index, text] of TRANSLATIONS.entries()) {
      await expect
        .poll(() => translator.getAttribute(row(index), 'aria-selected'), POLL)
        .toBe('true')
      await expect
        .poll(
          () => editorOf(translator, index).evaluate((node) => node === document.activeElement),
          POLL,
        )
        .toBe(true)
      await translator.keyboard.type(text)
      await translator.keyboard.press('Control+Enter')
    }
    for (const index of [0, 1, 2]) {
      await expect.poll(() => status(translator, index), POLL).toBe('translated')
      await expect.poll(() => status(reviewer, index), POLL).toBe('translated')
    }
    await expect
      .poll(() => reviewer.getAttribute('[data-testid="progress"]', 'data-translated'), POLL)
      .not.toBe('0')
    expect(await reviewer.getAttribute('[data-testid="progress"]', 'data-approved')).toBe('0')
    // Where the translator went (the fourth segment) reaches the reviewer as awareness, which
    // the server relays at most 20 times a second per connection, so after the statuses: until
    // it does, the reviewer's moves skip the segments the translator still seems to be in.
    await expect
      .poll(() => reviewer.locator(`${targetCell(3)} [data-testid="presence"]`).count(), POLL)
      .toBe(1)
    for (const index of [0, 1, 2]) {
      expect(await reviewer.locator(`${targetCell(index)} [data-testid="presence"]`).count()).toBe(
        0,
      )
    }
  })

  test('the reviewer approves one with Ctrl+Enter and rejects another with a reason', async () => {
    await focusEditor(reviewer, 0)
    await reviewer.keyboard.press('Control+Enter')
    await expect.poll(() => status(reviewer, 0), POLL).toBe('approved')
    // Ctrl+Enter moves the reviewer on to the next translated segment.
    await expect.poll(() => reviewer.getAttribute(row(1), 'aria-selected'), POLL).toBe('true')
    await reviewer.click('[data-testid="action-rejectSegment"]')
    await reviewer.fill('[data-testid="reject-dialog"] textarea', REASON)
    // Ctrl+Enter in the reason sends it; it must not also approve the segment behind the dialog.
    await reviewer.keyboard.press('Control+Enter')
    await expect.poll(() => status(reviewer, 1), POLL).toBe('rejected')
    await expect
      .poll(() => reviewer.getAttribute('[data-testid="progress"]', 'data-approved'), POLL)
      .not.toBe('0')
  })

  test('the translator sees the lock on the approved segment and the reason on the rejected one', async () => {
    await expect.poll(() => status(translator, 0), POLL).toBe('approved')
    await expect.poll(() => status(translator, 1), POLL).toBe('rejected')
    expect(await translator.locator(`${row(0)} [data-testid="lock"]`).count()).toBe(1)
    expect(await translator.locator(`${row(1)} [data-testid="lock"]`).count()).toBe(0)
    await expect
      .poll(() => translator.textContent(`${row(1)} [data-testid="review-note"]`), POLL)
      .toContain(REASON)
    await translator.click(targetCell(1))
    await expect
      .poll(() => translator.textContent('[data-testid="segment-details"]'), POLL)
      .toContain(REASON)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await translator.screenshot({ path: `${SCREENSHOT_DIR}/review-translator-lock-and-reason.png` })
  })

  test('typing into the approved segment changes nothing, on screen or on the server', async () => {
    await translator.click(targetCell(0))
    await expect.poll(() => editorOf(translator, 0).textContent(), POLL).toBe(TRANSLATIONS[0])
    expect(await editorOf(translator, 0).getAttribute('contenteditable')).toBe('false')
    await translator.keyboard.type('хххх')
    await translator.keyboard.press('Control+Insert')
    await translator.keyboard.press('Control+Enter')
    await translator.keyboard.press('Control+ArrowDown')
    await expect.poll(() => translator.getAttribute(row(1), 'aria-selected'), POLL).toBe('true')
    expect(await translator.textContent(`${targetCell(0)} .segment-row__target-text`)).toBe(
      TRANSLATIONS[0],
    )
    expect(await status(translator, 0)).toBe('approved')
    expect(await reviewer.textContent(`${targetCell(0)} .segment-row__target-text`)).toBe(
      TRANSLATIONS[0],
    )
    const stored = readStoredDocument(server.databaseFile, documentId)
    expect(targetText(segmentAt(stored, 0)!)).toBe(TRANSLATIONS[0])
    expect(readSegments(stored)[0]!.status).toBe('approved')
    // The interface never even tried: the server refused nothing so far.
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
    expect(await translator.locator('[data-testid="refusal-notice"]').count()).toBe(0)
  })

  test('the reviewer’s filter shows only translated segments, and approve-all approves them', async () => {
    await reviewer.selectOption('[data-testid="status-filter"]', 'translated')
    expect(new URL(reviewer.url()).searchParams.get('status')).toBe('translated')
    await expect
      .poll(
        () =>
          reviewer
            .locator('[data-segment-index]')
            .evaluateAll((rows) => rows.map((node) => node.getAttribute('data-segment-index'))),
        POLL,
      )
      .toEqual(['2'])
    await reviewer.click('[data-testid="approve-all"]')
    await reviewer.click('[data-testid="approve-all-confirm"]')
    await expect.poll(() => reviewer.locator('[data-testid="grid-empty"]').count(), POLL).toBe(1)
    await expect.poll(() => status(translator, 2), POLL).toBe('approved')
    await reviewer.selectOption('[data-testid="status-filter"]', 'all')
    await reviewer.locator(row(3)).waitFor()
  })

  test('the segment history names who did what, and the rejection’s reason', async () => {
    await reviewer.click(targetCell(1))
    const history = reviewer.locator('[data-testid="segment-history"]')
    await expect
      .poll(() => history.locator('[data-action="reject"]').textContent(), POLL)
      .toContain(REASON)
    const entries = await history.locator('[data-testid="audit-entry"]').allTextContents()
    expect(entries[0]).toContain('saule')
    expect(entries[0]).toContain(en.audit.reject)
    expect(entries.some((entry) => entry.includes('aigerim'))).toBe(true)
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await reviewer.screenshot({ path: `${SCREENSHOT_DIR}/review-reviewer-history.png` })
  })

  test('an edit held back on its way to the server while the reviewer approves is kept in the approved text', async () => {
    // Omar's edits are held back on their way to the server while the reviewer approves the
    // same segment; they were typed before the approval reached him, so they belong to it.
    let isHolding = false
    const held: Array<string | Buffer> = []
    let upstream: WebSocketRoute | null = null
    const omar = await openAs(
      browser,
      await workspace.member('translator', 'omar'),
      'en',
      server.url,
    )
    await omar.routeWebSocket(/\/sync\//, (socket) => {
      const toServer = socket.connectToServer()
      upstream = toServer
      socket.onMessage((message) => {
        if (isHolding) held.push(message)
        else toServer.send(message)
      })
    })
    await omar.goto(`${server.url}/documents/${documentId}`)
    await focusEditor(omar, 3)
    await omar.keyboard.type('Көрме көктемде ашылады.')
    await expect
      .poll(() => reviewer.textContent(`${targetCell(3)} .segment-row__target-text`), POLL)
      .toBe('Көрме көктемде ашылады.')
    await expect.poll(() => status(reviewer, 3), POLL).toBe('draft')
    isHolding = true
    await omar.keyboard.type(' Қосымша')
    await expect.poll(() => held.length, POLL).toBeGreaterThan(0)
    await focusEditor(reviewer, 3)
    await reviewer.keyboard.press('Control+Enter')
    // Omar has the segment open: the reviewer is asked first.
    await reviewer.click('[data-testid="approve-busy-confirm"]')
    await expect.poll(() => status(omar, 3), POLL).toBe('approved')
    await expect
      .poll(() => omar.getAttribute(`${row(3)} [data-testid="lock-notice"]`, 'data-approver'), POLL)
      .toBe('saule')

    isHolding = false
    for (const message of held.splice(0)) upstream!.send(message)
    const approved = 'Көрме көктемде ашылады. Қосымша'
    await waitFor(() => {
      const stored = readStoredDocument(server.databaseFile, documentId)
      expect(targetText(segmentAt(stored, 3)!)).toBe(approved)
      expect(readSegments(stored)[3]!.status).toBe('approved')
    })
    // The reviewer is still on the segment (nothing else to review): the text is in the editor.
    await expect.poll(() => editorOf(reviewer, 3).textContent(), POLL).toBe(approved)
    await expect.poll(() => editorOf(omar, 3).textContent(), POLL).toBe(approved)
    expect(await status(reviewer, 3)).toBe('approved')
    expect(await omar.locator('[data-testid="refusal-notice"]').count()).toBe(0)
    expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
    // The reviewer, still on the segment, is not told of her own approval.
    expect(await reviewer.locator(`${row(3)} [data-testid="lock-notice"]`).count()).toBe(0)
    // Omar's session is live: the reviewer's reopening reaches him and unlocks his editor.
    await reviewer.keyboard.press('Control+Shift+L')
    await expect.poll(() => status(omar, 3), POLL).toBe('draft')
    await expect
      .poll(() => omar.locator(`${row(3)} [data-testid="lock-notice"]`).count(), POLL)
      .toBe(0)
    await expect.poll(() => editorOf(omar, 3).getAttribute('contenteditable'), POLL).toBe('true')
    await omar.context().close()
  })

  test('a viewer reads the document but has no workflow actions and cannot type', async () => {
    const viewer = await openAs(
      browser,
      await workspace.member('viewer', 'marat'),
      'en',
      server.url,
    )
    await viewer.goto(`${server.url}/documents/${documentId}`)
    await viewer.locator(row(2)).waitFor()
    expect(await viewer.textContent('[data-testid="read-only-role"]')).toContain(en.roles.viewer)
    expect(await viewer.locator('[data-testid^="action-"]').count()).toBe(0)
    expect(await viewer.locator('[data-testid="approve-all"]').count()).toBe(0)
    expect(await viewer.locator('[data-testid="export"]').count()).toBe(0)
    await viewer.click(targetCell(1))
    await expect.poll(() => editorOf(viewer, 1).getAttribute('contenteditable'), POLL).toBe('false')
    const before = await editorOf(viewer, 1).textContent()
    await viewer.keyboard.type('жоқ')
    await viewer.keyboard.press('Control+Enter')
    expect(await editorOf(viewer, 1).textContent()).toBe(before)
    expect(await status(viewer, 1)).toBe(await status(reviewer, 1))
    await viewer.context().close()
  })

  test('no page hit an uncaught error', () => {
    expect(pageErrors).toEqual([])
  })
})
