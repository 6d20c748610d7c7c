export {
  MAX_AWARENESS_STATE_BYTES,
  awarenessState,
  claimedUserIds,
  presenceState,
  type AwarenessState,
  type PresenceState,
} from './awarenessState.ts'
