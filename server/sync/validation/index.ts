export {
  judgeUpdate,
  judgeDecodedUpdate,
  type DecodedUpdate,
  type JudgeOptions,
} from './judgeUpdate.ts'
export type { Actor, Decision, RejectionCode, StatusChange } from './decision.ts'
export { countUpdateItems } from './countUpdateItems.ts'
export { soleNewClient } from './judgeClocks.ts'
export { DEFAULT_CONTENT_LIMITS, type ContentLimits } from './limits.ts'
export { documentTargetChars } from './measureTarget.ts'
