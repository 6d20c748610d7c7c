import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

/** The built client the server under test serves; `npm test` builds it before vitest runs. */
export const CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url))

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots', import.meta.url))

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

export interface TestUser {
  id: string
  name: string
  color: string
}

/**
 * A fresh browser profile for one translator: the display name (as if chosen on a first
 * visit) and the interface language are already in its localStorage.
 */
export async function openAs(
  browser: Browser,
  user: TestUser | null,
  interfaceLanguage = 'en',
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  })
  await context.addInitScript(
    ({ user, interfaceLanguage }) => {
      // Only on the first load of the profile, so a test can change them and reload.
      if (localStorage.getItem('qalam.language') === null)
        localStorage.setItem('qalam.language', interfaceLanguage)
      if (user !== null && localStorage.getItem('qalam.user') === null)
        localStorage.setItem('qalam.user', JSON.stringify(user))
    },
    { user, interfaceLanguage },
  )
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(`${user?.name ?? 'anonymous'}: ${error.message}`))
  return page
}

/** Uncaught errors of every page opened with `openAs`; a test ends by expecting none. */
export const pageErrors: string[] = []

export const row = (index: number) => `[data-segment-index="${index}"]`
export const targetCell = (index: number) => `${row(index)} [data-testid="target"]`

/** For `expect.poll`: vitest's default of one second is too tight for a loaded CI machine. */
export const POLL = { timeout: 10_000, interval: 25 }
