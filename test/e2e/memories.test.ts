import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import kk from '../../client/i18n/locales/kk.json'
import { generateTmx } from '../support/generateTmx.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs, pageErrors } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const UNITS = 3000

describe('translation memories on the project page', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Ұлттық кітапхана'))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a manager imports a TMX file with progress, is told why a broken one was refused, and exports the memory', async () => {
    const manager = await workspace.member('manager', 'aigul')
    const page = await openAs(browser, manager, 'kk', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    const panel = page.locator('[data-testid="memories-panel"]')
    const write = panel.locator('[data-testid="memory"][data-mode="write"]')
    await expect.poll(() => write.textContent(), POLL).toContain('Ұлттық кітапхана')
    expect(await write.locator('[data-testid="memory-units"]').textContent()).toBe(
      kk.memories.units.replace('{{count}}', '0'),
    )

    const form = panel.locator('[data-testid="tmx-import"]')
    const tmx = Buffer.from([...generateTmx(UNITS)].join(''))
    await form.locator('#tmx-file').setInputFiles({
      name: 'кітапхана.tmx',
      mimeType: 'application/xml',
      buffer: tmx,
    })
    await form.locator('select[name="sourceLang"]').selectOption('ru')
    await form.locator('select[name="targetLang"]').selectOption('kk')
    // The upload is held until the bar has been seen: a fast machine would finish first.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/memories/*/imports', async (route) => {
      await held
      await route.continue()
    })
    await form.locator('button[type="submit"]').click()
    // The bar stands while the file streams in; its maximum is the file's size.
    const bar = form.locator('[data-testid="tmx-progress"]')
    await bar.waitFor()
    expect(await bar.getAttribute('max')).toBe(String(tmx.length))
    // Later uploads pass straight through: the promise stays resolved.
    release()
    const result = form.locator('[data-testid="tmx-result"]')
    await expect.poll(() => result.textContent(), { ...POLL, timeout: 60_000 }).toMatch(/3.?000/)
    expect(await result.textContent()).toContain(kk.memories.imported.split(':')[0])
    await expect
      .poll(() => write.locator('[data-testid="memory-units"]').textContent(), POLL)
      .toMatch(/3.?000/)

    await write.locator('summary').click()
    const stats = write.locator('[data-testid="memory-stats"]')
    await expect.poll(() => stats.textContent(), POLL).toMatch(/TMX-тен: 3.?000/)
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/memories-panel-kk.png` })

    // A broken file: refused with the reason in Kazakh and its line, and nothing added.
    await form.locator('#tmx-file').setInputFiles({
      name: 'broken.tmx',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx/>'),
    })
    await form.locator('button[type="submit"]').click()
    const error = form.locator('[data-testid="tmx-error"]')
    await expect.poll(() => error.textContent(), POLL).toContain(kk.errors.tmx.dtd)
    expect(await error.textContent()).toContain(kk.memories.atLine.replace('{{line}}', '2'))
    expect(await write.locator('[data-testid="memory-units"]').textContent()).toMatch(/3.?000/)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      write.locator('[data-testid="memory-export"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('Ұлттық кітапхана.tmx')
    const exported = await readFile((await download.path())!, 'utf8')
    expect(exported).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/)
    expect(exported.match(/<tu /g)).toHaveLength(UNITS)
    expect(exported).toContain('<tuv xml:lang="kk"')
    expect(pageErrors).toEqual([])
    await page.context().close()
  }, 120_000)
})
