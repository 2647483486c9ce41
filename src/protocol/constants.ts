// The words and numbers of ActionCable's v1 JSON protocol as Akece speaks it
// (shared/protocol/README.md §2), and the cable's timings, each with its reason.

/** The WebSocket sub-protocol the cable offers; ActionCable's browser client offers the same. */
export const SUB_PROTOCOL = 'actioncable-v1-json';

/** The channel a contact subscribes to; its identifier carries only `channel` and `pubsub_token`. */
export const ROOM_CHANNEL = 'RoomChannel';

/** The `type` of the frames the server sends outside of a channel's data. */
export const FrameType = {
  welcome: 'welcome',
  ping: 'ping',
  disconnect: 'disconnect',
  confirm: 'confirm_subscription',
  reject: 'reject_subscription',
} as const;

/** The `command` of the frames the client sends. */
export const Command = {
  subscribe: 'subscribe',
  message: 'message',
} as const;

/**
 * The `reason` of a `disconnect` frame (Rails' `ActionCable::INTERNAL[:disconnect_reasons]`).
 * Chatwoot only ever sends `server_restart`, with `reconnect: true`; the cable reports whatever
 * reason came with a `reconnect: false` in its error message.
 */
export const DisconnectReason = {
  unauthorized: 'unauthorized',
  invalidRequest: 'invalid_request',
  serverRestart: 'server_restart',
  remote: 'remote',
} as const;

/** The RoomChannel action that keeps the contact "online" for agents (README §2.6). */
export const PRESENCE_ACTION = 'update_presence';

/**
 * Silence after which a socket counts as dead: the server pings every 3 s, and Rails' own
 * connection monitor gives up after two missed pings. A handshake gets as long.
 */
export const STALE_AFTER_MS = 6_000;

/** How long a subscribe may go unanswered: the server answers a bad token with silence (README §2.4). */
export const CONFIRM_TIMEOUT_MS = 10_000;

/** Heartbeat period when the options give none (or a value that is not a number). */
export const DEFAULT_PRESENCE_INTERVAL_S = 30;

/** The shortest heartbeat period the cable accepts. */
export const MIN_PRESENCE_INTERVAL_S = 1;

/** Longest frame text the cable parses; a real frame is a few KB, a page of history far less than this. */
export const MAX_FRAME_CHARS = 2_000_000;
