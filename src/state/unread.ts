// What counts as unread, in one place: the timeline's summaries and the quiet start of a known
// contact (contact-watch.ts) must never disagree about the launcher's number.
import type {Message} from './model.js';

/** Messages from the other side, as the unread count and the seen time see them. */
export const isFromOthers = (message: Message) => message.role != 'visitor' && message.id != null;

/** A message from the other side that is still there (a deleted one is not worth a badge). */
export const countsAsUnread = (message: Message) => isFromOthers(message) && !message.deleted;
