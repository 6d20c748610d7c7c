export { ENCODINGS, isEncoding, type Encoding } from './encodings.ts'
export { detectEncoding, type Detection } from './detectEncoding.ts'
export { decodeBytes, encodeText, UndecodableError, UnrepresentableError } from './transcode.ts'
