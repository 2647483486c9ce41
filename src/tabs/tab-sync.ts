// What the tabs of one visitor tell each other beside the socket they share (contract §10,
// "Several tabs"): the visitor saw the conversation in one tab, so it is read in every tab (the
// server tells a contact's other sockets nothing of it). Within a frame, not after a poll.
import type {ChatSession} from '../state/chat-session.js';
import {storageKey} from '../state/storage-key.js';

/** Said on the channel: the visitor saw `conversationId` up to `lastSeenAt` (unix ms). */
interface SeenMessage {
  conversationId: number;
  lastSeenAt: number;
}

/**
 * Relays the read state between the tabs that share a stored visitor (one server and inbox):
 * what this tab's visitor saw (the panel visible) goes out; what another tab's visitor saw
 * comes in as `seenElsewhere`.
 */
export class TabSync {
  readonly #channel: BroadcastChannel;
  readonly #unsubscribe: () => void;
  /** The newest seen time said, so that every state change does not repeat it. */
  #said = 0;

  constructor(session: ChatSession, where: {baseUrl: string; inboxIdentifier?: string}) {
    const channel = (this.#channel = new BroadcastChannel(`${storageKey(where.baseUrl, where.inboxIdentifier)}:tabs`));
    channel.onmessage = ({data}: MessageEvent<SeenMessage>) => session.seenElsewhere(data.conversationId, data.lastSeenAt);
    this.#unsubscribe = session.store.subscribe((state) => {
      const {conversationId, lastSeenAt} = state;
      if (!state.panelVisible || conversationId == null || lastSeenAt <= this.#said) return;
      this.#said = lastSeenAt;
      channel.postMessage({conversationId, lastSeenAt} satisfies SeenMessage);
    });
  }

  dispose() {
    this.#unsubscribe();
    this.#channel.close();
  }
}
