import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import en from '../../client/i18n/locales/en.json'
import { readSegments } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import type { TestServer } from '../support/testServer.ts'
import type { Workspace } from '../support/workspace.ts'
import { POLL, openAs } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const SRX = fileURLToPath(new URL('../fixtures/srx/omegat-style.srx', import.meta.url))
const DATES = 'Архив основан в 1921 г. Он хранит рукописи.'

describe('segmentation rules in the browser', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed('Архив'))
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  test('a manager adds an exception, sees which rule kept a boundary, and imports an SRX file', async () => {
    const manager = await workspace.member('manager', 'dana')
    const page = await openAs(browser, manager, 'en', server.url)
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    const panel = page.locator('[data-testid="segmentation-panel"]')
    await expect
      .poll(() => panel.locator('[data-testid="segmentation-source"]').textContent(), POLL)
      .toBe(en.segmentation.builtin)
    // The import form offers the languages the segmenter has rules for, Armenian among them.
    expect(
      await page
        .locator('[data-testid="import-form"] select[name="sourceLang"] option[value="hy"]')
        .count(),
    ).toBe(1)

    await panel.locator('select[name="exceptionLang"]').selectOption('ru')
    await panel.locator('#exception-abbreviation').fill('г.')
    await panel.locator('[data-testid="add-exception-form"] button[type="submit"]').click()
    await panel.locator('[data-testid="segmentation-exceptions"] li').waitFor()

    await panel.locator('select[name="explainLang"]').selectOption('ru')
    await panel.locator('#explain-text').fill(DATES)
    await panel.locator('[data-testid="explain-form"] button[type="submit"]').click()
    const decision = panel.locator('[data-testid="explain-decision"]').first()
    await expect.poll(() => decision.textContent(), POLL).toContain(en.segmentation.rules.exception)
    expect(await decision.getAttribute('data-break')).toBe('false')

    const { id } = await workspace.importDocument({ bytes: DATES + '\n' })
    const sources = readSegments(readStoredDocument(server.databaseFile, id)).map((s) => s.source)
    expect(sources).toEqual([DATES])

    const broken = { name: 'broken.srx', mimeType: 'application/xml', buffer: Buffer.from('<srx') }
    await panel.locator('#srx-file').setInputFiles(broken)
    const error = panel.locator('[data-testid="segmentation-error"]')
    await expect.poll(() => error.textContent(), POLL).toContain(en.errors.srx.not_xml)
    expect(await error.textContent()).toMatch(/not well-formed XML/)
    expect(await panel.locator('[data-testid="segmentation-source"]').textContent()).toBe(
      en.segmentation.builtin,
    )

    await panel.locator('#srx-file').setInputFiles(SRX)
    await expect
      .poll(() => panel.locator('[data-testid="segmentation-source"]').textContent(), POLL)
      .toContain('Russian, English, Default')
    await page.context().close()
  })
})
