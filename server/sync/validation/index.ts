export { judgeUpdate, judgeDecodedUpdate, type DecodedUpdate } from './judgeUpdate.ts'
export type { Actor, Decision, RejectionCode, StatusChange } from './decision.ts'
