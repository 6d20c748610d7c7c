import { may } from '@qalam/shared/workflow'
import type { Authorize } from './authorize.ts'
import { judgeDecodedUpdate } from './validation/index.ts'

/**
 * The server's authorizer: roles that may not write (viewer, manager) get a read-only
 * connection whose updates are dropped; every other update is judged by its effect.
 */
export const judgeByRole: Authorize = (peer, change) => {
  if (!may(peer.role, 'editTarget')) {
    return { kind: 'ignore', reason: `role ${peer.role} is read-only` }
  }
  const decision = judgeDecodedUpdate(
    change.doc,
    change.update,
    { role: peer.role, userId: peer.userId, clientId: change.senderClientId },
    {
      limits: change.limits,
      documentTargetChars: change.documentTargetChars,
      unseenApprovals: change.unseenApprovals,
    },
  )
  if (decision.ok) {
    return {
      kind: 'accept',
      statusChanges: decision.statusChanges,
      targetCharsDelta: decision.targetCharsDelta,
      lateEdits: decision.lateEdits,
    }
  }
  // An honest client that reconnects with offline edits sends each new edit as soon as the
  // socket opens, before its SyncStep2 has brought the offline ones they build on (a gap in
  // its own clock). Not an attack: its answer to a fresh SyncStep1 carries both, and is
  // judged like any update. Nothing of the refused update is kept meanwhile.
  if (decision.reason === 'unknown_dependency' || decision.reason === 'clock_gap') {
    return { kind: 'resync', reason: decision.detail }
  }
  return { kind: 'reject', reason: decision.reason, detail: decision.detail }
}
