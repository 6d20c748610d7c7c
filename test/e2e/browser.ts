import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Session } from '../support/accounts.ts'

/** The built client the server under test serves; `npm test` builds it before vitest runs. */
export const CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url))

/**
 * Where the browser tests leave their screenshots: under test-results/ (ignored by git), or
 * into the README's docs/screenshots/ when run with UPDATE_SCREENSHOTS=1, so that `npm test`
 * never dirties the work tree.
 */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS === '1'
      ? '../../docs/screenshots'
      : '../../test-results/screenshots',
    import.meta.url,
  ),
)

export function assertClientBuilt(): void {
  if (!existsSync(`${CLIENT_DIR}/index.html`)) {
    throw new Error(
      `no client build in ${CLIENT_DIR}: run \`npm run build\` before the browser tests`,
    )
  }
}

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A fresh browser profile, logged in as `session` (its cookie is in the context, as if the user
 * had used the login form) or anonymous for null, with the interface language in localStorage.
 */
export async function openAs(
  browser: Browser,
  session: Session | null,
  interfaceLanguage = 'en',
  serverUrl?: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  })
  // A step that cannot happen fails with its own line instead of the whole test's timeout.
  context.setDefaultTimeout(15_000)
  await context.addInitScript((interfaceLanguage) => {
    // Only on the first load of the profile, so a test can change it and reload.
    if (localStorage.getItem('qalam.language') === null)
      localStorage.setItem('qalam.language', interfaceLanguage)
  }, interfaceLanguage)
  if (session !== null) {
    if (serverUrl === undefined) throw new Error('openAs needs the server URL to set the cookie')
    const separator = session.cookie.indexOf('=')
    await context.addCookies([
      {
        name: session.cookie.slice(0, separator),
        value: session.cookie.slice(separator + 1),
        url: serverUrl,
      },
    ])
  }
  const page = await context.newPage()
  const name = session?.user.username ?? 'anonymous'
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`))
  return page
}

/** Uncaught errors of every page opened with `openAs`; a test ends by expecting none. */
export const pageErrors: string[] = []

export const row = (index: number) => `[data-segment-index="${index}"]`
export const targetCell = (index: number) => `${row(index)} [data-testid="target"]`

/** For `expect.poll`: vitest's default of one second is too tight for a loaded CI machine. */
export const POLL = { timeout: 10_000, interval: 25 }

/**
 * Makes the page's WebSockets reachable by `dropSockets`, so a test can cut the connection the
 * way a network failure would. Call before the page loads the app.
 */
export async function trackSockets(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const openSockets: WebSocket[] = []
    Object.assign(window, { openSockets })
    window.WebSocket = class extends window.WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        openSockets.push(this)
      }
    }
  })
}

/** Closes every WebSocket the page opened since `trackSockets`; the app sees a dropped link. */
export async function dropSockets(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const socket of (window as unknown as { openSockets: WebSocket[] }).openSockets)
      socket.close()
  })
}
