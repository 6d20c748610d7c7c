import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  readSegments,
  rejectSegment,
  setStatus,
  setTargetText,
  targetText,
  segmentAt,
} from '@qalam/shared/model'
import ar from '../../client/i18n/locales/ar.json'
import en from '../../client/i18n/locales/en.json'
import kk from '../../client/i18n/locales/kk.json'
import ru from '../../client/i18n/locales/ru.json'
import type { Session } from '../support/accounts.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import { connectClient } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs, pageErrors, row, targetCell } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const WIDTHS = [1024, 1280, 1400, 1920] as const
const LANGUAGES = { en, ru, kk, ar } as const
// Latin, as in the issue: a file name as title beside Arabic interface text.
const TITLE = 'archives-cooperation.ru'

/**
 * The boxes of `selectors` that overlap one another (neither inside the other), stick out of
 * the window sideways, or overflow their own box without an ellipsis: what a user sees as text
 * running under other text. Rectangles, not pixels.
 */
function layoutProblems(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}` +
      `“${(element.textContent ?? '').trim().slice(0, 24)}”`
    const elements = selectors.flatMap((selector) =>
      Array.from(document.querySelectorAll(selector)).filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
      }),
    )
    const problems: string[] = []
    const boxes = elements.map((element) => element.getBoundingClientRect())
    for (let i = 0; i < elements.length; i++) {
      const a = elements[i]!
      const boxA = boxes[i]!
      if (boxA.left < -1 || boxA.right > window.innerWidth + 1)
        problems.push(`${name(a)} leaves the window`)
      const style = getComputedStyle(a)
      // A panel that has to scroll sideways counts too: its table did not fit.
      if (a.scrollWidth > a.clientWidth + 1 && style.textOverflow !== 'ellipsis')
        problems.push(`${name(a)} overflows its box`)
      for (let j = i + 1; j < elements.length; j++) {
        const b = elements[j]!
        if (a === b || a.contains(b) || b.contains(a)) continue
        const boxB = boxes[j]!
        const width = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left)
        const height = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top)
        if (width > 1 && height > 1) problems.push(`${name(a)} overlaps ${name(b)}`)
      }
    }
    return problems
  }, selectors)
}

/** Names of one word that the page breaks over two lines or more. */
function brokenNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.member-list__name'))
      .filter((name) => !/\s/.test(name.textContent ?? ''))
      .filter((name) => {
        const range = document.createRange()
        range.selectNodeContents(name)
        const tops = new Set(Array.from(range.getClientRects(), (box) => Math.round(box.top)))
        return tops.size > 1
      })
      .map((name) => name.textContent ?? ''),
  )
}

const PROJECT_PAGE_BOXES = [
  '.project-page__header > *',
  '.page-columns__main > *',
  '.page-columns__side > *',
  '[data-testid="document-table"]',
  '.document-table th',
  '.document-table td',
  '.file-field > *',
  '.audit-entry__line > *',
]
const DOCUMENT_PAGE_BOXES = [
  '.document-header__identity > *',
  '.document-header > .progress',
  '.document-header__tools > *',
  '.workflow-bar > *',
  '.workflow-bar__actions > *',
  '.segment-grid__head [role="columnheader"]',
]

describe('layouts, file button, dates, activity and connection state', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let manager: Session
  let documentId: string
  let projectPage: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Мұрағаттар мен кітапханалар'))
    manager = await workspace.member('manager', 'daniyar')
    // A Cyrillic name the members panel once broke as "Айгер / им" beside a Russian role.
    await workspace.member('translator', 'Айгерим')
    documentId = (
      await workspace.importDocument({
        bytes: 'Архивы открыты. Каталог обновлён. Выставка откроется весной.',
        fileName: `${TITLE}.txt`,
        title: TITLE,
        sourceLang: 'ru',
        targetLang: 'ar',
      })
    ).id
    projectPage = `${server.url}/projects/${workspace.projectId}`
    // A translated and an approved segment, for the activity feed.
    const translator = await workspace.member('translator', 'aigerim')
    const reviewer = await workspace.member('reviewer', 'saule')
    const writing = connectClient(server.url, documentId, translator)
    await writing.synced()
    const [, second] = readSegments(writing.doc).map((segment) => segment.id)
    setTargetText(writing.doc, second!, 'تم تحديث الفهرس.', translator.user.id)
    setStatus(writing.doc, second!, 'translated', translator.user.id)
    const reviewing = connectClient(server.url, documentId, reviewer)
    await reviewing.synced()
    await waitFor(() => expect(readSegments(reviewing.doc)[1]?.status).toBe('translated'))
    setStatus(reviewing.doc, second!, 'approved', reviewer.user.id)
    const third = readSegments(reviewing.doc)[2]!.id
    rejectSegment(reviewing.doc, third, 'Неточный термин.', reviewer.user.id)
    await waitFor(() =>
      expect(readSegments(readStoredDocument(server.databaseFile, documentId))[1]?.status).toBe(
        'approved',
      ),
    )
    await waitFor(() =>
      expect(readSegments(readStoredDocument(server.databaseFile, documentId))[2]?.status).toBe(
        'rejected',
      ),
    )
    writing.destroy()
    reviewing.destroy()
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('the project and document pages hold at four widths in four languages', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    const problems: string[] = []
    for (const [path, ready, boxes] of [
      [projectPage, '[data-testid="document-table"]', PROJECT_PAGE_BOXES],
      [`${server.url}/documents/${documentId}`, row(0), DOCUMENT_PAGE_BOXES],
    ] as const) {
      await page.goto(path)
      await page.locator(ready).waitFor()
      await page
        .locator('[data-testid="audit-entry"], [data-testid="segment-grid"]')
        .first()
        .waitFor()
      for (const language of Object.keys(LANGUAGES)) {
        await page.selectOption('[data-testid="language-switcher"]', language)
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 })
          await page.evaluate(() => new Promise(requestAnimationFrame))
          if (path.includes('/documents/')) {
            // The title is never squeezed to nothing by the badge and the language pair.
            const title = await page
              .locator('[data-testid="document-title"]')
              .evaluate((node) => [node.clientWidth, node.scrollWidth])
            if (title[0]! < Math.min(title[1]!, 150))
              problems.push(`document ${language} ${width}: the title is squeezed to ${title[0]}px`)
          }
          for (const name of await brokenNames(page))
            problems.push(`project ${language} ${width}: the name ${name} is broken over lines`)
          for (const problem of await layoutProblems(page, boxes))
            problems.push(
              `${path.includes('/documents/') ? 'document' : 'project'} ${language} ${width}: ${problem}`,
            )
        }
      }
    }
    expect(problems).toEqual([])
    await page.context().close()
  })

  test('the shortcut list leaves the grid its width in a 1,024 px window', async () => {
    const page = await openAs(browser, manager, 'ru', server.url)
    await page.setViewportSize({ width: 1024, height: 800 })
    await openDocument(server.url, documentId, page)
    const sourceWidth = () =>
      page
        .locator('[data-testid="source-header"]')
        .evaluate((node) => node.getBoundingClientRect().width)
    const before = await sourceWidth()
    await page.getByRole('button', { name: ru.shortcuts.toggle }).click()
    await page.locator('[data-testid="shortcut-help"]').waitFor()
    // It lies over the details column: the grid's columns keep their width.
    expect(await sourceWidth()).toBeGreaterThan(before - 1)
    await page.context().close()
  })

  test('the file button speaks the interface language and names the chosen file', async () => {
    const page = await openAs(browser, manager, 'kk', server.url)
    await page.goto(projectPage)
    const button = page.locator('label[for="import-file"]')
    expect(await button.textContent()).toBe(kk.file.choose)
    expect(await page.textContent('[data-testid="import-file-name"]')).toBe(kk.file.none)
    await page.locator('#import-file').setInputFiles({
      name: 'мақала.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Мәтін.'),
    })
    expect(await page.textContent('[data-testid="import-file-name"]')).toBe('мақала.txt')
    // The segmentation panel's SRX picker is the same translated button, not Chromium's.
    const srxButton = page.locator('label[for="srx-file"]')
    expect(await srxButton.textContent()).toBe(kk.file.choose)
    expect(await page.textContent('[data-testid="srx-file-name"]')).toBe(kk.file.none)
    await page.selectOption('[data-testid="language-switcher"]', 'ar')
    await expect.poll(() => button.textContent(), POLL).toBe(ar.file.choose)
    expect(await srxButton.textContent()).toBe(ar.file.choose)
    await page.context().close()
  })

  test('a rejection note reads in the interface direction inside a target of the other direction', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await openDocument(server.url, documentId, page)
    const note = page.locator(`${targetCell(2)} [data-testid="review-note"]`)
    await note.waitFor()
    expect(await page.getAttribute(targetCell(2), 'dir')).toBe('rtl')
    expect(await note.getAttribute('dir')).toBe('ltr')
    // "Rejected:" comes first on the left, the reviewer's words after it, as in English.
    const [label, text] = await Promise.all(
      ['.review-note__label', '.review-note__text'].map((part) =>
        note.locator(part).evaluate((node) => node.getBoundingClientRect().left),
      ),
    )
    expect(label).toBeLessThan(text!)
    await page.selectOption('[data-testid="language-switcher"]', 'ar')
    await expect.poll(() => note.getAttribute('dir'), POLL).toBe('rtl')
    await page.context().close()
  })

  test('activity entries read in Kazakh dates, keep a Latin title apart and link the segment', async () => {
    const page = await openAs(browser, manager, 'kk', server.url)
    await page.goto(projectPage)
    const approval = page.locator('[data-testid="audit-entry"][data-action="approve"]')
    await approval.waitFor()
    const when = await approval.locator('time').textContent()
    // Chromium lacks Kazakh date data and would print the root locale's "2026 M12 1".
    expect(when).not.toMatch(/M\d/)
    expect(when).toMatch(/\d{4} ж\. \d{2} [а-яәғқңөұүһі]+\./)
    expect(await approval.locator('bdi').allTextContents()).toEqual(['saule', TITLE])

    await page.selectOption('[data-testid="language-switcher"]', 'ar')
    const link = approval.locator('[data-testid="audit-segment-link"]')
    await expect
      .poll(() => link.textContent(), POLL)
      .toBe(ar.audit.segmentLink.replace('{{number}}', '2'))
    await link.click()
    await page.locator(row(1)).waitFor()
    await expect.poll(() => page.getAttribute(row(1), 'aria-selected'), POLL).toBe('true')
    await page.context().close()
  })

  test('offline, the status says changes are kept and counts them; back online, "Connected" once they are stored', async () => {
    const translator = await workspace.member('translator', 'nurlan')
    const page = await openAs(browser, translator, 'ru', server.url)
    await openDocument(server.url, documentId, page)
    const connection = page.locator('[data-testid="connection"]')
    await expect.poll(() => connection.getAttribute('data-state'), POLL).toBe('connected')
    await page.click(targetCell(0))
    await page.locator(`${targetCell(0)} [contenteditable]`).click()
    await page.keyboard.type('الأرشيف')

    await page.context().setOffline(true)
    await expect.poll(() => connection.getAttribute('data-state'), POLL).toBe('offline')
    expect(await connection.textContent()).toContain(ru.connection.offline)
    await page.keyboard.type(' مفتوح')
    await expect.poll(() => connection.getAttribute('data-unsent'), POLL).not.toBe('0')
    expect(await page.textContent('[data-testid="unsent"]')).toMatch(
      new RegExp(ru.connection.unsent.replace('{{count}}', '\\d+')),
    )

    await page.context().setOffline(false)
    await expect.poll(() => connection.textContent(), POLL).toBe(ru.connection.connected)
    expect(await connection.getAttribute('data-unsent')).toBe('0')
    // "Connected" came after the server had stored what was typed offline.
    expect(targetText(segmentAt(readStoredDocument(server.databaseFile, documentId), 0)!)).toBe(
      'الأرشيف مفتوح',
    )
    await page.context().close()
    expect(pageErrors).toEqual([])
  })
})
