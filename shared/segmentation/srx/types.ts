/** One SRX rule: at a position where `beforeBreak` ends and `afterBreak` starts, break or not. */
export interface SrxRule {
  isBreak: boolean
  /** ICU regular expressions, as written in the file; an empty one matches anywhere. */
  beforeBreak: string
  afterBreak: string
}

/** A named, ordered list of rules (`<languagerule languagerulename>`). */
export interface SrxLanguageRule {
  name: string
  rules: SrxRule[]
}

/** `<languagemap>`: languages whose code matches `pattern` (a whole-code regex) use `ruleName`. */
export interface SrxLanguageMap {
  pattern: string
  ruleName: string
}

/**
 * A Segmentation Rules eXchange (SRX 2.0, LISA/GALA) document: rules per language and the map
 * from language codes to them. With `cascade` every matching map applies, in order; without,
 * only the first.
 */
export interface SrxDocument {
  cascade: boolean
  segmentSubflows: boolean
  languageRules: SrxLanguageRule[]
  languageMaps: SrxLanguageMap[]
}

export type SrxErrorCode = 'srx.not_xml' | 'srx.invalid' | 'srx.bad_regex' | 'srx.too_large'

/** Why an SRX file or rule was refused; `message` says where (line, rule) in English. */
export class SrxError extends Error {
  override name = 'SrxError'
  constructor(
    readonly code: SrxErrorCode,
    message: string,
  ) {
    super(message)
  }
}
