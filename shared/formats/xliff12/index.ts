export { XLIFF12_NS, parseXliff12, writeXliff12 } from './xliff12.ts'
export { createXliff12 } from './createXliff12.ts'
