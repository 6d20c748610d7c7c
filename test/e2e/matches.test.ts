import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { segmentAt, targetTagged } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import { POLL } from './browser.ts'
import { editorOf, openSegment } from './segmentEditor.ts'
import { startDocumentTestbed, stopBrowserTestbed } from './testbed.ts'

const SOURCE = 'Рукописи хранятся в фонде 12. Рукописи хранятся в архиве 12.'
const TRANSLATION = 'Қолжазбалар 12 қорда сақталады.'

describe('translation-memory matches in the editor', () => {
  let server: TestServer
  let browser: Browser
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, translator, reviewer } = await startDocumentTestbed(
      'Сәйкестіктер',
      { bytes: SOURCE, title: 'Қор', targetLang: 'kk' },
      { translator: { username: 'aigerim' }, reviewer: { username: 'saule' } },
    ))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('the segments around the active one are fetched ahead, and entering one shows that answer without asking again', async () => {
    const asked: string[] = []
    const onRequest = (request: { url(): string }) => {
      const url = new URL(request.url())
      if (url.pathname.endsWith('/matches')) asked.push(url.searchParams.get('segment') ?? '')
    }
    translator.on('request', onRequest)
    try {
      const panel = translator.locator('[data-testid="match-panel"]')
      // Before any segment is entered there is nothing to look up, and the panel says so.
      await expect
        .poll(() => panel.textContent(), POLL)
        .toContain('Choose a segment to see its matches.')
      await openSegment(translator, 1)
      await expect.poll(() => panel.getAttribute('data-segment'), POLL).not.toBe('')
      const second = (await panel.getAttribute('data-segment'))!
      // The segment before the active one is fetched once the active one's answer is here.
      await expect.poll(() => asked.length, POLL).toBe(2)
      const first = asked.find((segment) => segment !== second)!
      expect(asked.filter((segment) => segment === second)).toHaveLength(1)

      await translator.keyboard.press('Control+ArrowUp')
      await expect.poll(() => panel.getAttribute('data-segment'), POLL).toBe(first)
      expect(await panel.textContent()).toContain('No matches')
      expect(asked.filter((segment) => segment === first)).toHaveLength(1)
    } finally {
      translator.off('request', onRequest)
    }
  })

  test('a colleague’s approval shows as a fuzzy match with the difference marked, and Ctrl+1 takes it in one undoable step', async () => {
    await openSegment(translator, 1)
    const panel = translator.locator('[data-testid="match-panel"]')
    await expect.poll(() => panel.textContent(), POLL).toContain('No matches')

    await openSegment(reviewer, 0)
    await reviewer.keyboard.type(TRANSLATION)
    await reviewer.keyboard.press('Control+Enter')

    const item = panel.locator('[data-testid="match-item"]')
    await expect.poll(() => item.count(), POLL).toBe(1)
    expect(await item.locator('[data-testid="match-target"]').textContent()).toBe(TRANSLATION)
    const percent = Number.parseInt(
      (await item.locator('[data-testid="match-percent"]').textContent())!,
    )
    expect(percent).toBeLessThan(100)
    expect(percent).toBeGreaterThanOrEqual(50)
    expect(await item.locator('[data-testid="match-source"] mark').allTextContents()).toEqual([
      'фонде',
    ])

    await editorOf(translator, 1).focus()
    await translator.keyboard.press('Control+Digit1')
    await expect.poll(() => editorOf(translator, 1).textContent(), POLL).toBe(TRANSLATION)
    // One change: a single undo brings back what was there before.
    await translator.keyboard.press('Control+z')
    await expect.poll(() => editorOf(translator, 1).textContent(), POLL).toBe('')
  })
})

// Two similar sentences, each with its first word in bold.
const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="f.html" source-language="ru" target-language="kk" datatype="html">
    <body>
      <trans-unit id="u1"><source><g id="1" ctype="bold">Опись</g> фонда составлена.</source></trans-unit>
      <trans-unit id="u2"><source><g id="1" ctype="bold">Опись</g> фонда составлена заново.</source></trans-unit>
    </body>
  </file>
</xliff>
`
const TAGGED = {
  text: 'Қор тізімдемесі жасалды.',
  tags: [
    { kind: 'open', n: 1, offset: 0 },
    { kind: 'close', n: 1, offset: 3 },
  ],
}

describe('a match of a unit approved with inline tags', () => {
  let server: TestServer
  let browser: Browser
  let documentId: string
  let translator: Page
  let reviewer: Page

  beforeAll(async () => {
    ;({ server, browser, documentId, translator, reviewer } = await startDocumentTestbed('Қор', {
      bytes: XLIFF,
      fileName: 'opis.xlf',
      targetLang: 'kk',
    }))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('is inserted by Ctrl+1 with its tag chips, and stored with them', async () => {
    await openSegment(reviewer, 0)
    await reviewer.keyboard.press('F9')
    await reviewer.keyboard.type('Қор')
    await reviewer.keyboard.press('F9')
    await reviewer.keyboard.type(' тізімдемесі жасалды.')
    await expect.poll(() => editorOf(reviewer, 0).locator('.tag-chip').count(), POLL).toBe(2)
    await reviewer.keyboard.press('Control+Enter')

    await openSegment(translator, 1)
    const item = translator.locator('[data-testid="match-panel"] [data-testid="match-item"]')
    await expect.poll(() => item.count(), POLL).toBe(1)
    await editorOf(translator, 1).focus()
    await translator.keyboard.press('Control+Digit1')
    await expect.poll(() => editorOf(translator, 1).locator('.tag-chip').count(), POLL).toBe(2)
    await expect
      .poll(
        () => targetTagged(segmentAt(readStoredDocument(server.databaseFile, documentId), 1)!),
        POLL,
      )
      .toEqual(TAGGED)
  })
})
