// The widget's domain model: what the state layer holds and the components render.
// Plain, immutable data with no DOM and no server quirks: the api/ and protocol/ layers
// translate Akece's wire shapes (integer message types, unix seconds, absent keys) into these.

/** Connection states of the contract (§2, `connectionState`). */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

/** Conversation statuses as Akece sends them. */
export type ConversationStatus = 'open' | 'pending' | 'resolved' | 'snoozed';

/** Agent availability as shown in the header. */
export type Availability = 'online' | 'away';

/** Who wrote a message: the visitor, an agent (or bot), or the system (templates, status notes). */
export type SenderRole = 'visitor' | 'agent' | 'system';

/** Who a sender is, as Akece's `sender.type` says: agents are `user`; '' when not said. */
export type SenderType = 'contact' | 'user' | 'agent_bot' | 'captain_assistant' | '';

export interface Sender {
  /** A bot and an agent may share an id: the type tells them apart. */
  readonly type: SenderType;
  readonly id: number | null;
  readonly name: string;
  /** An http(s) URL or the empty string. */
  readonly avatarUrl: string;
}

export type AttachmentKind = 'image' | 'audio' | 'video' | 'file' | 'location' | 'other';

export interface Attachment {
  readonly kind: AttachmentKind;
  /** Full-size or download URL (a redirect on Akece). */
  readonly url: string;
  /** Thumbnail URL for images, else ''. */
  readonly thumbUrl: string;
  readonly fileName: string;
  readonly size: number | null;
}

/** An option of an `input_select` message, or an action of a card. */
export interface ChoiceItem {
  readonly title: string;
  readonly value: string;
}

export interface CardItem {
  readonly title: string;
  readonly description: string;
  readonly mediaUrl: string;
  /** A link (`uri`), else a button that sends `text`. */
  readonly actions: readonly {readonly text: string; readonly uri: string}[];
}

export interface ArticleItem {
  readonly title: string;
  readonly description: string;
  readonly link: string;
}

/** What the visitor answered to a bot or CSAT message, once known. */
export type SubmittedAnswer =
  | {readonly kind: 'select'; readonly values: readonly ChoiceItem[]}
  | {readonly kind: 'email'; readonly email: string}
  | {readonly kind: 'csat'; readonly rating: number; readonly feedback: string};

/** The content of a message, by type. Unknown types fall back to `text`. */
export type MessageBody =
  | {readonly type: 'text'}
  | {readonly type: 'input_select'; readonly items: readonly ChoiceItem[]}
  | {readonly type: 'input_email'}
  | {readonly type: 'input_csat'; readonly display: 'emoji' | 'star'}
  | {readonly type: 'cards'; readonly items: readonly CardItem[]}
  | {readonly type: 'article'; readonly items: readonly ArticleItem[]}
  /** A conversation status change shown in the stream (role 'system'). */
  | {readonly type: 'status'; readonly status: ConversationStatus};

/** Client-side delivery status of the visitor's own messages; server messages are 'sent'. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** A message as the widget shows it. Read-only; the contract's `messages` property returns these. */
export interface Message {
  /**
   * Stable for the message's whole life in the view: `echo:<echoId>` for a message sent from
   * this widget (it keeps that key once the server confirms it), else the server id as a string.
   */
  readonly key: string;
  /** Server id, or null while a visitor message is pending or failed. */
  readonly id: number | null;
  /** The echo_id the visitor's message was sent with, if any. */
  readonly echoId: string | null;
  readonly conversationId: number | null;
  readonly role: SenderRole;
  readonly sender: Sender | null;
  /** Text as sent (agent text may be Markdown). Never HTML. */
  readonly content: string;
  readonly body: MessageBody;
  readonly attachments: readonly Attachment[];
  /** Unix milliseconds. */
  readonly createdAt: number;
  readonly status: DeliveryStatus;
  /** Agent deleted it. */
  readonly deleted: boolean;
  /** Agent's read receipt reached this message ('read' on Akece). */
  readonly read: boolean;
  readonly answer: SubmittedAnswer | null;
  /** Why a visitor message failed, for the retry UI. */
  readonly error: string | null;
  /** Unix ms of the server's last change (socket events carry it), to keep the newest copy. */
  readonly updatedAt?: number;
  /** Server id of the message this one answers (`content_attributes.in_reply_to`), else null or absent. */
  readonly inReplyTo?: number | null;
  /**
   * A visitor message whose files this browser could not keep for after a reload (no room left,
   * or a private mode without IndexedDB): `at-risk` while they are still in memory (leaving the
   * page before it is sent loses them), `lost` once a reload found them gone. Absent otherwise.
   */
  readonly filesNotKept?: 'at-risk' | 'lost';
}

/** The visitor identity accepted by `setUser()`. */
export interface VisitorUser {
  identifier?: string;
  identifierHash?: string;
  name?: string;
  email?: string;
  phoneNumber?: string;
  avatarUrl?: string;
  customAttributes?: Record<string, unknown>;
}

/**
 * The conversation's messages in display order (oldest first), as the view reads them: a length,
 * indexed access and slices for the rows on screen, and iteration. A plain readonly array is one;
 * the state layer may hold a structure that adds a message without copying the whole list.
 */
export type MessageSequence = Pick<readonly Message[], 'length' | 'at' | 'slice'> & Iterable<Message>;
