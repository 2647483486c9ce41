// The state the view renders, the actions that change it, and the pure reducer.
//
// Room for several conversations per contact (issue 14): the messages are a timeline of one
// conversation (`MessageTimeline`), and messages of any other conversation are ignored. Holding
// several means a map of conversation id → {timeline, status, hasOlder, lastSeenAt} beside
// `conversationId` as the selected one, with `messages` and the other per-conversation fields
// read from the selected entry; the merge below already works per timeline.

import {MessageTimeline} from './message-timeline.js';
import {emptyChatState} from './empty-state.js';
import type {Availability, ConnectionState, ConversationStatus, Message, MessageSequence} from './model.js';
import type {StoredContact} from './persisted-session.js';

/** The contact this browser acts as: REST credential + socket token. */
export type ContactRef = StoredContact;

export interface ChatError {
  readonly code: string;
  readonly message: string;
}

/** An agent typing a public reply; `id` is the agent's id when known. */
export interface AgentTypist {
  readonly name: string;
  readonly id: number | null;
}

/** Everything the view renders. Immutable: every change makes a new object. */
export interface ChatState {
  readonly connection: ConnectionState;
  readonly contact: ContactRef | null;
  readonly conversationId: number | null;
  readonly conversationStatus: ConversationStatus | null;
  /** Oldest first: by createdAt then id; pending/failed (no id yet) last, in the order typed. */
  readonly messages: MessageSequence;
  /** Older pages may exist on the server. */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  readonly agentTyping: AgentTypist | null;
  /** Whether an agent is online, by the server's latest presence report (null: none yet). */
  readonly availability: Availability | null;
  /** Non-visitor messages newer than lastSeenAt (none while the panel is visible), plus otherUnread. */
  readonly unreadCount: number;
  /** Unread agent messages in the contact's other conversations (told by the conversation list). */
  readonly otherUnread: number;
  /** Unix ms of the newest message the visitor has seen (server clock). */
  readonly lastSeenAt: number;
  readonly error: ChatError | null;
  /** Panel open and page visible, as the element reports it. */
  readonly panelVisible: boolean;
}

export const initialState: ChatState = emptyChatState(MessageTimeline.empty);

export type ChatAction =
  | {readonly type: 'connection-changed'; readonly connection: ConnectionState}
  /** A problem to show (null: none); `connection` too when it stops the chat. */
  | {readonly type: 'error-changed'; readonly error: ChatError | null; readonly connection?: ConnectionState}
  | {readonly type: 'contact-changed'; readonly contact: ContactRef | null}
  /** The conversation in view, its status and the contact's last-seen time (never goes back). */
  | {readonly type: 'conversation-changed'; readonly conversationId: number; readonly status: ConversationStatus | null; readonly lastSeenAt: number}
  /** Messages to merge (null: a wire message that is not shown); `hasOlder` with a history page. */
  | {readonly type: 'messages-received'; readonly messages: readonly (Message | null)[]; readonly hasOlder?: boolean}
  /** Another conversation in view (null: a new one, not yet created): its messages follow. */
  | {readonly type: 'conversation-shown'; readonly conversationId: number | null}
  | {readonly type: 'other-unread-changed'; readonly count: number}
  | {readonly type: 'older-loading'; readonly loading: boolean}
  | {readonly type: 'agent-typing'; readonly typist: AgentTypist | null}
  | {readonly type: 'availability-changed'; readonly availability: Availability}
  | {readonly type: 'panel-visibility-changed'; readonly visible: boolean}
  /** Forget the contact and the view; only the panel's visibility stays. */
  | {readonly type: 'session-reset'};

type Draft = {-readonly [Field in keyof ChatState]: ChatState[Field]};

/** The state's messages as a timeline (a state built by hand may hold a plain array). */
const timelineOf = (messages: MessageSequence): MessageTimeline =>
  messages instanceof MessageTimeline ? messages : MessageTimeline.of(messages);

