import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import en from '../../client/i18n/locales/en.json'
import { defaultConfig } from '../../server/config.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { postWatchedImport } from '../support/importProgress.ts'
import { startTestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import {
  CLIENT_DIR,
  assertClientBuilt,
  launchChromium,
  openAs,
  pageErrors,
  row,
} from './browser.ts'
import { stopBrowserTestbed, type BrowserTestbed } from './testbed.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'

/** Enough text to keep the one worker busy while the browser's import joins the queue. */
const BUSY_SEGMENTS = 60_000

let testbed: Partial<BrowserTestbed> = {}

beforeAll(async () => {
  assertClientBuilt()
  // One worker, so that the browser's import has to wait behind the large one.
  const server = await startTestServer({
    clientDir: CLIENT_DIR,
    workers: { ...defaultConfig.workers, size: 1 },
  })
  testbed = { server, workspace: await createWorkspace(server), browser: await launchChromium() }
})

afterAll(async () => {
  await stopBrowserTestbed(testbed)
})

describe('the import form', () => {
  // Generous: the import it waits behind takes a minute of one core on a loaded machine.
  test(
    'shows the upload, then its place in the queue, then the new document',
    { timeout: 600_000 },
    async () => {
      const { server, workspace, browser } = testbed as BrowserTestbed
      const page = await openAs(browser, workspace.admin, 'en', server.url)
      await page.goto(`${server.url}/projects/${workspace.projectId}`)
      await page.locator('[data-testid="import-form"]').waitFor()
      // Every phase the indicator shows, in order, however briefly.
      await page.evaluate(() => {
        const seen: string[] = []
        Object.assign(window, { importPhases: seen })
        new MutationObserver(() => {
          const phase = document.querySelector('[data-testid="import-progress"]')
          const current = phase?.getAttribute('data-phase')
          if (current && seen.at(-1) !== current) seen.push(current)
        }).observe(document.body, { subtree: true, childList: true, attributes: true })
      })

      // The file is chosen and previewed first, as a translator does: the preview runs in the
      // pool too, and would otherwise wait behind the large import with the button disabled.
      await page.locator('#import-file').setInputFiles({
        name: 'archives.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(SAMPLE_BYTES),
      })
      await page
        .locator('[data-testid="import-file-preview"][data-state="ready"]')
        .waitFor({ timeout: 120_000 })

      const busy = postWatchedImport(server.url, workspace.admin, {
        projectId: workspace.projectId,
        bytes: generateDocument(BUSY_SEGMENTS),
        title: 'busy',
      })
      // A dropped connection (status 0) fails the assertion below, not as an unhandled rejection.
      const busyStatus = busy.response.then(
        (response) => response.status,
        () => 0,
      )
      await waitFor(async () => expect((await busy.phase()).body).toEqual({ phase: 'running' }), {
        timeoutMs: 120_000,
        intervalMs: 100,
      })

      await page.locator('[data-testid="import-form"] button[type="submit"]').click()
      const progress = page.locator('[data-testid="import-progress"]')
      await progress.and(page.locator('[data-phase="queued"]')).waitFor({ timeout: 120_000 })
      expect(await progress.textContent()).toBe(
        en.importProgress.queued.replace('{{position}}', '1'),
      )

      await page.waitForURL(/\/documents\/[^/]+$/, { timeout: 300_000 })
      await page.locator(row(0)).waitFor({ timeout: 60_000 })
      expect(await busyStatus).toBe(201)
      const phases = await page.evaluate(
        () => (window as unknown as { importPhases: string[] }).importPhases,
      )
      // Its own short run after the wait may fall between two questions to the server.
      expect(phases.slice(0, 3)).toEqual(['uploading', 'processing', 'queued'])
      expect(pageErrors).toEqual([])
      await page.context().close()
    },
  )
})
