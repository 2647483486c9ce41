// The emoji the visitor used last, remembered where the element's `storage` attribute says
// (contract §2: `local`, `session`, or `none`: nothing written, remembered while the page lives).

/** Where the recent emoji are kept. */
export type RecentStorage = 'local' | 'session' | 'none';

/** One key for the whole site: the visitor's favourite emoji do not depend on the inbox. */
const KEY = 'akece-chat:recent-emoji';
/** Two rows of the picker. */
const MAX_RECENT = 16;
/** Longer than any emoji sequence: what is stored is checked before it is shown. */
const MAX_EMOJI_LENGTH = 16;

/** Recent emoji per page for `none`, so the picker still remembers them while the page lives. */
let remembered: readonly string[] = [];

/** The Web Storage for `choice`, or null for `none` or where the page forbids storage (sandboxed frames). */
function storageFor(choice: RecentStorage): Storage | null {
  try {
    return choice == 'local' ? localStorage : choice == 'session' ? sessionStorage : null;
  } catch {
    return null;
  }
}

/** The recent emoji, most recent first. */
export function recentEmoji(choice: RecentStorage): readonly string[] {
  const storage = storageFor(choice);
  if (!storage) return remembered;
  try {
    const stored: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item == 'string' && item.length <= MAX_EMOJI_LENGTH).slice(0, MAX_RECENT) : [];
  } catch {
    return []; // unreadable (written by something else): start again
  }
}

/** Puts `emoji` first among the recent ones. */
export function rememberEmoji(choice: RecentStorage, emoji: string) {
  const list = [emoji, ...recentEmoji(choice).filter((item) => item != emoji)].slice(0, MAX_RECENT);
  const storage = storageFor(choice);
  if (!storage) {
    remembered = list;
    return;
  }
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch {
    // full or refused: the list stays as it was
  }
}
