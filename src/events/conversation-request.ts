import type {Intent} from './intent.js';
/**
 * The visitor asked something of the conversations (contract §9): open one (`conversationId`),
 * start a new one, go back to the list, end the one shown (ask first, confirm, cancel), or save
 * a copy of it.
 */
export type AkeceConversationRequestEvent = Intent<{
  action: 'open' | 'new' | 'list' | 'end' | 'confirm-end' | 'cancel-end' | 'transcript';
  conversationId?: number;
}>;

declare global {
  interface HTMLElementEventMap {
    'akece-conversation-request': AkeceConversationRequestEvent;
  }
}
