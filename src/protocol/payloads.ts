// Akece's (Chatwoot's) wire shapes, as shared/protocol/README.md documents them: the payloads of
// socket events (§3) and of the public client API (§5). Types only. Fields the server may omit
// are optional; nothing here is trusted until protocol/ or api/ has validated it at runtime.

/** `message_type`: 0 incoming (visitor), 1 outgoing (agent/bot), 2 activity, 3 template. */
export type WireMessageType = 0 | 1 | 2 | 3;

export interface WireSender {
  id?: number;
  name?: string;
  available_name?: string;
  avatar_url?: string;
  thumbnail?: string;
  /** 'contact' | 'user' | 'agent_bot' | 'captain_assistant' */
  type?: string;
  availability_status?: string | null;
  [key: string]: unknown;
}

export interface WireAttachment {
  id?: number;
  message_id?: number;
  /** 'image' | 'audio' | 'video' | 'file' | 'location' | 'fallback' | … */
  file_type?: string;
  extension?: string | null;
  content_type?: string;
  data_url?: string;
  thumb_url?: string;
  file_size?: number | null;
  width?: number | null;
  height?: number | null;
  fallback_title?: string;
  [key: string]: unknown;
}

/** The REST message shape (§5.5): a subset of the socket shape. */
export interface WireMessage {
  id: number;
  content: string | null;
  message_type: number;
  content_type?: string;
  content_attributes?: Record<string, unknown>;
  /** Unix seconds. */
  created_at: number;
  /** The conversation's display_id. */
  conversation_id: number;
  attachments?: WireAttachment[];
  sender?: WireSender;
  [key: string]: unknown;
}

/** The socket message shape (§3.3): REST fields plus these. */
export interface WireSocketMessage extends WireMessage {
  /** Present only when the creating request sent one. */
  echo_id?: string;
  status?: string;
  private?: boolean;
  sender_type?: string | null;
  updated_at?: string;
  inbox_id?: number;
  previous_changes?: Record<string, unknown>;
}

export interface WireConversation {
  /** display_id. */
  id: number;
  inbox_id?: number;
  status?: string;
  messages?: WireMessage[];
  contact_last_seen_at?: number;
  agent_last_seen_at?: number;
  meta?: {assignee?: WireSender | null; [key: string]: unknown};
  [key: string]: unknown;
}

export interface WireTyping {
  conversation: WireConversation;
  user?: WireSender;
  is_private?: unknown;
}

export interface WirePresence {
  account_id?: number;
  /** Agent id → 'online' | 'busy' | 'offline'. Missing agents are offline. */
  users: Record<string, string>;
}

export interface WireContact {
  id?: number;
  source_id?: string;
  pubsub_token?: string;
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  [key: string]: unknown;
}

/** A socket event that can reach a contact token, decoded and validated. */
export type AkeceEvent =
  | {event: 'message.created'; data: WireSocketMessage}
  | {event: 'message.updated'; data: WireSocketMessage}
  | {event: 'conversation.created'; data: WireConversation}
  | {event: 'conversation.status_changed'; data: WireConversation}
  | {event: 'conversation.updated'; data: WireConversation}
  | {event: 'conversation.typing_on'; data: WireTyping}
  | {event: 'conversation.typing_off'; data: WireTyping}
  | {event: 'presence.update'; data: WirePresence}
  | {event: 'contact.updated'; data: WireContact};

export type AkeceEventName = AkeceEvent['event'];
