import type {ReactiveControllerHost} from 'lit';
import type {ChatState} from '../state/chat-state.js';
import type {Message, MessageSequence} from '../state/model.js';
import {Deadline} from '../utils/deadline.js';

/** How long an announcement stays in the live region: long enough to be read out, then it goes. */
export const ANNOUNCEMENT_MS = 5000;

/** How much of a message is read out: a paragraph (the whole message is in the list). */
export const ANNOUNCED_LENGTH = 400;

/**
 * What the live region says: the latest message from the other side (`text`: its content, cut
 * to ANNOUNCED_LENGTH), or who started typing.
 */
export type Announcement = {kind: 'message'; message: Message; text: string} | {kind: 'typing'; name: string};

/**
 * The start of `content` up to `length` characters, cut at a space where there is one, with an
 * ellipsis. A screen reader would read a 150,000-character message for an hour, and the live
 * region, a one-pixel box, would lay it out a word per line: half a second for such a message.
 */
export function excerpt(content: string, length = ANNOUNCED_LENGTH): string {
  if (content.length <= length) return content;
  const cut = content.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The message with `key`, searched from the newest (an announced message is among the latest). */
function findByKey(messages: MessageSequence, key: string): Message | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages.at(index);
    if (message?.key == key) return message;
  }
  return undefined;
}

/**
 * The root's polite live region: one text at a time (a burst, such as a backfill after a
 * reconnect, is one announcement, not a flood), held only as long as it takes to be read out,
 * and never text the conversation no longer shows: an edit or deletion of the announced
 * message clears it at once. Part of the session's chunk (there is nothing to read out without
 * a session); its owner, the SessionBinding, disposes of it with the session.
 */
export class LiveRegion {
  /** What the region holds now; null when empty. */
  announcement: Announcement | null = null;
  /** Empties the region once the announcement has been read out. */
  readonly #readOut = new Deadline(() => this.#clear());

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Empties the region and stops its timer. */
  dispose() {
    this.#clear();
  }

  /** A message from the other side arrived. */
  announceMessage(message: Message) {
    if (message.role != 'visitor') this.#say({kind: 'message', message, text: excerpt(message.content)});
  }

  /** The session committed `state`: announces an agent who started typing; drops a message edited or deleted since. */
  follow(state: ChatState, previous: ChatState | null) {
    if (state.agentTyping && !previous?.agentTyping) this.#say({kind: 'typing', name: state.agentTyping.name});
    const said = this.announcement;
    if (said?.kind == 'message') {
      const now = findByKey(state.messages, said.message.key);
      if (!now || now.deleted || now.content != said.message.content) this.#clear();
    }
  }

  #say(announcement: Announcement) {
    this.announcement = announcement;
    this.#readOut.setFromNow(ANNOUNCEMENT_MS);
    this.host.requestUpdate();
  }

  #clear() {
    this.#readOut.cancel();
    if (!this.announcement) return;
    this.announcement = null;
    this.host.requestUpdate();
  }
}
