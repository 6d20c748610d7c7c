/**
 * Who caused a Y.Doc transaction. Persistence and fan-out read it to avoid echoing
 * an update back to where it came from.
 */
export type TransactionOrigin =
  | { kind: 'user'; userId: string }
  | { kind: 'server' }
  | { kind: 'pubsub' }
  | { kind: 'connection'; connectionId: string }

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false
  const kind = (value as { kind: unknown }).kind
  return kind === 'user' || kind === 'server' || kind === 'pubsub' || kind === 'connection'
}

export const SERVER_ORIGIN: TransactionOrigin = { kind: 'server' }

export function userOrigin(userId: string): TransactionOrigin {
  return { kind: 'user', userId }
}
