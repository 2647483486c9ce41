// Akece's RoomChannel as a contact sees it (shared/protocol/README.md §2.3–2.5): the identifier,
// the commands the client sends, and which frames belong to this subscription.
import {Command, ROOM_CHANNEL} from './constants.js';
import {decodeEvent, type Frame} from './decode.js';
import type {AkeceEvent} from './payloads.js';

/** One contact's subscription to RoomChannel, identified by its pubsub token. */
export class RoomChannel {
  /**
   * `{"channel":"RoomChannel","pubsub_token":"…"}`, with exactly these two keys: an identifier with
   * a `user_id` would make the server look the token up as an agent's. ActionCable keys the
   * subscription by this raw string, so frames are matched against it byte for byte.
   */
  readonly identifier: string;

  constructor(pubsubToken: string) {
    this.identifier = JSON.stringify({channel: ROOM_CHANNEL, pubsub_token: pubsubToken});
  }

  /** The `subscribe` command, sent after every `welcome` (a new connection forgets subscriptions). */
  subscribeCommand(): string {
    return JSON.stringify({command: Command.subscribe, identifier: this.identifier});
  }

  /**
   * A `message` command performing `action` with `data`. ActionCable wants `data` as a JSON
   * string (an object there is dropped by the server), and the action inside it; an `action` key
   * in `data` cannot override the one given.
   */
  performCommand(action: string, data?: Record<string, unknown>): string {
    return JSON.stringify({command: Command.message, identifier: this.identifier, data: JSON.stringify({...data, action})});
  }

  /** True when the frame names this subscription's exact identifier string. */
  owns(frame: Frame): boolean {
    return frame.identifier === this.identifier;
  }

  /** The event a data frame for this subscription carries, or undefined (another identifier, unknown or malformed). */
  decode(frame: Frame): AkeceEvent | undefined {
    return this.owns(frame) ? decodeEvent(frame.message) : undefined;
  }
}
