import type { Browser, Page } from 'playwright-core'
import type { ServerConfig } from '../../server/app.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { CLIENT_DIR, assertClientBuilt, launchChromium, row } from './browser.ts'

/** What every browser test starts from: a server with the built client, a project, Chromium. */
export interface BrowserTestbed {
  server: TestServer
  workspace: Workspace
  browser: Browser
}

export async function startBrowserTestbed(
  projectName?: string,
  overrides: Partial<ServerConfig> = {},
): Promise<BrowserTestbed> {
  assertClientBuilt()
  const server = await startTestServer({ ...overrides, clientDir: CLIENT_DIR })
  const workspace = await createWorkspace(server, projectName)
  const browser = await launchChromium()
  return { server, workspace, browser }
}

/** Closes the browser before the server, so that no page is left reconnecting to it. */
export async function stopBrowserTestbed(testbed: Partial<BrowserTestbed>): Promise<void> {
  await testbed.browser?.close()
  await testbed.server?.dispose()
}

/** Opens the document's workbench in every page and waits until each shows its first row. */
export async function openDocument(serverUrl: string, documentId: string, ...pages: Page[]) {
  for (const page of pages) await page.goto(`${serverUrl}/documents/${documentId}`)
  for (const page of pages) await page.locator(row(0)).waitFor()
}
