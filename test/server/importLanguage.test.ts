import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { postImport, type ImportRequest } from '../support/documentsApi.ts'
import { storedContent } from '../support/storedDocument.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { minimalDocx, plainParagraph } from '../formats/docxFixtures.ts'

/*
 * A file whose text is clearly not in the source language the form named is refused with 409
 * and `import.language_mismatch` (what it looks like in the detail), storing nothing, unless
 * the user confirmed the language; the check runs in the import worker on the segments.
 */

const KAZAKH = [
  'Мұрағат оқырмандар үшін күн сайын таңғы тоғызда ашылады.',
  'Биыл қордың тізімдемесі толығымен жаңартылып, жаңа бөлімдер қосылды.',
  'Қолжазбалардың көшірмелерін оқу залында ғана алуға болады.',
  'Сұрақтарыңыз болса, кезекші қызметкерге хабарласыңыз.',
].join(' ')

const RUSSIAN_WITH_KAZAKH_NAMES = [
  'Архив открывается для читателей каждый день в девять часов утра.',
  'В этом году опись фонда «Қазақ әдебиеті» полностью обновлена.',
  'Копии рукописей Әлихана Бөкейханова выдаются только в читальном зале.',
  'С вопросами обращайтесь к дежурному сотруднику архива.',
].join(' ')

const ARABIC = [
  'يفتح الأرشيف أبوابه للقراء كل يوم في الساعة التاسعة صباحا.',
  'جرى هذا العام تحديث فهرس المجموعة بالكامل وأضيفت أقسام جديدة.',
  'لا تسلم نسخ المخطوطات إلا في قاعة المطالعة.',
]

let server: TestServer
let workspace: Workspace

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server)
})

/** Posts the import as the workspace's administrator; says whether the stored bytes changed. */
async function attemptImport(request: ImportRequest) {
  const before = storedContent(server.databaseFile)
  const response = await postImport(server.url, {
    session: workspace.admin,
    projectId: workspace.projectId,
    ...request,
  })
  const body = (await response.json()) as { error?: { code: string; detail?: unknown } }
  const nothingStored = storedContent(server.databaseFile) === before
  return { status: response.status, error: body.error, nothingStored }
}

afterAll(() => server.dispose())

describe('the source language of an import', () => {
  test('a Kazakh text imported as Russian is refused, naming Kazakh, and nothing is stored', async () => {
    const attempt = await attemptImport({
      bytes: KAZAKH,
      sourceLang: 'ru',
      targetLang: 'en',
    })
    expect(attempt).toMatchObject({
      status: 409,
      error: {
        code: 'import.language_mismatch',
        detail: { declared: 'ru', script: 'Cyrl', language: 'kk' },
      },
      nothingStored: true,
    })
  })

  test('the same text is imported as Russian once the user confirms it, or as Kazakh', async () => {
    const confirmed = await attemptImport({
      bytes: KAZAKH,
      sourceLang: 'ru',
      targetLang: 'en',
      languageConfirmed: true,
    })
    expect(confirmed).toMatchObject({ status: 201, nothingStored: false })
    const asKazakh = await attemptImport({
      bytes: KAZAKH,
      sourceLang: 'kk',
      targetLang: 'en',
    })
    expect(asKazakh).toMatchObject({ status: 201, nothingStored: false })
  })

  test('a Russian text quoting Kazakh names and titles is imported without a question', async () => {
    const attempt = await attemptImport({
      bytes: RUSSIAN_WITH_KAZAKH_NAMES,
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    expect(attempt).toMatchObject({ status: 201, nothingStored: false })
  })

  test('an Arabic HTML page imported as Russian is refused, naming Arabic', async () => {
    const page = `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"></head><body>${ARABIC.map(
      (sentence) => `<p>${sentence}</p>`,
    ).join('')}</body></html>`
    const attempt = await attemptImport({
      bytes: page,
      fileName: 'archive.html',
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    expect(attempt).toMatchObject({
      status: 409,
      error: {
        code: 'import.language_mismatch',
        detail: { declared: 'ru', script: 'Arab', language: 'ar' },
      },
      nothingStored: true,
    })
  })

  test('an Arabic DOCX imported as Russian is refused, and imported as Arabic', async () => {
    const docx = minimalDocx({ body: ARABIC.map(plainParagraph).join('') })
    const asRussian = await attemptImport({
      bytes: docx,
      fileName: 'archive.docx',
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    expect(asRussian).toMatchObject({
      status: 409,
      error: { code: 'import.language_mismatch', detail: { script: 'Arab', language: 'ar' } },
      nothingStored: true,
    })
    const asArabic = await attemptImport({
      bytes: docx,
      fileName: 'archive.docx',
      sourceLang: 'ar',
      targetLang: 'kk',
    })
    expect(asArabic).toMatchObject({ status: 201, nothingStored: false })
  })
})
