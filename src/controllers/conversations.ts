// What the panel knows of the contact's conversations beyond the one shown (contract §9): the
// list, kept current from the socket; whether the visitor is looking at the list or asked to
// confirm ending; and the unread messages of the other conversations, which the session adds
// to the launcher's count. Part of the on-demand conversations chunk.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ChatSession} from '../state/chat-session.js';
import {toSummaries, unreadElsewhere, withEvent, withRead, type ConversationSummary} from '../state/conversation-list.js';
import {panelCountsElsewhere} from '../state/unread-elsewhere.js';

export type ConversationsHost = ReactiveControllerHost & HTMLElement;

const noop = () => {};

/** One per element; follows whichever session the element runs. */
export class ConversationsController implements ReactiveController {
  /** The contact's conversations, newest first. */
  conversations: readonly ConversationSummary[] = [];
  /** The first list has not arrived yet. */
  loading = true;
  /** The visitor is looking at the list rather than a conversation. */
  listShown = false;
  /** The visitor asked to end the conversation shown and has not answered the question yet. */
  confirming = false;

  readonly #host: ConversationsHost;
  readonly #sessionOf: () => ChatSession | null;
  #session: ChatSession | null = null;
  #unsubscribe = noop;
  /** The contact the list is of (after a reset or `setUser()` merge, another one). */
  #contact: string | undefined;
  /** The conversation shown when last seen (a change closes the list and the question). */
  #shown: number | null | undefined;
  /** Where focus goes after the next render that has it (a selector in the root's shadow root). */
  #focusNext: string | null = null;

  /** @param sessionOf the element's running session, if any */
  constructor(host: ConversationsHost, sessionOf: () => ChatSession | null) {
    this.#host = host;
    this.#sessionOf = sessionOf;
    host.addController(this);
    // (made during a render: the list is fetched now, not at the next update, which may be far)
    this.#follow(sessionOf());
  }

  hostConnected() {}

  hostDisconnected() {
    this.#follow(null);
  }

  hostUpdated() {
    const selector = this.#focusNext;
    const target = selector ? this.#host.shadowRoot?.querySelector<HTMLElement>(selector) : null;
    if (!target) return;
    this.#focusNext = null;
    // a child element that has just appeared (the composer) takes focus once it has rendered
    Promise.resolve((target as Partial<ReactiveControllerHost>).updateComplete).then(() => target.focus());
  }

  /**
   * Before every render: follows the session (a new one after a reset or a new configuration),
   * closes the list and the question when the conversation shown changes, and keeps the shown
   * conversation read while the visitor sees it.
   */
  hostUpdate() {
    const session = this.#sessionOf();
    const state = session?.store.getState();
    const shown = state?.conversationId ?? null;
    if (session !== this.#session) this.#follow(session);
    const contact = state?.contact?.sourceId;
    if (contact !== this.#contact) {
      this.#contact = contact;
      this.#setList([]);
      this.loading = true;
      this.refresh();
    }
    if (shown !== this.#shown) {
      // (the first time, nothing the visitor asked for is undone: this may run after a click)
      if (this.#shown !== undefined) this.confirming = this.listShown = false;
      this.#shown = shown;
      // a conversation the list does not hold yet (just created, or set by the page)
      if (shown != null && !this.conversations.some((summary) => summary.id == shown)) this.refresh();
    }
    if (state?.panelVisible) this.#setList(withRead(this.conversations, shown));
  }

  /** Fetches the list again (the server's word replaces what the socket told). */
  refresh() {
    const session = this.#session;
    const contact = session?.store.getState().contact;
    if (!session || !contact) return;
    session.api.listConversations().then((list) => {
      // (an answer for an earlier session or contact is dropped)
      if (session !== this.#session || session.store.getState().contact?.sourceId !== contact.sourceId) return;
      this.loading = false;
      this.#setList(toSummaries(list));
      this.#host.requestUpdate();
    }, noop);
  }

  /** Shows the list (or the conversation again) and moves focus there. */
  showList(shown: boolean) {
    this.listShown = shown;
    this.confirming = false;
    if (shown) this.refresh();
    this.focusAfterRender(shown ? '[part~=conversation-item], [part~=new-conversation-button]' : 'akece-composer, [part~=new-conversation-button]');
  }

  /** Asks (or stops asking) whether to end the conversation shown. */
  askToEnd(asking: boolean) {
    this.confirming = asking;
    this.focusAfterRender(asking ? '.confirm-cancel' : '[part~=end-conversation-button]');
  }

  /** Moves focus to the first element matching `selector` once a render shows it. */
  focusAfterRender(selector: string) {
    this.#focusNext = selector;
    this.#host.requestUpdate();
  }

  #follow(session: ChatSession | null) {
    this.#unsubscribe();
    this.#unsubscribe = noop;
    this.#session = session;
    this.conversations = [];
    this.loading = true;
    this.#shown = undefined;
    this.#contact = session?.store.getState().contact?.sourceId;
    if (!session) return;
    panelCountsElsewhere(session); // (the launcher's count of the other conversations is this list's from now on)
    this.#unsubscribe = session.on('event', (event) => {
      this.#setList(withEvent(this.conversations, event, session.store.getState().conversationId ?? null));
      this.#host.requestUpdate();
    });
    this.refresh();
  }

  /** Keeps the list, and tells the session what is unread elsewhere. */
  #setList(list: readonly ConversationSummary[]) {
    if (list === this.conversations) return;
    this.conversations = list;
    // The conversation in view is the session's (this.#shown may not have caught up with it yet).
    const shown = this.#session?.store.getState().conversationId ?? null;
    this.#session?.setOtherUnread(unreadElsewhere(list, shown));
  }
}
