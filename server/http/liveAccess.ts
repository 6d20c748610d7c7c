/**
 * What the API tells the open sync connections when access changes under them: a session
 * that logged out, a member whose role changed or who left the project. Without this, a
 * socket opened before the change would keep the old rights until it reconnected.
 */
export interface LiveAccess {
  endSession(sessionToken: string): void
  changeAccess(userId: string, projectId: string): void
}
