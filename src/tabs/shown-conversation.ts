// The conversation shown, the same in every tab of a visitor (contract §10, "Several tabs"):
// when the visitor opens another conversation, or starts a new one, in one tab, the others show
// it too. The newest choice wins (each carries when it was made), so two tabs choosing at once
// settle on one instead of swapping for ever. A tab that joins asks what was chosen.
// It runs with the full session (src/controllers/chat-session-binding.ts), whether or not the
// visitor wrote in that tab: a tab that only shows the launcher counts the unread messages of the
// conversation chosen elsewhere, and shows it when its panel opens. A quiet tab (the full session
// not loaded) listens for choices in src/controllers/session-binding.ts.
import type {ChatSession} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import {shownChannel, type ShownMessage} from './shown-channel.js';

/**
 * The visitor chose the conversation in view (ChatSession.showConversation: the list, the
 * new-conversation button, openConversation()): it changed, its messages start afresh and its
 * status is not known yet, for the same contact. A conversation found at start or created by a
 * first message comes with its status.
 */
function isChosen(next: ChatState, previous: ChatState): boolean {
  return (
    next.conversationId !== previous.conversationId &&
    next.contact != null &&
    next.contact === previous.contact &&
    next.conversationStatus == null &&
    next.messages.length == 0
  );
}

/** Follows the conversation shown in the other tabs of the same contact, and tells them of this tab's choices. */
export class ShownConversationSync {
  readonly #session: ChatSession;
  readonly #unsubscribe: () => void;
  #channel: BroadcastChannel | null = null;
  #contact: string | undefined;
  /** When the conversation in view was chosen, here or in another tab (0: at start, not chosen). */
  #chosenAt = 0;
  /** The conversation this tab is switching to because another tab chose it (not a choice to tell). */
  #following: number | null | undefined;
  #previous: ChatState;

  constructor(session: ChatSession) {
    this.#session = session;
    this.#previous = session.store.getState();
    this.#unsubscribe = session.store.subscribe((state) => this.#changed(state));
    this.#changed(this.#previous);
  }

  dispose(): void {
    this.#unsubscribe();
    this.#channel?.close();
  }

  #changed(state: ChatState) {
    const previous = this.#previous;
    this.#previous = state;
    const contact = state.contact?.pubsubToken;
    if (contact !== this.#contact) this.#join(contact);
    if (!isChosen(state, previous)) return;
    if (state.conversationId === this.#following) {
      this.#following = undefined;
      return;
    }
    // Newer than the choice it replaces even within the same millisecond (else the other tabs would keep that one).
    this.#chosenAt = Math.max(Date.now(), this.#chosenAt + 1);
    this.#post({kind: 'shown', conversationId: state.conversationId, at: this.#chosenAt});
  }

  #join(contact: string | undefined) {
    this.#channel?.close();
    this.#channel = null;
    this.#contact = contact;
    this.#chosenAt = 0;
    if (!contact) return;
    this.#channel = shownChannel(contact);
    this.#channel.onmessage = ({data}: MessageEvent<ShownMessage>) => this.#hear(data);
    this.#post({kind: 'ask'});
  }

  #hear(message: ShownMessage) {
    const shown = this.#session.store.getState().conversationId;
    if (message.kind == 'ask') {
      if (this.#chosenAt) this.#post({kind: 'shown', conversationId: shown, at: this.#chosenAt});
      return;
    }
    if (message.at <= this.#chosenAt) return;
    this.#chosenAt = message.at;
    if (message.conversationId === shown) return;
    this.#following = message.conversationId;
    this.#session.showConversation(message.conversationId).catch(() => {}); // as a choice in this tab that failed
  }

  #post(message: ShownMessage) {
    this.#channel?.postMessage(message);
  }
}
