export { REQUEST_HEADER, REQUEST_HEADER_VALUE } from './requestHeader.ts'
export { ENCODINGS, isEncoding, type Encoding } from './encodings.ts'
