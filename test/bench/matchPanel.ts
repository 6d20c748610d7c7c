// `npm run bench -- matchPanel`: from entering a segment to its matches on screen, in Chromium.
// A real server with a memory of generated units (`MATCH_PANEL_UNITS`, default 20,000) written
// into its SQLite file by a second handle (the server notices through the memory's revision,
// as for a CLI import), a document of 80 sentences near units of the memory (one word changed,
// one number changed, unrelated), and a translator's page moving through them with Ctrl+↓.
// Each time runs from the keydown's timestamp (queueing on a busy main thread counts) to the
// frame painted after the panel names the new segment (a MutationObserver on the panel, then
// requestAnimationFrame and a task, as in the typing bench). The first segment, which waits
// for the index to be built, is reported apart.
import { loadavg } from 'node:os'
import { openSqliteTranslationMemoryStore } from '../../server/tm/index.ts'
import {
  CLIENT_DIR,
  assertClientBuilt,
  launchChromium,
  openAs,
  targetCell,
} from '../e2e/browser.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { startTestServer } from '../support/testServer.ts'
import { createWorkspace } from '../support/workspace.ts'
import {
  changeOneNumber,
  changeOneWord,
  generateUnit,
  unrelatedSentence,
} from './tm/generateUnits.ts'
import { writeGeneratedUnits } from './tm/writeGeneratedUnits.ts'

const UNITS = Number(process.env.MATCH_PANEL_UNITS ?? 20_000)
const SEGMENTS = 80

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (value: number) => Math.round(value * 10) / 10

assertClientBuilt()
const server = await startTestServer({ clientDir: CLIENT_DIR })
const workspace = await createWorkspace(server, 'Bench')
const random = seededRandom(11)
const sentences: string[] = []
for (let i = 0; i < SEGMENTS; i++) {
  const base = generateUnit(Math.floor(random() * UNITS)).source
  sentences.push(
    i % 4 === 0
      ? changeOneWord(base, random, true)
      : i % 4 === 1
        ? changeOneNumber(base, random)
        : i % 4 === 2
          ? changeOneWord(base, random, false)
          : unrelatedSentence(i),
  )
}
const { id: documentId } = await workspace.importDocument({
  bytes: sentences.join('\n\n') + '\n',
  title: 'Bench',
  targetLang: 'kk',
})

// Before the memory is written: that write blocks this process's event loop (the server's
// too) for seconds, after which a kept-alive HTTP connection would be reset.
const translator = await workspace.member('translator')

const tm = openSqliteTranslationMemoryStore(server.databaseFile)
const memory = await tm.ensureWriteMemory(workspace.projectId, 'Bench')
await writeGeneratedUnits(tm, memory.id, UNITS, 'kk')
await tm.close()

const browser = await launchChromium()
const page = await openAs(browser, translator, 'en', server.url)
await page.goto(`${server.url}/documents/${documentId}`)
page.setDefaultTimeout(120_000)
await page.locator(targetCell(0)).waitFor()
// tsx (keepNames) wraps the named functions below in an `__name(fn, "name")` the page lacks.
await page.evaluate('globalThis.__name ??= (fn) => fn')
await page.evaluate(() => {
  const state = window as unknown as { qalamKeyAt: number }
  window.addEventListener('keydown', (event) => (state.qalamKeyAt = event.timeStamp), {
    capture: true,
  })
})

/** Resolves with ms from the last keydown to the frame after the panel shows a new segment. */
const panelShown = (previous: string) =>
  page.evaluate(
    (previous) =>
      new Promise<{ ms: number; segment: string }>((resolve) => {
        const panel = document.querySelector('[data-testid="match-panel"]')!
        const check = () => {
          const segment = panel.getAttribute('data-segment') ?? ''
          if (segment === '' || segment === previous) return false
          observer.disconnect()
          requestAnimationFrame(() =>
            setTimeout(() => {
              const state = window as unknown as { qalamKeyAt: number }
              resolve({ ms: performance.now() - state.qalamKeyAt, segment })
            }),
          )
          return true
        }
        const observer = new MutationObserver(check)
        observer.observe(panel, { attributes: true, attributeFilter: ['data-segment'] })
        check()
      }),
    previous,
  )

const started = performance.now()
await page.click(targetCell(0))
let first = await panelShown('')
const firstMs = performance.now() - started
const times: number[] = []
let shown = first.segment
for (let i = 1; i < SEGMENTS; i++) {
  const waiting = panelShown(shown)
  await page.keyboard.press('Control+ArrowDown')
  first = await waiting
  shown = first.segment
  times.push(first.ms)
}
await browser.close()
await server.dispose()

process.stdout.write(
  JSON.stringify({
    units: UNITS,
    segments: SEGMENTS,
    firstPanelMs: round(firstMs),
    panelMs: {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(Math.max(...times)),
    },
    loadAverage: round(loadavg()[0]!),
  }) + '\n',
)
