import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { startLatencyRelay, type LatencyRelay } from '../support/latencyRelay.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { waitFor } from '../support/waitFor.ts'
import { POLL, openAs, pageErrors, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed } from './testbed.ts'

// Every byte between the browsers and the server waits this long in each direction.
const LATENCY_MS = 120
const SOURCE = 'Генеральный директор. Национальная библиотека. Новое направление. Архивы страны.'

const PHRASES: Record<'kk' | 'ar', readonly string[]> = {
  kk: ['Ұлттық кітапхананың бас директоры', 'Мұрағат қорлары толықты', 'жаңа бағыт ашылды'],
  ar: ['المدير العام للمكتبة الوطنية', 'تجديد مجموعات الأرشيف', 'اتجاه جديد للتعاون'],
}

const editorOf = (page: Page, index: number) =>
  page.locator(`${targetCell(index)} [contenteditable]`)

/** Clicks into the segment and waits until its editor has the focus. */
async function enter(page: Page, index: number) {
  await page.click(targetCell(index))
  await expect
    .poll(() => editorOf(page, index).evaluate((node) => node === document.activeElement), POLL)
    .toBe(true)
}

/** Types `text` where the caret is, `startAfterMs` from now; with `atEnd`, at the end. */
async function typeAfter(page: Page, text: string, startAfterMs: number, atEnd = false) {
  await page.waitForTimeout(startAfterMs)
  if (atEnd) await page.keyboard.press('End')
  await page.keyboard.type(text, { delay: 25 })
}

// Typing real phrases through a 120 ms relay takes its time, more so on a loaded 2-core machine.
describe(
  'translators typing in one segment at the same time, over a slow network',
  { timeout: 180_000 },
  () => {
    let server: TestServer
    let workspace: Workspace
    let browser: Browser
    let relay: LatencyRelay
    let pages: Page[]
    const documents: Record<'kk' | 'ar', string> = { kk: '', ar: '' }

    beforeAll(async () => {
      ;({ server, workspace, browser } = await startBrowserTestbed())
      relay = await startLatencyRelay(server.url, LATENCY_MS)
      for (const lang of ['kk', 'ar'] as const)
        documents[lang] = (
          await workspace.importDocument({ bytes: SOURCE, title: lang, targetLang: lang })
        ).id
      pages = []
      for (const name of ['Aigerim', 'Nurlan', 'Omar'])
        pages.push(
          await openAs(browser, await workspace.member('translator', name), 'en', relay.url),
        )
    })

    afterAll(async () => {
      await browser?.close()
      await relay?.close()
      await server?.dispose()
    })

    /** What every context and the server hold once the segment settled. */
    async function settledText(lang: 'kk' | 'ar', index: number, typists: Page[], typed: string[]) {
      const stored = await waitFor(() => {
        const { target } = readSegments(readStoredDocument(server.databaseFile, documents[lang]))[
          index
        ]!
        expect(target.length).toBe(typed.reduce((sum, phrase) => sum + phrase.length, 0))
        return target
      })
      for (const page of typists)
        await expect.poll(() => editorOf(page, index).innerText(), POLL).toBe(stored)
      return stored
    }

    for (const lang of ['kk', 'ar'] as const) {
      test(`keep each person’s ${lang} phrase whole and contiguous when they type at once`, async () => {
        await openDocument(relay.url, documents[lang], ...pages)
        const random = seededRandom(lang === 'kk' ? 12 : 21)
        for (let index = 0; index < 2; index++) {
          // Three people, then two: everyone opens the segment, then each starts typing up to
          // 500 ms after the first, while the others' letters are still on their way.
          const typists = index === 0 ? pages : pages.slice(0, 2)
          const typed = PHRASES[lang].slice(0, typists.length)
          for (const page of typists) await enter(page, index)
          await Promise.all(
            typists.map((page, n) => typeAfter(page, typed[n]!, Math.floor(random() * 500))),
          )
          const text = await settledText(lang, index, typists, typed)
          for (const phrase of typed) expect(text, `segment ${index + 1}`).toContain(phrase)
        }
        expect(server.logs.filter((entry) => entry.event === 'sync.update_rejected')).toEqual([])
        expect(pageErrors).toEqual([])
      })
    }

    test('lose no letter when a second translator joins a segment 300 ms after the first', async () => {
      const [first, joiner] = pages as [Page, Page]
      const [theirs, mine] = PHRASES.kk as [string, string]
      const index = 2
      await openDocument(relay.url, documents.kk, first, joiner)
      await enter(first, index)
      await Promise.all([
        typeAfter(first, theirs, 0),
        (async () => {
          await joiner.waitForTimeout(300)
          await enter(joiner, index)
          await typeAfter(joiner, mine, 0, true)
        })(),
      ])
      const text = await settledText('kk', index, [first, joiner], [theirs, mine])
      // The joiner's words go in one piece where their caret was: at the end of what they saw,
      // which may be the middle of a word the first translator was still typing.
      expect(text).toContain(mine)
      expect(text.replace(mine, '')).toBe(theirs)
      expect(pageErrors).toEqual([])
    })
  },
)
