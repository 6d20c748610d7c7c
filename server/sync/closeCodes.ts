/**
 * WebSocket close codes the sync server sends. 4000-4999 are private use (RFC 6455);
 * y-websocket stops reconnecting on 4400-4499, so those mean "retrying will not help".
 */
export const CloseCode = {
  /** Normal closure, e.g. the server is shutting down. */
  Normal: 1000,
  /** Server going away: clients should reconnect later. */
  GoingAway: 1001,
  /** Sent by `ws` itself when a frame exceeds `maxPayload`. */
  MessageTooBig: 1009,
  /** The server failed (e.g. the store); the client reconnects and resends what it has. */
  InternalError: 1011,
  /**
   * The user's session ended elsewhere or their role in the project changed: the client
   * reconnects and is admitted (or refused) again under what holds now.
   */
  AccessChanged: 4000,
  /** Malformed or truncated bytes, or a message type the server does not accept. */
  BadMessage: 4400,
  Unauthorized: 4401,
  /** An update the authorizer rejected. */
  Forbidden: 4403,
  DocumentNotFound: 4404,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
