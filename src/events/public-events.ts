// The public events of <akece-chat> (contract §4). They are CustomEvents so that pages read the
// payload the usual way, `event.detail`, in any framework; the map below types them for
// TypeScript users (`el.addEventListener('akece-message', (e) => e.detail.message)`).
import type {ConnectionState, ConversationStatus, Message} from '../state/model.js';

export interface AkeceChatEventDetails {
  'akece-ready': Record<string, never>;
  'akece-open-change': {open: boolean};
  'akece-connection-change': {state: ConnectionState; previous: ConnectionState};
  'akece-message': {message: Message};
  'akece-unread-change': {count: number};
  'akece-conversation-status': {status: ConversationStatus};
  /** The conversation shown changed; null: a new one the next message creates. */
  'akece-conversation-change': {conversationId: number | null};
  'akece-error': {code: string; message: string};
}

export type AkeceChatEventName = keyof AkeceChatEventDetails;

/** A public event of <akece-chat>: bubbles, composed, typed `detail`. */
export type AkeceChatEvent<K extends AkeceChatEventName> = CustomEvent<AkeceChatEventDetails[K]>;

/** Dispatches a public event on `target` once the change it reports is committed. */
export const emit = <K extends AkeceChatEventName>(target: EventTarget, type: K, detail: AkeceChatEventDetails[K]) =>
  target.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));

declare global {
  interface HTMLElementEventMap {
    'akece-ready': AkeceChatEvent<'akece-ready'>;
    'akece-open-change': AkeceChatEvent<'akece-open-change'>;
    'akece-connection-change': AkeceChatEvent<'akece-connection-change'>;
    'akece-message': AkeceChatEvent<'akece-message'>;
    'akece-unread-change': AkeceChatEvent<'akece-unread-change'>;
    'akece-conversation-status': AkeceChatEvent<'akece-conversation-status'>;
    'akece-conversation-change': AkeceChatEvent<'akece-conversation-change'>;
    'akece-error': AkeceChatEvent<'akece-error'>;
  }
}
