import type {ChatState} from './chat-state.js';
import type {Message} from './model.js';

export const selectMessages = (s: ChatState): readonly Message[] => s.messages;
export const selectUnread = (s: ChatState): number => s.unreadCount;
/** The visitor's messages not yet on the server (pending or failed). */
export const selectOutbox = (s: ChatState): readonly Message[] => s.messages.filter((m) => m.id == null);

/**
 * Consecutive messages by the same author within `windowMs` (5 min) of the previous one, for
 * bubbles that show the name and avatar once per group.
 */
export function groupMessages(messages: readonly Message[], windowMs = 300000): Message[][] {
  const groups: Message[][] = [];
  let prev: Message | undefined;
  for (const m of messages) {
    const same =
      prev &&
      prev.role == m.role &&
      (m.role == 'visitor' || prev.sender?.id == m.sender?.id) &&
      m.createdAt - prev.createdAt <= windowMs;
    if (same) groups[groups.length - 1].push(m);
    else groups.push([m]);
    prev = m;
  }
  return groups;
}
