// The element's API as an npm user types it (compile-only: `npm run check:types`).
import 'akece-chat';
import {AkeceChat} from 'akece-chat';
import {AkeceChat as SideEffectFree} from 'akece-chat/element';
import type {AkeceChatEvent, AkeceChatEventDetails, ConnectionState, ConversationStatus, Message, VisitorUser} from 'akece-chat';

const el = document.createElement('akece-chat'); // HTMLElementTagNameMap
export const typed: AkeceChat = el;
export const same: typeof SideEffectFree = AkeceChat;
export const found: AkeceChat | null = document.querySelector('akece-chat');

el.baseUrl = 'https://chat.example.com';
el.inboxIdentifier = 'inbox';
el.open = true;
el.layout = 'inline';
el.position = 'left';
el.theme = 'dark';
el.storage = 'none';
el.presenceInterval = 15;
el.conversationId = null;
// @ts-expect-error: not a layout
el.layout = 'sideways';
// @ts-expect-error: a number, not a string
el.presenceInterval = '15';
// @ts-expect-error: read-only
el.connectionState = 'idle';

export const state: ConnectionState = el.connectionState;
export const unread: number = el.unreadCount;
export const messages: readonly Message[] = el.messages;
export const sent: Promise<Message> = el.sendMessage('Hello');
const user: VisitorUser = {identifier: 'u-1', identifierHash: 'hmac', name: 'Ada', email: 'ada@example.com', customAttributes: {plan: 'pro'}};
export const identified: Promise<void> = el.setUser(user);
export const reset: Promise<void> = el.reset();
export const started: Promise<void> = el.startConversation();
export const opened: Promise<void> = el.openConversation(12);
export const ended: Promise<void> = el.endConversation();
// @ts-expect-error: a conversation id is a number
el.openConversation('12');
el.show();
el.hide();
el.toggle();

// Events: HTMLElementEventMap entries give each listener its typed `detail`.
el.addEventListener('akece-ready', (e) => e.detail);
el.addEventListener('akece-open-change', (e) => {
  const open: boolean = e.detail.open;
  return open;
});
el.addEventListener('akece-connection-change', (e) => {
  const now: ConnectionState = e.detail.state;
  const before: ConnectionState = e.detail.previous;
  return [now, before];
});
el.addEventListener('akece-message', (e) => {
  const m: Message = e.detail.message;
  return m.content.length + (m.id ?? 0);
});
el.addEventListener('akece-unread-change', (e) => e.detail.count.toFixed());
el.addEventListener('akece-conversation-status', (e) => {
  const status: ConversationStatus = e.detail.status;
  return status;
});
el.addEventListener('akece-conversation-change', (e) => {
  const id: number | null = e.detail.conversationId;
  return id;
});
el.addEventListener('akece-error', (e) => e.detail.code + e.detail.message);
// @ts-expect-error: no such field in the detail
el.addEventListener('akece-message', (e) => e.detail.text);

export const onMessage = (e: AkeceChatEvent<'akece-message'>) => e.detail.message.createdAt;
export const detail: AkeceChatEventDetails['akece-unread-change'] = {count: 1};
