// The English the closed widget speaks: the launcher's name and unread count, the live region
// (an agent's message or typing, read out while the panel is closed), and the one error it can
// show without the panel (the panel's code did not load). Built into the page-start chunk; the
// rest of English (src/i18n/en.ts, which includes these) arrives with the panel or with another
// language's catalogue, so a visitor who never opens the chat never downloads it.
import type {PluralForms, TextDirection} from './en.js';

export const launcherEnglish = {
  /** BCP 47 tag whose plural and number rules the entries are written for. */
  lang: 'en',
  dir: 'ltr' as TextDirection,
  show: 'Open chat',
  close: 'Close chat',
  unread_messages: {one: '{count} unread message', other: '{count} unread messages'} as PluralForms,
  typing: '{name} is typing…',
  agent: 'An agent',
  err_connect: 'Chat cannot connect right now.',
};

/** The entries of any catalogue that the closed widget uses. */
export type LauncherCatalogue = typeof launcherEnglish;
