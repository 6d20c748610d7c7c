import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { asUser } from '../support/accounts.ts'
import { importTmxIntoProject, tmxOf } from '../support/memoryApi.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, SCREENSHOT_DIR, openAs } from './browser.ts'
import { openDocument, startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const EXACT = 'Опись фонда составлена в прошлом году.'
const SOURCE = `${EXACT} Зал закрыт для посетителей ежедневно. ${EXACT} Первое письмо директору.`

describe('the analysis on the document page', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser
  let page: Page
  let documentId: string

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Талдау'))
    await importTmxIntoProject(
      server.url,
      workspace.admin,
      workspace.projectId,
      tmxOf([
        { source: EXACT, target: 'Қордың тізімдемесі өткен жылы жасалды.' },
        { source: 'Зал открыт для посетителей ежедневно.', target: 'Зал күн сайын ашық.' },
      ]),
    )
    documentId = (await workspace.importDocument({ bytes: SOURCE, title: 'Опись' })).id
    page = await openAs(browser, await workspace.member('translator', 'dana'), 'kk', server.url)
    await openDocument(server.url, documentId, page)
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  // The analysis runs in a worker thread that first builds its own index of the memory: on a
  // loaded machine that alone can take longer than the usual 10 s poll.
  const ANALYSIS = { ...POLL, timeout: 45_000 }
  const cells = (band: string) =>
    page.locator(`[data-testid="analysis-table"] tr[data-band="${band}"] td`).allTextContents()

  test(
    'shows segments and words by band, refreshes after the memory grows, downloads a CSV',
    { timeout: 120_000 },
    async () => {
      await page.locator('[data-testid="analysis-panel"] summary').click()
      await expect.poll(() => cells('exact'), ANALYSIS).toEqual(['1', '6', '30'])
      expect(await cells('repetition')).toEqual(['1', '6', '30'])
      expect(await cells('fuzzy75')).toEqual(['1', '5', '25'])
      // Kazakh interface: the band names are translated.
      expect(
        await page.locator('[data-testid="analysis-table"] tr[data-band="none"] th').textContent(),
      ).toBe('Сәйкестік жоқ')
      expect(await cells('none')).toEqual(['1', '3', '15'])
      await mkdir(SCREENSHOT_DIR, { recursive: true })
      await page
        .locator('[data-testid="analysis-panel"]')
        .screenshot({ path: `${SCREENSHOT_DIR}/analysis-panel.png` })

      await importTmxIntoProject(
        server.url,
        workspace.admin,
        workspace.projectId,
        tmxOf([{ source: 'Первое письмо директору.', target: 'Директорға бірінші хат.' }]),
      )
      await page.locator('[data-testid="analysis-refresh"]').click()
      await expect.poll(() => cells('none'), ANALYSIS).toEqual(['0', '0', '0'])
      expect(await cells('exact')).toEqual(['2', '9', '45'])

      const download = page.waitForEvent('download')
      await page.locator('[data-testid="analysis-csv"]').click()
      expect((await download).suggestedFilename()).toBe('Опись analysis.csv')
    },
  )

  test('a manager turns the pre-fill of exact matches on from the project page', async () => {
    const manager = await openAs(
      browser,
      await workspace.member('manager', 'erlan'),
      'ar',
      server.url,
    )
    await manager.goto(`${server.url}/projects/${workspace.projectId}`)
    const toggle = manager.locator('[data-testid="prefill-toggle"]')
    await toggle.waitFor()
    expect(await toggle.isChecked()).toBe(false)
    await toggle.check()
    await expect
      .poll(async () => {
        const response = await fetch(`${server.url}/api/projects/${workspace.projectId}/prefill`, {
          headers: asUser(workspace.admin),
        })
        return response.json()
      }, POLL)
      .toEqual({ prefillExactMatches: true })
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await manager
      .locator('[data-testid="prefill-panel"]')
      .screenshot({ path: `${SCREENSHOT_DIR}/prefill-panel.png` })
    // The translator's page shows the setting but may not change it.
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await expect
      .poll(() => page.locator('[data-testid="prefill-toggle"]').isChecked(), POLL)
      .toBe(true)
    expect(await page.locator('[data-testid="prefill-toggle"]').isDisabled()).toBe(true)
    await manager.context().close()
  })
})
