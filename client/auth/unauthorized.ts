type Listener = () => void

const listeners = new Set<Listener>()

/**
 * Says that the server no longer knows this browser's session (a 401 from any call, or a
 * sync socket closed as Unauthorized). The session provider listens and sends the user to
 * the login page, from where they come back to where they were.
 */
export function reportUnauthorized(): void {
  for (const listener of listeners) listener()
}

export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
