// A known contact's quiet start (contract §8: a known contact "connects at load, counts
// unread"): the socket, the conversation that would be shown and its unread count, and nothing
// more. The full session (chat-session.ts: the timeline, history, writing, every error's
// recovery) is a larger chunk, loaded only once something needs it: the visitor opens the
// panel, the page calls a method, a message arrives, something is unread (its preview needs the
// session), or anything unusual happens. Most returning visitors read nothing new on most pages,
// so most pages never load it.
//
// The watch hands over what it has, so that the session neither reconnects nor asks again: the
// connected cable, the conversation and its latest page as fetched, and every event heard since
// (replayed by the session in order, so that what is new is announced as live). Anything it
// does not handle itself (an error, a contact the server no longer knows) it hands over without
// a cable: the session starts afresh and recovers as it always does.

import type {ContactApi} from '../api/contact-api.js';
import {ApiError, isAbort} from '../api/errors.js';
import type {ConversationDto} from '../api/types.js';
import type {AkeceEvent} from '../protocol/payloads.js';
import type {CableLike} from './chat-session.js';
import {lastSeenAtOf, latestConversation, statusOf} from './conversation-facts.js';
import {Emitter} from './emitter.js';
import type {Availability, ConnectionState, ConversationStatus, Message} from './model.js';
import {toMessage} from './normalize.js';
import {countsAsUnread} from './unread.js';

/** What the watch knows, as the launcher and the page's events need it. */
export interface WatchState {
  readonly connection: ConnectionState;
  readonly conversationId: number | null;
  readonly conversationStatus: ConversationStatus | null;
  /** The latest page of the conversation, oldest first (what `messages` reads before the panel opens). */
  readonly messages: readonly Message[];
  readonly availability: Availability | null;
  readonly lastSeenAt: number;
  /** Replies unseen in the contact's other conversations (counted in `unreadCount` too). */
  readonly otherUnread: number;
  readonly unreadCount: number;
}

/** What the session takes over (see the file's header). */
export interface Handover {
  readonly cable: CableLike;
  /** The contact the cable speaks for (the session drops the cable if it starts as another). */
  readonly pubsubToken: string;
  /** The conversation to show and its latest page; absent when the watch had not looked yet. */
  readonly looked?: {readonly conversation: ConversationDto | null; readonly page: readonly unknown[]; readonly otherUnread: number};
  /** What the socket said since the watch began, in order. */
  readonly events: readonly AkeceEvent[];
}

export interface WatchEvents {
  change: WatchState;
  /** The session is needed: `fresh`, it starts afresh (see `handOver`). */
  'needs-session': {fresh: boolean};
}

/** At most this many events are held for the session; past it, the session takes over. */
const MAX_HELD_EVENTS = 200;

/** Messages from the other side in `messages` newer than `lastSeenAt` (unix ms). */
const unreadAfter = (messages: readonly (Message | null)[], lastSeenAt: number) => messages.filter((message) => message != null && countsAsUnread(message) && message.createdAt > lastSeenAt).length;

/**
 * Replies unseen in the listed conversations other than `shown`: each listed conversation
 * carries every public message (protocol README §5.4), so this needs no request of its own.
 */
function unreadElsewhere(listed: readonly unknown[], shown: ConversationDto | null): number {
  let count = 0;
  for (const item of listed) {
    const conversation = item as ConversationDto & {messages?: unknown};
    if (typeof item != 'object' || item == null || conversation.id === shown?.id || !Array.isArray(conversation.messages)) continue;
    count += unreadAfter(conversation.messages.map(toMessage), lastSeenAtOf(conversation));
  }
  return count;
}

const byDisplayOrder = (first: Message, second: Message) => first.createdAt - second.createdAt || (first.id ?? 0) - (second.id ?? 0);

export class ContactWatch {
  state: WatchState = {connection: 'idle', conversationId: null, conversationStatus: null, messages: [], availability: null, lastSeenAt: 0, otherUnread: 0, unreadCount: 0};

  private readonly events = new Emitter<WatchEvents>();
  private readonly unsubscribe: (() => void)[] = [];
  private held: AkeceEvent[] = [];
  private looked: Handover['looked'];
  /** Handed over or disposed of: it says nothing more. */
  private finished = false;