/** The pure reducer: returns `state` itself when the action changes nothing. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'connection-changed':
      return withFields(state, {connection: action.connection});
    case 'error-changed':
      return withFields(state, action.connection ? {error: action.error, connection: action.connection} : {error: action.error});
    case 'contact-changed':
      return withFields(state, {contact: action.contact});
    case 'conversation-changed':
      return withFields(state, {
        conversationId: action.conversationId,
        conversationStatus: action.status,
        lastSeenAt: Math.max(state.lastSeenAt, action.lastSeenAt),
      });
    case 'conversation-shown':
      return withFields(state, {
        conversationId: action.conversationId,
        conversationStatus: null,
        messages: MessageTimeline.empty,
        hasOlder: false,
        agentTyping: null,
        lastSeenAt: 0,
      });
    case 'other-unread-changed':
      return withFields(state, {otherUnread: action.count});
    case 'messages-received':
      return withMessages(state, action.messages, action.hasOlder);
    case 'older-loading':
      return withFields(state, {loadingOlder: action.loading});
    case 'agent-typing':
      return withFields(state, {agentTyping: action.typist});
    case 'availability-changed':
      return withFields(state, {availability: action.availability});
    case 'panel-visibility-changed':
      return withFields(state, {panelVisible: action.visible});
    case 'session-reset':
      return withFields(state, {...initialState, panelVisible: state.panelVisible});
  }
}

/** `state` with `fields` set, or `state` itself when none of them changes. */
function withFields(state: ChatState, fields: Partial<ChatState>): ChatState {
  const changed = (Object.keys(fields) as (keyof ChatState)[]).some((field) => fields[field] !== state[field]);
  return changed ? withSeenAndUnread({...state, ...fields}) : state;
}

/** Seen and unread follow from the messages and the panel, so they never disagree with them:
 * while visible, everything from the other side is seen; while hidden, what is newer is unread. */
function withSeenAndUnread(draft: Draft): ChatState {
  const timeline = timelineOf(draft.messages);
  draft.messages = timeline;
  if (draft.panelVisible) {
    draft.lastSeenAt = Math.max(draft.lastSeenAt, timeline.newestFromOthers);
    draft.unreadCount = draft.otherUnread;
  } else {
    draft.unreadCount = timeline.countUnreadAfter(draft.lastSeenAt) + draft.otherUnread;
  }
  return draft;
}

/** Whether `message` is the typing agent's: their message ends their typing. */
function isByTypist(message: Message, typist: AgentTypist): boolean {
  if (message.role == 'visitor') return false;
  return typist.id != null ? typist.id == message.sender?.id : typist.name == message.sender?.name;
}

/**
 * Merges server messages (socket events, REST pages, create answers given their echoId) and the
 * visitor's own copies (no id, pending or failed). A message is matched by server id (or by key
 * when it has none) and by echo id, so the socket echo and the REST answer of a send collapse
 * into the optimistic copy in any order, any number of times. Deleted, read and answered are
 * sticky, and a copy older than the one held (events arrive out of order) changes nothing.
 * Messages of other conversations are ignored. Each message costs O(log n).
 */
function withMessages(state: ChatState, messages: readonly (Message | null)[], hasOlder?: boolean): ChatState {
  const draft: Draft = {...state};
  if (hasOlder != null) draft.hasOlder = hasOlder;
  let timeline = timelineOf(state.messages);
  for (const message of messages) {
    if (!message || (message.conversationId && message.conversationId != draft.conversationId)) continue;
    const sameMessage = message.id == null ? timeline.placeOfKey(message.key) : timeline.placeOfId(message.id);
    // By echo id only a copy the server has not numbered, or numbered the same: two server
    // messages with one echo id (a browser that sent the POST again) are two messages.
    const sameSend = message.echoId
      ? timeline.firstWithEchoId(message.echoId, (held) => held.id == null || message.id == null || held.id === message.id)
      : undefined;
    const held = sameSend ?? sameMessage;
    if (!held) {
      timeline = timeline.add(message);
      if (draft.agentTyping && isByTypist(message, draft.agentTyping)) draft.agentTyping = null;
      continue;
    }
    const old = held.message;
    const isOlderCopy = !!message.updatedAt && old.updatedAt != null && message.updatedAt < old.updatedAt;
    if (isOlderCopy) continue;
    const merged: Message = {
      ...message,
      key: old.key,
      echoId: old.echoId || message.echoId,
      deleted: old.deleted || message.deleted,
      read: old.read || message.read,
      answer: message.answer || old.answer,
    };
    // Seen once by id (a page) and once by echo (our send): keep one.
    timeline = timeline.replace(held, merged, sameMessage);
  }
  if (timeline === state.messages && draft.hasOlder === state.hasOlder && draft.agentTyping === state.agentTyping) return state;
  draft.messages = timeline;
  return withSeenAndUnread(draft);
}
