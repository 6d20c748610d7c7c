export { TbxReader, readTbx } from './readTbx.ts'
export { writeTbx, type TbxVersion } from './writeTbx.ts'
export { CsvGlossaryReader, readGlossaryCsv, writeGlossaryCsv } from './csvGlossary.ts'
export {
  DEFAULT_GLOSSARY_LIMITS,
  GlossaryFileError,
  type GlossaryFileErrorCode,
  type GlossaryFileLimits,
} from './types.ts'
