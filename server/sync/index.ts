export {
  acceptAll,
  type Authorize,
  type Decision,
  type Peer,
  type ProposedChange,
} from './authorize.ts'
export { CloseCode } from './closeCodes.ts'
export { RoomRegistry, type RoomRegistryOptions } from './RoomRegistry.ts'
export { attachSyncServer, type SyncServer, type SyncServerOptions } from './syncServer.ts'
