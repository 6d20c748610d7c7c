import { SaxesParser, type SaxesTag } from 'saxes'
import { toJsRegExp } from './icuRegex.ts'
import { SrxError, type SrxDocument, type SrxLanguageRule, type SrxRule } from './types.ts'

/** Larger files are refused before parsing; real rule sets (Okapi's default) are ~100 KB. */
export const MAX_SRX_BYTES = 1_000_000
const MAX_RULES = 20_000

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

function yesNo(value: string | undefined, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback
  if (value === 'yes') return true
  if (value === 'no') return false
  throw new SrxError('srx.invalid', `${where}: expected "yes" or "no", got "${value}"`)
}

/**
 * Reads an SRX 2.0 (or 1.0) document and checks every rule's regular expressions convert to
 * JavaScript. Never expands entities or reads a DTD: only XML's five predefined entities and
 * character references are accepted. Throws `SrxError` with the line of the problem.
 */
export function readSrx(xml: string): SrxDocument {
  if (xml.length > MAX_SRX_BYTES) {
    throw new SrxError('srx.too_large', `SRX files are limited to ${MAX_SRX_BYTES} characters`)
  }
  const document: SrxDocument = {
    cascade: false,
    segmentSubflows: true,
    languageRules: [],
    languageMaps: [],
  }
  const parser = new SaxesParser({ position: true })
  const path: string[] = []
  let sawRoot = false
  let languageRule: SrxLanguageRule | null = null
  let rule: SrxRule | null = null
  let text: string | null = null
  let ruleCount = 0
  const where = () => `line ${parser.line}`
  const fail = (message: string): never => {
    throw new SrxError('srx.invalid', `${where()}: ${message}`)
  }

  parser.on('doctype', () => {
    throw new SrxError('srx.invalid', `${where()}: DTDs are not accepted in SRX files`)
  })
  parser.on('opentag', (tag: SaxesTag) => {
    const name = localName(tag.name)
    const parent = path[path.length - 1]
    const attribute = (key: string) => {
      const value = tag.attributes[key]
      return typeof value === 'string' ? value : undefined
    }
    path.push(name)
    if (!sawRoot) {
      if (name !== 'srx') fail(`the root element is <${name}>, not <srx>`)
      const version = attribute('version')
      if (version !== undefined && version !== '2.0' && version !== '1.0') {
        fail(`SRX version ${version} is not supported (2.0 or 1.0)`)
      }
      sawRoot = true
      return
    }
    if (name === 'header' && parent === 'srx') {
      document.segmentSubflows = yesNo(attribute('segmentsubflows'), true, where())
      document.cascade = yesNo(attribute('cascade'), false, where())
    } else if (name === 'languagerule' && parent === 'languagerules') {
      const ruleName =
        attribute('languagerulename') ?? fail('<languagerule> needs languagerulename')
      if (document.languageRules.some((entry) => entry.name === ruleName)) {
        fail(`two <languagerule> are named "${ruleName}"`)
      }
      languageRule = { name: ruleName, rules: [] }
      document.languageRules.push(languageRule)
    } else if (name === 'rule' && parent === 'languagerule' && languageRule) {
      if (++ruleCount > MAX_RULES) {
        throw new SrxError('srx.too_large', `more than ${MAX_RULES} rules`)
      }
      rule = { isBreak: yesNo(attribute('break'), true, where()), beforeBreak: '', afterBreak: '' }
    } else if ((name === 'beforebreak' || name === 'afterbreak') && parent === 'rule') {
      text = ''
    } else if (name === 'languagemap' && parent === 'maprules') {
      const pattern = attribute('languagepattern') ?? fail('<languagemap> needs languagepattern')
      const ruleName = attribute('languagerulename') ?? fail('<languagemap> needs languagerulename')
      toJsRegExp(pattern, `${where()}: languagepattern`)
      document.languageMaps.push({ pattern, ruleName })
    }
  })
  parser.on('text', (chunk: string) => {
    if (text !== null) text += chunk
  })
  parser.on('cdata', (chunk: string) => {
    if (text !== null) text += chunk
  })
  parser.on('closetag', (tag: SaxesTag) => {
    const name = localName(tag.name)
    path.pop()
    if ((name === 'beforebreak' || name === 'afterbreak') && rule && text !== null) {
      const label = `${where()}: rule ${(languageRule?.rules.length ?? 0) + 1} of "${languageRule?.name}", <${name}>`
      toJsRegExp(text, label)
      if (name === 'beforebreak') rule.beforeBreak = text
      else rule.afterBreak = text
      text = null
    } else if (name === 'rule' && rule && languageRule) {
      languageRule.rules.push(rule)
      rule = null
    } else if (name === 'languagerule') {
      languageRule = null
    }
  })

  try {
    parser.write(xml).close()
  } catch (error) {
    if (error instanceof SrxError) throw error
    // saxes reports malformed XML (and undefined entities) as plain errors with a position.
    const reason = error instanceof Error ? error.message : String(error)
    throw new SrxError('srx.not_xml', `not well-formed XML: ${reason}`)
  }
  if (!sawRoot) throw new SrxError('srx.not_xml', 'the file holds no XML element')
  for (const map of document.languageMaps) {
    if (!document.languageRules.some((entry) => entry.name === map.ruleName)) {
      throw new SrxError(
        'srx.invalid',
        `<languagemap> names "${map.ruleName}", which no <languagerule> defines`,
      )
    }
  }
  if (document.languageMaps.length === 0) {
    throw new SrxError(
      'srx.invalid',
      'the file has no <languagemap>: no language would use its rules',
    )
  }
  return document
}
