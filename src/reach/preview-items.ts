// Which messages the previews show: a selector over the session's state.
import type {ChatState} from '../state/chat-state.js';
import type {PreviewItem} from '../components/previews/previews.js';

/** At most this many previews. */
export const MAX_PREVIEWS = 3;

/** Texts for a message without a name or without text. */
export interface PreviewFallbacks {
  agent: string;
  attachment: string;
}

/**
 * The newest unread messages from the other side that are newer than `after` (the newest one the
 * visitor dismissed), oldest first, at most three: only what has something to read (text, or an
 * attachment said as such), never a deleted message or a status note.
 */
export function previewItems(state: ChatState, after: number, fallbacks: PreviewFallbacks): PreviewItem[] {
  const items: PreviewItem[] = [];
  if (!state.unreadCount) return items;
  const newerThan = Math.max(after, state.lastSeenAt);
  const {messages} = state;
  for (let index = messages.length - 1; index >= 0 && items.length < MAX_PREVIEWS; index--) {
    const message = messages.at(index)!;
    if (message.role == 'visitor') continue;
    if (message.createdAt <= newerThan) break; // display order is by time: the rest is older
    const text = message.content.trim() || (message.attachments.length ? fallbacks.attachment : '');
    if (message.id == null || message.deleted || message.role != 'agent' || !text) continue;
    items.unshift({key: message.key, name: message.sender?.name || fallbacks.agent, text, createdAt: message.createdAt});
  }
  return items;
}
