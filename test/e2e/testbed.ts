import type { Browser, Page } from 'playwright-core'
import type { ServerConfig } from '../../server/app.ts'
import type { ImportRequest } from '../support/documentsApi.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { CLIENT_DIR, assertClientBuilt, launchChromium, openAs, row } from './browser.ts'

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

/** A new member's page: the username (`<role>-<n>` when absent) and the interface language. */
export interface PageOwner {
  username?: string
  locale?: string
}

/** A testbed with one document imported and open in a new translator's and reviewer's pages. */
export interface DocumentTestbed extends BrowserTestbed {
  documentId: string
  translator: Page
  reviewer: Page
}

/**
 * Starts a testbed, imports `document` and opens it for a new translator and a new reviewer
 * (English interface unless told); stops what it started if any step fails.
 */
export async function startDocumentTestbed(
  projectName: string,
  document: ImportRequest,
  options: {
    translator?: PageOwner
    reviewer?: PageOwner
    /** What to set up through the API once the document is in, before the pages open. */
    prepare?: (workspace: Workspace) => Promise<unknown>
  } = {},
): Promise<DocumentTestbed> {
  const testbed = await startBrowserTestbed(projectName)
  try {
    const { server, workspace, browser } = testbed
    const documentId = (await workspace.importDocument(document)).id
    await options.prepare?.(workspace)
    const pageOf = async (role: 'translator' | 'reviewer', owner: PageOwner = {}) =>
      openAs(
        browser,
        await workspace.member(role, owner.username),
        owner.locale ?? 'en',
        server.url,
      )
    const translator = await pageOf('translator', options.translator)
    const reviewer = await pageOf('reviewer', options.reviewer)
    await openDocument(server.url, documentId, translator, reviewer)
    return { ...testbed, documentId, translator, reviewer }
  } catch (error) {
    await stopBrowserTestbed(testbed)
    throw error
  }
}
