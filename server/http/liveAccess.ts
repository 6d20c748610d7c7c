/**
 * What the API tells the open sync connections when access changes under them: a session
 * that logged out, a member whose role changed or who left the project, a deactivated user,
 * a deleted document. Without this, a
 * socket opened before the change would keep the old rights until it reconnected.
 */
export interface LiveAccess {
  endSession(sessionToken: string): void
  changeAccess(userId: string, projectId: string): void
  /** The user was deactivated or their password reset: every socket of theirs closes. */
  endUser(userId: string): void
  /** The document was deleted: its sockets close and it admits no one. */
  closeDocument(documentId: string): void
}
