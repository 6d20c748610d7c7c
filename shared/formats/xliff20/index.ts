export { XLIFF20_NS, parseXliff20, writeXliff20 } from './xliff20.ts'
export { createXliff20 } from './createXliff20.ts'
