export {
  acceptAll,
  type Authorize,
  type Decision,
  type Peer,
  type ProposedChange,
} from './authorize.ts'
export { CloseCode } from './closeCodes.ts'
export type { FanOutRoom, RoomFanOut, StoredUpdate } from './fanOut.ts'
export { judgeByRole } from './judgeByRole.ts'
export {
  auditLateTyping,
  auditStatusChanges,
  type LateTypingRecorder,
  type StatusChangesRecorder,
} from './recordStatusChanges.ts'
export {
  createRoom,
  Room,
  type RoomConnection,
  type RoomOptions,
  type SyncMetrics,
} from './Room.ts'
export { RoomRegistry, type RoomRegistryOptions } from './RoomRegistry.ts'
export {
  attachSyncServer,
  type Admission,
  type SyncServer,
  type SyncServerOptions,
} from './syncServer.ts'
