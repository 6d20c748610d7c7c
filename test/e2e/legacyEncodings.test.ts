import { mkdir, readFile } from 'node:fs/promises'
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setTargetText } from '@qalam/shared/model'
import en from '../../client/i18n/locales/en.json'
import { asUser, type Session } from '../support/accounts.ts'
import { connectClient } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, row } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const sample = (name: string) =>
  readFile(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8')

/** The sample as an archive would have kept it: the same text in a single-byte code page. */
const encode = (text: string, encoding: string) => iconv.encode(text, encoding)

/** What the preview lists: the file's non-empty lines, each cut at 300 characters. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, 300))

describe('files in legacy encodings in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let manager: Session
  let russian: string
  let arabic: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Кодировки'))
    manager = await workspace.member('manager', 'saule')
    russian = await sample('archives.ru.txt')
    arabic = await sample('archives.ar.txt')
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  const documentIds = async (): Promise<string[]> => {
    const response = await fetch(
      `${server.url}/api/documents?projectId=${encodeURIComponent(workspace.projectId)}`,
      { headers: asUser(workspace.admin) },
    )
    const body = (await response.json()) as { documents: Array<{ id: string }> }
    return body.documents.map((document) => document.id)
  }

  const preview = (page: Page, id = 'import-file') => page.locator(`[data-testid="${id}-preview"]`)
  const previewLines = (page: Page, id = 'import-file') =>
    page.locator(`[data-testid="${id}-preview-lines"] li`).allTextContents()

  /** Chooses the file on the project page's import form and waits for its preview. */
  async function chooseFile(page: Page, name: string, bytes: Buffer) {
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page
      .locator('#import-file')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: bytes })
    await expect.poll(() => preview(page).getAttribute('data-state'), POLL).toBe('ready')
  }

  /** Downloads the export in `encoding` (an option of the dialog's select) and returns its bytes. */
  async function downloadExport(page: Page, encoding: string): Promise<Buffer> {
    await page.click('[data-testid="export"]')
    await page.selectOption('#export-encoding', encoding)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    return readFile(await download.path())
  }

  test('a windows-1251 Russian file is shown in its encoding, another encoding changes the preview, and it is stored only on confirmation', async () => {
    const bytes = encode(russian, 'windows-1251')
    const before = await documentIds()
    const page = await openAs(browser, manager, 'en', server.url)
    await chooseFile(page, 'arkhiv-1251.txt', bytes)

    expect(await preview(page).getAttribute('data-detected')).toBe('windows-1251')
    expect(await page.inputValue('#import-file-encoding')).toBe('windows-1251')
    expect(await previewLines(page)).toEqual(linesOf(russian).slice(0, 8))
    expect(await page.textContent('[data-testid="import-file-preview-status"]')).toBe(
      en.import.detected.replace('{{encoding}}', en.encoding.names['windows-1251']),
    )

    // Read as KOI8-R the same bytes are mojibake; the preview says which encoding it shows.
    await page.selectOption('#import-file-encoding', 'koi8-r')
    await expect.poll(() => preview(page).getAttribute('data-encoding'), POLL).toBe('koi8-r')
    const garbled = await previewLines(page)
    expect(garbled[0]).toBe(iconv.decode(bytes, 'koi8-r').split('\n')[0])
    expect(garbled[0]).not.toBe(linesOf(russian)[0])
    expect(await page.textContent('[data-testid="import-file-preview-status"]')).toContain(
      en.encoding.names['koi8-r'],
    )
    expect(await documentIds()).toEqual(before)

    await page.selectOption('#import-file-encoding', 'windows-1251')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await expect.poll(async () => (await previewLines(page))[0], POLL).toBe(linesOf(russian)[0])
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', 'kk')
    const submit = page.locator('[data-testid="import-submit"]')
    expect(await submit.textContent()).toBe(
      en.encoding.importAs.replace('{{encoding}}', en.encoding.names['windows-1251']),
    )
    await page
      .locator('[data-testid="import-form"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/import-encoding-preview.png` })
    expect(await documentIds()).toEqual(before)
    await submit.click()
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()
    expect(await page.textContent(`${row(0)} [data-testid="source"]`)).toBe(linesOf(russian)[0])
    expect((await documentIds()).length).toBe(before.length + 1)

    // Nothing translated yet: the original encoding gives back the very bytes imported.
    expect(await downloadExport(page, 'original')).toEqual(bytes)
    await page.context().close()
  })

  test('an XLIFF file is previewed in the encoding it declares with nothing to pick, and the dialog exports it into the original', async () => {
    const xliff = await readFile(new URL('../fixtures/xliff/features-2.0.xlf', import.meta.url))
    const bytes = encode(
      xliff.toString('utf8').replace('encoding="UTF-8"', 'encoding="windows-1251"'),
      'windows-1251',
    )
    const page = await openAs(browser, manager, 'en', server.url)
    await chooseFile(page, 'fonds.xlf', bytes)
    expect(await preview(page).getAttribute('data-format')).toBe('xliff20')
    expect(await preview(page).getAttribute('data-encoding')).toBe('windows-1251')
    expect(await page.locator('#import-file-encoding').count()).toBe(0)
    expect(await page.textContent('[data-testid="import-file-preview-status"]')).toBe(
      en.formats.xliffPreview
        .replace('{{format}}', en.formats.xliff20)
        .replace('{{encoding}}', en.encoding.names['windows-1251']),
    )
    const submit = page.locator('[data-testid="import-submit"]')
    expect(await submit.textContent()).toBe(en.import.submit)
    await submit.click()
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()

    await page.click('[data-testid="export"]')
    expect(await page.inputValue('#export-format')).toBe('xliff20')
    expect(await page.locator('#export-encoding').count()).toBe(0)
    expect(await page.textContent('[data-testid="export-xliff-note"]')).toBe(
      en.formats.intoOriginal,
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ])
    expect(await readFile(await download.path())).toEqual(bytes)
    // Plain text brings the encoding choice back, the XLIFF file's own encoding as "original".
    await page.click('[data-testid="export"]')
    await page.selectOption('#export-format', 'txt')
    expect(await page.inputValue('#export-encoding')).toBe('utf-8')
    expect(await page.locator('#export-encoding option[value="original"]').textContent()).toBe(
      en.export.original.replace('{{encoding}}', en.encoding.names['windows-1251']),
    )
    await page.context().close()
  })

  test('a windows-1256 Arabic file is detected, previewed right to left, imported in one click and exported in its own bytes', async () => {
    const bytes = encode(arabic, 'windows-1256')
    const page = await openAs(browser, manager, 'ar', server.url)
    await chooseFile(page, 'arshif-1256.txt', bytes)
    expect(await preview(page).getAttribute('data-detected')).toBe('windows-1256')
    expect(await previewLines(page)).toEqual(linesOf(arabic).slice(0, 8))
    expect(
      await page.locator('[data-testid="import-file-preview-lines"]').getAttribute('lang'),
    ).toBe('ru')
    await page.selectOption('select[name="sourceLang"]', 'ar')
    await page.selectOption('select[name="targetLang"]', 'kk')
    expect(
      await page.locator('[data-testid="import-file-preview-lines"]').getAttribute('lang'),
    ).toBe('ar')
    await page.click('[data-testid="import-submit"]')
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()
    expect(await page.textContent(`${row(0)} [data-testid="source"]`)).toBe(linesOf(arabic)[0])
    expect(await downloadExport(page, 'original')).toEqual(bytes)
    // UTF-8 stays the default of the dialog.
    expect(await downloadExport(page, 'utf-8')).toEqual(Buffer.from(arabic))
    await page.context().close()
  })

  test('a UTF-8 file shows its lines and imports with one click, with no encoding to confirm', async () => {
    const page = await openAs(browser, manager, 'en', server.url)
    await chooseFile(page, 'archives.ru.txt', Buffer.from(russian))
    expect(await preview(page).getAttribute('data-encoding')).toBe('utf-8')
    expect(await page.textContent('[data-testid="import-file-preview-status"]')).toBe(
      en.encoding.plain,
    )
    expect(await page.textContent('[data-testid="import-submit"]')).toBe(en.import.submit)
    await page.click('[data-testid="import-submit"]')
    await page.waitForURL(/\/documents\/[^/]+$/)
    await page.locator(row(0)).waitFor()
    await page.context().close()
  })

  test('an export in an encoding that lacks letters of the translation lists them with their segments, and downloads nothing', async () => {
    const bytes = encode(russian, 'windows-1251')
    const form = new FormData()
    form.append('projectId', workspace.projectId)
    form.append('sourceLang', 'ru')
    form.append('targetLang', 'kk')
    form.append('encoding', 'windows-1251')
    form.append('file', new Blob([new Uint8Array(bytes)]), 'arkhiv.txt')
    const created = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: form,
      headers: asUser(workspace.admin),
    })
    const { id } = (await created.json()) as { id: string }
    const client = connectClient(server.url, id, workspace.admin)
    await client.synced()
    const segments = readSegments(client.doc)
    setTargetText(client.doc, segments[0]!.id, 'Сөрелердегі жады', workspace.admin.user.id)
    setTargetText(client.doc, segments[2]!.id, 'Қала мұрағаты', workspace.admin.user.id)

    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/documents/${id}`)
    await page.locator(row(0)).waitFor()
    await expect
      .poll(() => page.textContent(`${row(2)} [data-testid="target"]`), POLL)
      .toContain('Қала мұрағаты')
    let downloads = 0
    page.on('download', () => downloads++)
    await page.click('[data-testid="export"]')
    await page.selectOption('#export-encoding', 'original')
    await page.click('[data-testid="export-download"]')
    const report = page.locator('[data-testid="export-unrepresentable"]')
    await report.waitFor()
    const rows = report.locator('[data-testid="unrepresentable-character"]')
    const listed = async () =>
      Object.fromEntries(
        await Promise.all(
          (await rows.all()).map(async (item) => [
            await item.getAttribute('data-code-point'),
            await item.locator('[data-segment]').allTextContents(),
          ]),
        ),
      ) as Record<string, string[]>
    // і and the Russian letters are in windows-1251; ө, Қ, ұ and ғ are not.
    expect(await listed()).toEqual({
      'U+04E9': ['1'],
      'U+049A': ['3'],
      'U+04B1': ['3'],
      'U+0493': ['3'],
    })
    expect(await report.textContent()).toContain(
      en.export.unrepresentable
        .replace('{{count}}', '4')
        .replace('{{encoding}}', en.encoding.names['windows-1251'])
        .replace('{{examples}}', 'ө Қ ұ ғ'),
    )
    expect(downloads).toBe(0)
    await page
      .locator('[data-testid="export-dialog"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/export-unrepresentable.png` })

    // A segment number opens that segment.
    await report.locator('[data-code-point="U+04B1"] [data-segment="3"]').click()
    await expect.poll(() => page.locator(row(2)).getAttribute('aria-selected'), POLL).toBe('true')
    client.destroy()
    await page.context().close()
  })

  test('the alignment form previews both files in their own encodings and aligns them as read', async () => {
    const source = russian.split('\n').slice(0, 2).join('\n') + '\n'
    const target = arabic.split('\n').slice(0, 2).join('\n') + '\n'
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/align?project=${workspace.projectId}`)
    await page.locator('#align-source').setInputFiles({
      name: 'source-1251.txt',
      mimeType: 'text/plain',
      buffer: encode(source, 'windows-1251'),
    })
    await page.locator('#align-target').setInputFiles({
      name: 'target-1256.txt',
      mimeType: 'text/plain',
      buffer: encode(target, 'windows-1256'),
    })
    for (const [side, encoding] of [
      ['align-source', 'windows-1251'],
      ['align-target', 'windows-1256'],
    ] as const) {
      await expect
        .poll(() => preview(page, side).getAttribute('data-encoding'), POLL)
        .toBe(encoding)
    }
    expect(await previewLines(page, 'align-source')).toEqual(linesOf(source))
    expect(await previewLines(page, 'align-target')).toEqual(linesOf(target))
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', 'ar')
    await page.click('[data-testid="align-form"] button[type="submit"]')
    await page.locator('[data-testid="align-review"]').waitFor()
    const sources = await page
      .locator('[data-testid="align-pair"] [data-testid="source"]')
      .allTextContents()
    expect(sources.join(' ')).toContain(linesOf(source)[0])
    const targets = await page
      .locator('[data-testid="align-pair"] [data-testid="target"]')
      .allTextContents()
    expect(targets.join(' ')).toContain(linesOf(target)[0])
    await page.context().close()
  })
})
