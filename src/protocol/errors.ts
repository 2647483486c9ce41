// What the cable reports through its `error` event: one class per cause, all of them CableErrors
// carrying the `code` the state layer switches on and whether the cable gave up (`fatal`).

/** The codes of the `error` event; the state layer and the contract's `akece-error` rely on them. */
export type CableErrorCode = 'subscription-timeout' | 'subscription-rejected' | 'server-disconnect' | 'socket-error';

/** A problem on the cable. Fatal ones leave it in state 'error' until `reconnect()`. */
export class CableError extends Error {
  override readonly name: string = 'CableError';

  constructor(
    /** What went wrong, as a stable code. */
    readonly code: CableErrorCode,
    /** True when the cable stopped retrying (state 'error') until `reconnect()`. */
    readonly fatal: boolean,
    /** The code itself unless there is more to say. */
    message: string = code
  ) {
    super(message);
  }
}

/** The socket failed (refused, timed out, closed with an error), or no WebSocket exists at all (fatal). */
export class SocketError extends CableError {
  override readonly name = 'SocketError';

  constructor(fatal = false) {
    super('socket-error', fatal);
  }
}

/**
 * The subscribe went unanswered for 10 s. Not fatal: the cable tries again on a new socket, and the
 * state layer asks REST whether the contact's token is still good (the server answers a bad one
 * with silence).
 */
export class SubscriptionTimeoutError extends CableError {
  override readonly name = 'SubscriptionTimeoutError';

  constructor() {
    super('subscription-timeout', false);
  }
}

/** The server refused the subscription. Fatal: retrying with the same token cannot help. */
export class SubscriptionRejectedError extends CableError {
  override readonly name = 'SubscriptionRejectedError';

  constructor() {
    super('subscription-rejected', true);
  }
}

/**
 * The server closed the connection and told the client not to come back (`reconnect: false`).
 * Fatal; the message is the server's `reason` (constants.ts's DisconnectReason).
 */
export class ServerDisconnectError extends CableError {
  override readonly name = 'ServerDisconnectError';

  constructor(
    /** The frame's `reason`, as sent (not trusted to be one of the known ones). */
    readonly reason: string
  ) {
    super('server-disconnect', true, reason);
  }
}
