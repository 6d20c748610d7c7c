import { mkdir, readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import ar from '../../client/i18n/locales/ar.json'
import en from '../../client/i18n/locales/en.json'
import ru from '../../client/i18n/locales/ru.json'
import type { Workspace } from '../support/workspace.ts'
import type { TestServer } from '../support/testServer.ts'
import { POLL, SCREENSHOT_DIR, openAs, pageErrors, row, targetCell } from './browser.ts'
import { startBrowserTestbed, stopBrowserTestbed } from './testbed.ts'

const RU_SENTENCES = [
  'Национальная академическая библиотека получила в дар коллекцию редких рукописей.',
  'Собрание насчитывает 120 томов XVIII–XIX веков.',
  'Большая часть рукописей написана на арабском и персидском языках, а некоторые из них украшены миниатюрами.',
  'Специалисты начнут их оцифровку в марте 2025 года.',
  'Цифровые копии будут доступны читателям в электронном каталоге.',
  'Директор библиотеки поблагодарил дарителей.',
  'Работа с коллекцией продлится не менее трёх лет.',
]
const RU = `${RU_SENTENCES.slice(0, 4).join(' ')}\n\n${RU_SENTENCES.slice(4).join(' ')}\n`

// The third Russian sentence is two in Arabic (a 1-2 pair); the director's thanks are
// elaborated far beyond the original, which the aligner pairs with low confidence.
const AR_SENTENCES = [
  'تلقت المكتبة الأكاديمية الوطنية هدية عبارة عن مجموعة من المخطوطات النادرة.',
  'تضم المجموعة 120 مجلدًا من القرنين الثامن عشر والتاسع عشر.',
  'معظم المخطوطات مكتوبة باللغتين العربية والفارسية.',
  'وبعضها مزين بالمنمنمات.',
  'سيبدأ المتخصصون في رقمنتها في مارس 2025.',
  'ستكون النسخ الرقمية متاحة للقراء في الفهرس الإلكتروني.',
  'وقد أعرب مدير المكتبة أمام الحضور والصحفيين وممثلي المؤسسات الثقافية عن خالص شكره وامتنانه للمتبرعين الكرام على سخائهم.',
  'سيستمر العمل على المجموعة ثلاث سنوات على الأقل.',
]
const AR = `${AR_SENTENCES.slice(0, 5).join(' ')}\n\n${AR_SENTENCES.slice(5).join(' ')}\n`

const KK_SENTENCES = [
  'Ұлттық академиялық кітапхана сирек қолжазбалар жинағын сыйға алды.',
  'Жинақта XVIII–XIX ғасырлардың 120 томы бар.',
  'Қолжазбалардың басым бөлігі араб және парсы тілдерінде жазылған, ал кейбірі миниатюралармен безендірілген.',
  'Мамандар оларды 2025 жылдың наурызында цифрландыруды бастайды.',
  'Цифрлық көшірмелер оқырмандарға электрондық каталогта қолжетімді болады.',
  'Кітапхана директоры сыйға тартушыларға алғыс айтты.',
  'Жинақпен жұмыс кемінде үш жылға созылады.',
]
const KK = `${KK_SENTENCES.slice(0, 4).join(' ')}\n\n${KK_SENTENCES.slice(4).join(' ')}\n`

const pair = (index: number) => `[data-testid="align-pair"][data-pair-index="${index}"]`
const sentencesOf = (index: number, side: 'source' | 'target') =>
  `${pair(index)} [data-testid="${side}"] [data-sentence]`
const tool = (index: number, side: 'source' | 'target', action: string) =>
  `${pair(index)} .align-side--${side} [data-action="${action}"]`

describe('aligning an existing translation', () => {
  let server: TestServer
  let workspace: Workspace
  let browser: Browser

  beforeAll(async () => {
    ;({ server, workspace, browser } = await startBrowserTestbed())
  })

  afterAll(() => stopBrowserTestbed({ browser, server }))

  /** A browser profile logged in as the workspace's administrator (a manager may align). */
  const openLoggedIn = (interfaceLanguage: string): Promise<Page> =>
    openAs(browser, workspace.admin, interfaceLanguage, server.url)

  async function uploadPair(
    page: Page,
    target: string,
    targetLang: string,
    title: string,
    source: string = RU,
  ) {
    await page.goto(`${server.url}/projects/${workspace.projectId}`)
    await page.click('[data-testid="align-link"]')
    await page.waitForURL(/\/align\?project=/)
    await page.locator('#align-source').setInputFiles({
      name: 'rukopisi.ru.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(source),
    })
    await page.locator('#align-target').setInputFiles({
      name: `rukopisi.${targetLang}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(target),
    })
    await page.selectOption('select[name="sourceLang"]', 'ru')
    await page.selectOption('select[name="targetLang"]', targetLang)
    await page.fill('#align-title', title)
    await page.click('[data-testid="align-form"] button[type="submit"]')
    await page.locator('[data-testid="align-review"]').waitFor()
  }

  const pairCount = (page: Page) => page.locator('[data-testid="align-pair"]').count()
  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents()

  test('a Russian text and its Arabic translation are reviewed, corrected and become a translated document', async () => {
    const page = await openLoggedIn('en')
    await uploadPair(page, AR, 'ar', 'Рукописи')

    expect(await pairCount(page)).toBe(7)
    expect(await page.getAttribute(`${pair(0)} [data-testid="target"]`, 'dir')).toBe('rtl')
    expect(await page.getAttribute(`${pair(0)} [data-testid="target"]`, 'lang')).toBe('ar')
    expect(await page.getAttribute(`${pair(0)} [data-testid="source"]`, 'dir')).toBe('ltr')
    // The Arabic split of the third sentence is proposed as one pair of 1 and 2 sentences.
    expect(await texts(page, sentencesOf(2, 'source'))).toEqual([RU_SENTENCES[2]])
    expect(await texts(page, sentencesOf(2, 'target'))).toEqual(AR_SENTENCES.slice(2, 4))
    expect(await page.getAttribute(pair(5), 'data-low-confidence')).toBe('true')
    expect(await page.textContent('[data-testid="summary-pairs"]')).toBe('Pairs: 7')
    expect(await page.textContent('[data-testid="summary-low"]')).toBe('Low confidence: 1')
    // The doubtful pair has a translation: left as it is, it would be created as a draft.
    expect(await page.textContent('[data-testid="summary-drafts"]')).toBe(
      en.align.summaryDrafts.replace('{{count}}', '1'),
    )

    // Choosing a word is one side of one pair at a time, and any edit or undo ends it: a cut
    // renumbers the sentences below, and a choice left behind would land on another pair.
    const cutWords = '[data-action="cut-word"]'
    await page.click(tool(4, 'source', 'choose-cut'))
    await page
      .locator(`${pair(4)} ${cutWords}`)
      .first()
      .waitFor()
    await page.click(tool(0, 'source', 'choose-cut'))
    await expect.poll(() => page.locator(`${pair(4)} ${cutWords}`).count(), POLL).toBe(0)
    expect(await page.getAttribute(tool(4, 'source', 'choose-cut'), 'aria-pressed')).toBe('false')
    const offered = await page.locator(`${pair(0)} .align-side--source ${cutWords}`).count()
    expect(offered).toBeGreaterThan(0)
    expect(await page.locator(cutWords).count()).toBe(offered)
    await page
      .locator(`${pair(0)} ${cutWords}`)
      .nth(2)
      .click()
    await expect.poll(() => pairCount(page), POLL).toBe(8)
    expect(await page.locator(cutWords).count()).toBe(0)
    await page.click(tool(5, 'target', 'choose-cut'))
    await page
      .locator(`${pair(5)} ${cutWords}`)
      .first()
      .waitFor()
    await page.click('[data-action="undo"]')
    await expect.poll(() => pairCount(page), POLL).toBe(7)
    expect(await page.locator(cutWords).count()).toBe(0)
    expect(await texts(page, sentencesOf(0, 'source'))).toEqual([RU_SENTENCES[0]])

    await page.click('[data-action="next-low"]')
    await expect.poll(() => page.getAttribute(pair(5), 'class'), POLL).toContain('focused')
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOT_DIR}/align-review.png` })

    // Merge the doubtful pair with the next one: it is no longer low-confidence.
    await page.click(`${pair(5)} [data-action="merge"]`)
    await expect.poll(() => pairCount(page), POLL).toBe(6)
    expect(await texts(page, sentencesOf(5, 'source'))).toEqual(RU_SENTENCES.slice(5, 7))
    expect(await texts(page, sentencesOf(5, 'target'))).toEqual(AR_SENTENCES.slice(6, 8))
    expect(await page.textContent('[data-testid="summary-low"]')).toBe('Low confidence: 0')
    expect(await page.textContent('[data-testid="summary-drafts"]')).toBe(
      en.align.summaryDrafts.replace('{{count}}', '0'),
    )

    // Cutting the 1-2 pair between its Arabic sentences leaves a pair without source text,
    // which blocks confirming until it is undone.
    await page.click(`${pair(2)} [data-testid="target"] [data-action="cut"]`)
    await expect.poll(() => pairCount(page), POLL).toBe(7)
    expect(await texts(page, sentencesOf(3, 'target'))).toEqual([AR_SENTENCES[3]])
    expect(await page.isDisabled('[data-action="confirm"]')).toBe(true)
    await page.click('[data-action="undo"]')
    await expect.poll(() => pairCount(page), POLL).toBe(6)

    // Shift the second Arabic sentence of the 1-2 pair into the next pair; undo; shift again.
    await page.click(tool(2, 'target', 'shift-down'))
    await expect.poll(() => texts(page, sentencesOf(2, 'target')), POLL).toEqual([AR_SENTENCES[2]])
    expect(await texts(page, sentencesOf(3, 'target'))).toEqual(AR_SENTENCES.slice(3, 5))
    await page.click('[data-action="undo"]')
    await expect
      .poll(() => texts(page, sentencesOf(2, 'target')), POLL)
      .toEqual(AR_SENTENCES.slice(2, 4))
    await page.click(tool(2, 'target', 'shift-down'))
    await expect.poll(() => texts(page, sentencesOf(2, 'target')), POLL).toEqual([AR_SENTENCES[2]])

    // The title from the upload form is edited here; an empty one is refused before sending.
    const title = '#align-review-title'
    expect(await page.inputValue(title)).toBe('Рукописи')
    expect(await page.getAttribute(title, 'dir')).toBe('auto')
    await page.fill(title, '  ')
    await page.click('[data-action="confirm"]')
    await expect
      .poll(() => page.textContent('[data-testid="align-error"]'), POLL)
      .toBe(en.errors.align.empty_title)
    expect(page.url()).toContain('/align?project=')
    await page.fill(title, 'Редкие рукописи — مخطوطات نادرة')
    await page.click('[data-action="confirm"]')
    await page.waitForURL(/\/documents\/[^/?]+$/)
    await expect
      .poll(() => page.textContent('[data-testid="document-title"]'), POLL)
      .toBe('Редкие рукописи — مخطوطات نادرة')
    await page.locator(row(5)).waitFor()
    const expectedTargets = [
      AR_SENTENCES[0],
      AR_SENTENCES[1],
      AR_SENTENCES[2],
      `${AR_SENTENCES[3]} ${AR_SENTENCES[4]}`,
      AR_SENTENCES[5],
      `${AR_SENTENCES[6]} ${AR_SENTENCES[7]}`,
    ]
    for (const [index, target] of expectedTargets.entries()) {
      await expect.poll(() => page.getAttribute(row(index), 'data-status'), POLL).toBe('translated')
      expect(await page.getAttribute(targetCell(index), 'dir')).toBe('rtl')
      expect((await page.textContent(targetCell(index)))?.trim()).toBe(target)
    }
    expect(await page.locator(row(6)).count()).toBe(0)
    expect(pageErrors).toEqual([])
    await page.context().close()
  })

  test('with a Kazakh translation in the Arabic interface the review mirrors and a stray split blocks confirming until undone', async () => {
    const page = await openLoggedIn('ar')
    await uploadPair(page, KK, 'kk', 'Қолжазбалар')

    expect(await pairCount(page)).toBe(7)
    const target = `${pair(0)} [data-testid="target"]`
    expect(await page.getAttribute(target, 'lang')).toBe('kk')
    expect(await page.getAttribute(target, 'dir')).toBe('ltr')
    expect(await page.textContent('[data-action="confirm"]')).toBe(ar.align.confirm)
    expect(await page.textContent('label[for="align-review-title"]')).toBe(ar.align.documentTitle)
    expect(await page.inputValue('#align-review-title')).toBe('Қолжазбалар')
    const x = (selector: string) =>
      page.locator(selector).evaluate((node) => node.getBoundingClientRect().x)
    expect(await x(`${pair(0)} [data-testid="source"]`)).toBeGreaterThan(await x(target))

    // Cutting a Kazakh sentence at a word leaves a pair without source text.
    await page.click(tool(3, 'target', 'choose-cut'))
    await page
      .locator(`${pair(3)} [data-action="cut-word"]`)
      .nth(2)
      .click()
    await expect.poll(() => pairCount(page), POLL).toBe(8)
    expect(await texts(page, sentencesOf(4, 'source'))).toEqual([])
    expect(await page.isDisabled('[data-action="confirm"]')).toBe(true)
    expect(await page.textContent('[data-testid="align-orphans"]')).toContain('1')
    await page.click('[data-action="undo"]')
    await expect.poll(() => pairCount(page), POLL).toBe(7)
    expect(await page.isDisabled('[data-action="confirm"]')).toBe(false)

    // Cut again; this time the notice joins the stray half back to the pair above.
    await page.click(tool(3, 'target', 'choose-cut'))
    await page
      .locator(`${pair(3)} [data-action="cut-word"]`)
      .nth(2)
      .click()
    await expect.poll(() => pairCount(page), POLL).toBe(8)
    await page.click('[data-action="merge-orphans"]')
    await expect.poll(() => pairCount(page), POLL).toBe(7)
    expect(await page.locator('[data-testid="align-orphans"]').count()).toBe(0)
    expect((await texts(page, sentencesOf(3, 'target'))).join(' ')).toBe(KK_SENTENCES[3])

    await page.click('[data-action="confirm"]')
    await page.waitForURL(/\/documents\/[^/?]+$/)
    await page.locator(row(6)).waitFor()
    for (const [index, sentence] of KK_SENTENCES.entries()) {
      await expect.poll(() => page.getAttribute(row(index), 'data-status'), POLL).toBe('translated')
      expect(await page.getAttribute(targetCell(index), 'lang')).toBe('kk')
      expect((await page.textContent(targetCell(index)))?.trim()).toBe(sentence)
    }
    expect(pageErrors).toEqual([])
    await page.context().close()
  })

  test('a partial translation leaves the untranslated sentences unpaired, and they become new segments', async () => {
    // The sample article (16 sentences) against a Kazakh translation of some of its lines:
    // the first six (seven sentences), then two single lines further down.
    const sample = (lang: string) =>
      readFile(new URL(`../fixtures/samples/archives.${lang}.txt`, import.meta.url), 'utf8')
    const kkLines = (await sample('kk')).split('\n')
    const partial = [...kkLines.slice(0, 6), kkLines[9], kkLines[11]].join('\n') + '\n'
    const page = await openLoggedIn('ru')
    await uploadPair(page, partial, 'kk', 'Память на полках', await sample('ru'))

    const translated = [0, 1, 2, 3, 4, 5, 6, 11, 13]
    const untranslated = [7, 8, 9, 10, 12, 14, 15]
    expect(await pairCount(page)).toBe(16)
    for (const index of untranslated)
      expect(await texts(page, sentencesOf(index, 'target'))).toEqual([])
    for (const index of translated)
      expect(await texts(page, sentencesOf(index, 'target'))).toHaveLength(1)
    // The lone heading between two translated lines and the last two sentences are doubtful,
    // but without a translation none of them becomes a draft.
    expect(await page.textContent('[data-testid="summary-low"]')).toBe(
      ru.align.summaryLow.replace('{{count}}', '3'),
    )
    expect(await page.textContent('[data-testid="summary-drafts"]')).toBe(
      ru.align.summaryDrafts.replace('{{count}}', '0'),
    )

    await page.click('[data-action="confirm"]')
    await page.waitForURL(/\/documents\/[^/?]+$/)
    await page.locator(row(0)).waitFor()
    for (const index of translated)
      await expect.poll(() => page.getAttribute(row(index), 'data-status'), POLL).toBe('translated')
    for (const index of untranslated) {
      await page.locator(row(index)).scrollIntoViewIfNeeded()
      await expect.poll(() => page.getAttribute(row(index), 'data-status'), POLL).toBe('new')
    }
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
