// The contract's events about the chat's state (§4), said the same way whichever part of the
// session holds the state: the quiet start of a known contact, or the full session after it.
import type {ChatState} from '../state/chat-state.js';
import {emit} from '../events/public-events.js';
import type {SessionHost} from './session-controller.js';

/** Re-renders the element and tells the page what changed from `previous` to `next`. */
export function reportStateChanges(host: SessionHost, next: ChatState, previous: ChatState, followConversation: (conversationId: number | null) => void): void {
  host.requestUpdate();
  if (next.connection != previous.connection) emit(host, 'akece-connection-change', {state: next.connection, previous: previous.connection});
  if (next.unreadCount != previous.unreadCount) emit(host, 'akece-unread-change', {count: next.unreadCount});
  if (next.conversationId !== previous.conversationId) {
    followConversation(next.conversationId);
    emit(host, 'akece-conversation-change', {conversationId: next.conversationId});
  }
  if (next.conversationStatus && next.conversationStatus != previous.conversationStatus) emit(host, 'akece-conversation-status', {status: next.conversationStatus});
}