  /** @param contact the contact watched (its socket token), and the conversation the page asked for, else the contact's latest */
  constructor(
    private readonly api: ContactApi,
    private readonly cable: CableLike,
    private readonly contact: {readonly pubsubToken: string; readonly conversationId?: number}
  ) {}

  on<Type extends keyof WatchEvents>(type: Type, listener: (detail: WatchEvents[Type]) => void): () => void {
    return this.events.on(type, listener);
  }

  /** It has looked: `state.conversationId` is the conversation the session would show. */
  get hasLooked(): boolean {
    return this.looked != null;
  }

  /** Connects, and looks at the conversation at once (as the session would). */
  start(): void {
    const cable = this.cable;
    this.unsubscribe.push(
      cable.on('state', ({state}) => this.change({connection: state})),
      cable.on('event', (event) => this.heard(event)),
      // After a drop, look again: what arrived meanwhile may be unread.
      cable.on('subscribed', ({resumed}) => resumed && void this.look()),
      // A dropped socket comes back by itself; anything else is the session's to recover from.
      cable.on('error', ({code, fatal}) => (fatal || code != 'socket-error') && this.needSession(false))
    );
    cable.connect();
    void this.look();
  }

  /**
   * Stops watching and hands over what it has (see the file's header); a fresh start (`withCable`
   * false) closes the cable. Once only.
   */
  handOver(withCable: boolean): Handover | null {
    if (this.finished) return null;
    this.finished = true;
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.events.clear();
    if (withCable) return {cable: this.cable, pubsubToken: this.contact.pubsubToken, looked: this.looked, events: this.held};
    this.cable.dispose();
    return null;
  }

  dispose(): void {
    this.handOver(false);
  }

  private async look(): Promise<void> {
    try {
      const asked = this.contact.conversationId;
      const listed = asked == null ? await this.api.listConversations() : [];
      const conversation = (asked == null ? latestConversation(listed) : await this.api.getConversation(asked)) ?? null;
      const page = conversation ? await this.api.getMessages(conversation.id) : [];
      if (this.finished) return;
      const otherUnread = unreadElsewhere(listed, conversation);
      this.looked = {conversation, page, otherUnread};
      const lastSeenAt = conversation ? Math.max(this.state.lastSeenAt, lastSeenAtOf(conversation)) : 0;
      const messages = page
        .map(toMessage)
        .filter((message): message is Message => message != null && message.conversationId === conversation?.id)
        .sort(byDisplayOrder);
      const unreadCount = unreadAfter(messages, lastSeenAt) + otherUnread;
      this.change({conversationId: conversation?.id ?? null, conversationStatus: (conversation && statusOf(conversation)) ?? null, messages, lastSeenAt, otherUnread, unreadCount});
      // Unread messages are previewed beside the launcher, which reads them from the session.
      if (unreadCount) this.needSession(true);
    } catch (error) {
      // A contact gone, a server down, a page that asks for a conversation not its own: the
      // session reports, retries or replaces, as it always does.
      if (!isAbort(error) && !this.finished) this.needSession(!(error instanceof ApiError && error.notFound));
    }
  }

  /** Holds what the socket says for the session; what the session must show calls it in. */
  private heard(event: AkeceEvent): void {
    if ((event.event == 'conversation.typing_on' || event.event == 'conversation.typing_off') && event.data.is_private) return; // an agents' note
    if (event.event == 'presence.update') {
      // Only the latest availability matters to the session.
      this.held = this.held.filter((held) => held.event != 'presence.update');
      this.held.push(event);
      this.change({availability: Object.values(event.data.users ?? {}).includes('online') ? 'online' : 'away'});
      return;
    }
    this.held.push(event);
    // A new message (a preview, a chime, the page's event), an agent typing (read out, the panel
    // closed or not) or a conversation changing: the session shows it.
    if (event.event == 'message.created' || (event.event.startsWith('conversation.') && event.event != 'conversation.typing_off') || this.held.length > MAX_HELD_EVENTS) this.needSession(true);
  }

  private change(fields: Partial<WatchState>): void {
    this.state = {...this.state, ...fields};
    this.events.emit('change', this.state);
  }

  private needSession(withCable: boolean): void {
    if (this.finished) return;
    this.events.emit('needs-session', {fresh: !withCable});
  }
}
