export { builtinSrx } from './builtinSrx.ts'
export { convertIcuRegex, toJsRegExp } from './icuRegex.ts'
export { MAX_SRX_BYTES, readSrx } from './readSrx.ts'
export {
  SrxError,
  type SrxDocument,
  type SrxErrorCode,
  type SrxLanguageMap,
  type SrxLanguageRule,
  type SrxRule,
} from './types.ts'
export { writeSrx } from './writeSrx.ts'
export { abbreviationRule, projectSrx } from './projectSrx.ts'
