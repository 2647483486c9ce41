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

/** Fields the session sets directly (unreadCount is derived, whatever a patch says). */
export type ChatPatch = Partial<ChatState>;

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
const order = (a: Message, b: Message) => late(a) - late(b) || a.createdAt - b.createdAt || a.id! - b.id!;

/**
 * The pure reducer: applies `patch`, then merges `add` (server messages: socket events, REST
 * pages, create answers given their echoId; and the visitor's own copies, no id, pending or
 * failed). Returns `s` itself when nothing changed. A message is matched by server id or by echo
 * id, so the socket echo and the REST answer collapse into the optimistic copy in any order, any
 * number of times. Deleted, read and answered are sticky, and a copy older than the one held
 * (events arrive out of order) changes nothing. Messages of other conversations are ignored.
 * Seen/unread are derived here so they can never disagree with messages.
 */
export function reduce(s: ChatState, patch: ChatPatch, add: readonly (Message | null)[] = []): ChatState {
  const p = patch as Record<string, unknown>;
  if (!add.length && Object.keys(p).every((k) => p[k] === s[k as keyof ChatState])) return s;
  const n: {-readonly [K in keyof ChatState]: ChatState[K]} = {...s, ...patch};
  if (add.length) {
    const list = [...n.messages];
    for (const m of add) {
      if (!m || (m.conversationId && m.conversationId != n.conversationId)) continue;
      const j = list.findIndex((x) => (m.id == null ? x.key == m.key : x.id === m.id));
      // By echo only a copy the server has not numbered, or numbered the same: two server
      // messages with one echo id (a browser that sent the POST again) are two messages.
      let i = list.findIndex((x) => m.echoId && x.echoId == m.echoId && (x.id == null || m.id == null || x.id === m.id));
      if (i < 0) i = j;
      const o = list[i];
      const t = n.agentTyping;
      if (!o) {
        list.push(m);
        // The typing agent's message ends their typing.
        if (t && m.role != 'visitor' && (t.id != null ? t.id == m.sender?.id : t.name == m.sender?.name)) n.agentTyping = null;
      } else if (!(m.updatedAt! < o.updatedAt! && m.updatedAt)) {
        list[i] = {...m, key: o.key, echoId: o.echoId || m.echoId, deleted: o.deleted || m.deleted, read: o.read || m.read, answer: m.answer || o.answer};
        // Seen once by id (a page) and once by echo (our send): keep one.
        if (j >= 0 && j != i) list.splice(j, 1);
      }
    }
    n.messages = list.sort(order);
  }
  // Visible: everything from others is seen. Hidden: what is newer than that is unread.
  n.unreadCount = 0;
  for (const m of n.messages)
    if (m.role != 'visitor' && m.id != null)
      if (n.panelVisible) n.lastSeenAt = Math.max(n.lastSeenAt, m.createdAt);
      else if (m.createdAt > n.lastSeenAt && !m.deleted) n.unreadCount++;
  return n;
}
