import type {Availability, ConnectionState, ConversationStatus, Message} from './model.js';

/** The contact this browser acts as: REST credential + socket token. */
export interface ContactRef {
  readonly sourceId: string;
  readonly pubsubToken: string;
}

export interface ChatError {
  readonly code: string;
  readonly message: string;
}

/** Everything the view renders. Immutable: every change makes a new object. */
export interface ChatState {
  readonly connection: ConnectionState;
  readonly contact: ContactRef | null;
  readonly conversationId: number | null;
  readonly conversationStatus: ConversationStatus | null;
  /** Oldest first: by createdAt then id; pending/failed (no id yet) last, by local time. */
  readonly messages: readonly Message[];
  /** Older pages may exist on the server. */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  /** An agent typing a public reply; `id` is the agent's id when known. */
  readonly agentTyping: {readonly name: string; readonly id: number | null} | null;
  readonly availability: Availability;
  /** Non-visitor messages newer than lastSeenAt (0 while the panel is visible). */
  readonly unreadCount: number;
  /** Unix ms of the newest message the visitor has seen (server clock). */
  readonly lastSeenAt: number;
  readonly error: ChatError | null;
  /** Panel open and page visible, as the element reports it. */
  readonly panelVisible: boolean;
}

/** Plain fields the session sets directly. */
export type ChatPatch = Partial<Omit<ChatState, 'messages' | 'unreadCount'>>;

export type ChatAction =
  | {type: 'set'; patch: ChatPatch}
  /** Server messages (socket events, REST pages, create responses with their echoId set), and
   * the visitor's own copies (no id; pending or failed), matched by echo id. */
  | {type: 'merge'; messages: readonly Message[]}
  /** Back to the initial state, keeping panelVisible. */
  | {type: 'reset'};

export const initialState: ChatState = {
  connection: 'idle',
  contact: null,
  conversationId: null,
  conversationStatus: null,
  messages: [],
  hasOlder: false,
  loadingOlder: false,
  agentTyping: null,
  availability: 'away',
  unreadCount: 0,
  lastSeenAt: 0,
  error: null,
  panelVisible: false,
};

/** The visitor's messages the server has not numbered yet stay last, in the order typed. */
const late = (m: Message) => +(m.id == null && m.role == 'visitor');
const order = (a: Message, b: Message) => late(a) - late(b) || a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0);

/**
 * Merges messages into the list. A message is matched by server id or by echo id, so the
 * socket echo and the REST create answer (given its echoId by the session) collapse into the
 * optimistic copy in any order, any number of times. Deleted, read and answered are sticky so an
 * older copy arriving late cannot undo them. Messages of other conversations are ignored.
 */
function merge(s: ChatState, incoming: readonly Message[]): ChatState {
  const list = [...s.messages];
  let typing = s.agentTyping;
  for (const m of incoming) {
    if (m.conversationId != null && m.conversationId !== s.conversationId) continue;
    const byId = list.findIndex((x) => (m.id == null ? x.key == m.key : x.id === m.id));
    const byEcho = m.echoId ? list.findIndex((x) => x.echoId === m.echoId) : -1;
    const i = byEcho < 0 ? byId : byEcho;
    const old = list[i];
    // A copy older than the one held (events can arrive out of order) changes nothing.
    if (old && m.updatedAt! && m.updatedAt! < old.updatedAt!) continue;
    if (old) {
      list[i] = {
        ...m,
        key: old.key,
        echoId: old.echoId || m.echoId,
        deleted: old.deleted || m.deleted,
        read: old.read || m.read,
        answer: m.answer || old.answer,
      };
      // Seen once by id (a page) and once by echo (our send): keep one.
      if (byId >= 0 && byId != i) list.splice(byId, 1);
    } else {
      list.push(m);
      const t = typing;
      if (t && m.role != 'visitor' && (t.id != null && m.sender?.id != null ? t.id == m.sender.id : t.name == m.sender?.name))
        typing = null;
    }
  }
  return {...s, messages: list.sort(order), agentTyping: typing};
}

/** The pure reducer. Seen/unread are derived here so they can never disagree with messages. */
export function reduce(s: ChatState, a: ChatAction): ChatState {
  const p = a.type == 'set' && (a.patch as Record<string, unknown>);
  const n =
    a.type == 'reset'
      ? {...initialState, panelVisible: s.panelVisible}
      : p
      ? Object.keys(p).some((k) => p[k] !== s[k as keyof ChatState])
        ? {...s, ...p}
        : s
      : a.type == 'merge' && a.messages.length
      ? merge(s, a.messages)
      : s;
  if (n === s) return s;
  const others = n.messages.filter((m) => m.role != 'visitor' && m.id != null);
  const lastSeenAt = n.panelVisible ? Math.max(n.lastSeenAt, ...others.map((m) => m.createdAt)) : n.lastSeenAt;
  const unreadCount = others.filter((m) => m.createdAt > lastSeenAt && !m.deleted).length;
  return {...n, lastSeenAt, unreadCount};
}
