// How the session reads a conversation the server sent: which one of the contact's conversations
// is shown at start, its status and when the visitor last saw it. Shared by ChatSession and the
// quiet start of a known contact (contact-watch.ts), which must pick the same conversation.
import type {ConversationDto} from '../api/types.js';
import type {ConversationStatus} from './model.js';

const CONVERSATION_STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'resolved', 'snoozed'];

/** The conversation shown at start: the latest unresolved one, else the latest (undefined: none). */
export function latestConversation(listed: readonly unknown[]): ConversationDto | undefined {
  const rank = (conversation: ConversationDto) => conversation.id + (conversation.status == 'resolved' ? 0 : 1e12);
  let latest: ConversationDto | undefined;
  for (const item of listed) {
    const candidate = item as ConversationDto;
    if (typeof item == 'object' && item != null && Number.isFinite(candidate.id) && (!latest || rank(candidate) > rank(latest))) latest = candidate;
  }
  return latest;
}

/** Its status, when the server sent one this code knows. */
export function statusOf(conversation: ConversationDto): ConversationStatus | undefined {
  return CONVERSATION_STATUSES.find((known) => known === conversation.status);
}

/** When the visitor last saw it, in unix ms (0: never). */
export function lastSeenAtOf(conversation: ConversationDto): number {
  const seenSeconds = conversation.contact_last_seen_at;
  return typeof seenSeconds == 'number' && Number.isFinite(seenSeconds) ? seenSeconds * 1000 : 0;
}
