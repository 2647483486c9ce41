// The launcher's count of replies in the contact's other conversations before the panel is ever
// opened (contract §9: "the launcher's unread count is the sum"). Messages of every conversation
// of the contact arrive on its socket, so the session's binding hands the first message of another
// conversation to the reach chunk (src/reach/reach.ts, which loads then if it is not there yet, and
// would load anyway for what is unread), which makes this: a known contact with no news elsewhere
// never downloads it. Once made it reads the contact's list (what arrived before the page loaded)
// and counts what arrives from then on. Nothing of it is in the session's chunk, which a known
// contact loads at page start.
//
// The panel's list (src/controllers/conversations.ts) counts the same, and also knows what the
// visitor reads there: once the panel has been seen, this stands down for good.

import type {AkeceEvent} from '../protocol/payloads.js';
import type {ChatSession} from './chat-session.js';
import type {ChatState} from './chat-state.js';
import {toSummaries, unreadElsewhere, withEvent, type ConversationSummary} from './conversation-list.js';

/** Sessions whose other conversations the panel's list counts. */
const countedByPanel = new WeakSet<ChatSession>();

/** The panel's list counts the other conversations of `session` from now on. */
export function panelCountsElsewhere(session: ChatSession): void {
  countedByPanel.add(session);
}

/** Counts, for one session, the unread replies in the conversations not shown. */
export class UnreadElsewhere {
  readonly #session: ChatSession;
  /** The contact's conversations as last heard of. */
  #list: readonly ConversationSummary[] = [];
  /** Events heard while the list was being read, applied again onto its answer. */
  #heardMeanwhile: AkeceEvent[] | null = [];
  readonly #contact: string | undefined;
  #stopListening: (() => void)[] = [];

  /** @param first the event that asked for this module (a message in another conversation) */
  constructor(session: ChatSession, first: AkeceEvent) {
    this.#session = session;
    this.#contact = this.#state.contact?.sourceId;
    if (this.#panelCounts(this.#state)) return;
    this.#stopListening = [
      session.on('event', (event) => this.#heard(event)),
      session.store.subscribe((state) => {
        if (this.#panelCounts(state) || state.contact?.sourceId !== this.#contact) this.#standDown();
      }),
    ];
    this.#heard(first);
    session.api.listConversations().then(
      (listed) => {
        if (!this.#stopListening.length) return;
        const meanwhile = this.#heardMeanwhile ?? [];
        this.#heardMeanwhile = null;
        // The server's list, then what the socket said since it was asked for (a message it
        // already holds is its conversation's latest, which withEvent does not count again).
        this.#list = meanwhile.reduce((list, event) => withEvent(list, event, this.#state.conversationId), toSummaries(listed) as readonly ConversationSummary[]);
        this.#tell();
      },
      () => undefined // the live count goes on without what came before
    );
  }

  get #state(): ChatState {
    return this.#session.store.getState();
  }

  /** The panel has been seen (it counts from then on), now or before. */
  #panelCounts(state: ChatState): boolean {
    return state.panelVisible || countedByPanel.has(this.#session);
  }

  #heard(event: AkeceEvent): void {
    this.#heardMeanwhile?.push(event);
    const list = withEvent(this.#list, event, this.#state.conversationId);
    if (list === this.#list) return;
    this.#list = list;
    this.#tell();
  }

  /** Tells the session what is unread beyond the conversation it shows. */
  #tell(): void {
    this.#session.setOtherUnread(unreadElsewhere(this.#list, this.#state.conversationId));
  }

  #standDown(): void {
    for (const stop of this.#stopListening) stop();
    this.#stopListening = [];
  }
}
