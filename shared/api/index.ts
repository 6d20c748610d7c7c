export { REQUEST_HEADER, REQUEST_HEADER_VALUE } from './requestHeader.ts'
