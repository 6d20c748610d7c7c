import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import { runCliSync } from '../support/cliProcess.ts'

const root = join(import.meta.dirname, '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'qalam-cli-'))

const cli = (args: string[], input = '') => runCliSync(args, { input })

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name)
  writeFileSync(path, content)
  return path
}

describe('cli segment', () => {
  test('prints one segment per line from standard input', () => {
    const run = cli(['segment', '--lang', 'ru'], 'В 1998 г. архив переехал. Т.е. всё.\nИтоги\n')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('В 1998 г. архив переехал.\nТ.е. всё.\nИтоги\n')
  })

  test('reads FILE when given', () => {
    const run = cli(['segment', '--lang', 'ar', file('ar.txt', 'أين الخريطة؟ كانت هنا.')])
    expect(run.stdout).toBe('أين الخريطة؟\nكانت هنا.\n')
  })

  test('answers each JSON line with the JSON array of its segments, in order', () => {
    const input = [
      JSON.stringify({ lang: 'en', text: 'Mr. Smith left. He came back.' }),
      JSON.stringify({ lang: 'kk', text: 'Ол 1998 ж. көшті. Бәрі жақсы.' }),
    ].join('\n')
    const run = cli(['segment', '--jsonl'], input)
    expect(run.status).toBe(0)
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      ['Mr. Smith left.', 'He came back.'],
      ['Ол 1998 ж. көшті.', 'Бәрі жақсы.'],
    ])
  })
})

describe('cli segment with SRX rules', () => {
  const srx = join(root, 'test', 'fixtures', 'srx', 'omegat-style.srx')
  const text = 'Архив основан в 1921 г. Он хранит рукописи.\n'

  test('explains which rule of an SRX file decided each boundary', () => {
    const run = cli(['segment', '--lang', 'ru', '--srx', srx, '--explain'], text)
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      '23\tno break\tsrx Russian #1\t…Архив основан в 1921 г.⏐ Он хранит рукописи. …\n',
    )
  })

  test('exits 2 naming the file and the line of a broken SRX file', () => {
    const broken = file('broken.srx', '<srx version="2.0">\n<body>')
    const run = cli(['segment', '--lang', 'ru', '--srx', broken], text)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/broken\.srx: not well-formed XML/)
    expect(run.stdout).toBe('')
  })
})

describe('cli align', () => {
  test('prints one bead per line in the [1,2]:[3] form', () => {
    const src = file('src.txt', 'Es regnete.\nWir blieben 3 Tage in der Hütte.\nDann gingen wir.\n')
    const tgt = file(
      'tgt.txt',
      'Il pleuvait.\nNous sommes restés 3 jours.\nDans la cabane.\nPuis nous sommes partis.\n',
    )
    const run = cli(['align', '--src', src, '--tgt', tgt, '--src-lang', 'de', '--tgt-lang', 'fr'])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('[0]:[0]\n[1]:[1,2]\n[2]:[3]\n')
  })
})

describe('cli bad input', () => {
  test.each([
    ['a missing file', ['align', '--src', '/no/such/file', '--tgt', '/no/such/file']],
    ['an unknown option', ['segment', '--lang', 'en', '--colour']],
    ['an unknown command', ['translate']],
    ['an unknown language', ['segment', '--lang', 'xx-nonsense-tag-!']],
  ])('exits non-zero with one line on stderr for %s', (_, args) => {
    const run = cli(args)
    expect(run.status).not.toBe(0)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stdout).toBe('')
  })

  test('rejects a file that is not UTF-8', () => {
    const run = cli([
      'segment',
      '--lang',
      'ru',
      file('latin1.txt', Buffer.from([0xc0, 0xe4, 0x20, 0xff])),
    ])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/not valid UTF-8/)
  })

  test('rejects a JSON line without text', () => {
    const run = cli(['segment', '--jsonl'], '{"lang": "en"}\n')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/line 1/)
  })
})

describe('cli --encoding', () => {
  const russian = 'Архив открыт. Каталог обновлён.'

  test('reads a file in the named legacy encoding, or detects it with auto', () => {
    const cp1251 = file('cp1251.txt', iconv.encode(russian, 'windows-1251'))
    const named = cli(['segment', '--lang', 'ru', '--encoding', 'windows-1251', cp1251])
    expect(named).toMatchObject({ status: 0, stdout: 'Архив открыт.\nКаталог обновлён.\n' })
    const koi8 = file('koi8.txt', iconv.encode(russian, 'koi8-r'))
    const detected = cli(['segment', '--lang', 'ru', '--encoding', 'auto', koi8])
    expect(detected).toMatchObject({ status: 0, stdout: 'Архив открыт.\nКаталог обновлён.\n' })
  })

  test('exits 2 with one line for an unknown encoding or bytes invalid in the named one', () => {
    const unknown = cli(['segment', '--lang', 'ru', '--encoding', 'ebcdic'], russian)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/unknown encoding: ebcdic/)
    const odd = cli(['segment', '--lang', 'ru', '--encoding', 'utf-16le'], 'abc')
    expect(odd.status).toBe(2)
    expect(odd.stderr).toMatch(/not valid UTF-16LE/)
  })
})
