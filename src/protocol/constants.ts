// ActionCable v1 JSON constants and the cable's tunables (shared/protocol/README.md §2).

/** Connection states of the contract (`connectionState`); 'connected' means subscribed. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

export const SUBPROTOCOL = 'actioncable-v1-json';
export const CHANNEL = 'RoomChannel';

/** Server frame types. Data frames carry no type. */
export const WELCOME = 'welcome';
export const PING = 'ping';
export const CONFIRM = 'confirm_subscription';
export const REJECT = 'reject_subscription';
export const DISCONNECT = 'disconnect';

/** Two missed 3 s pings, as Rails' connection monitor. */
export const STALE_AFTER_MS = 6000;
/** The server answers a bad token with silence, so an unconfirmed subscribe must time out. */
export const CONFIRM_TIMEOUT_MS = 10000;
export const PRESENCE_INTERVAL_S = 30;
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30000;
/** Longer text frames are dropped unparsed (a real one is a few KB). */
export const MAX_FRAME_CHARS = 1 << 21;
