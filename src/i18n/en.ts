// English, built in: the fallback for every other catalogue (loadLocale fills missing keys from
// it) and the source of the Catalogue type every other catalogue must match.
//
// Three kinds of entry:
// - a text, whose `{…}` placeholders `t()` fills;
// - a set of plural forms (PluralForms), picked by `plural()` with the catalogue's own `lang`
//   (Intl.PluralRules: English has `one` and `other`, Arabic all six);
// - `on_weekday`, seven phrases Sunday first ("on Monday"), because many languages change the
//   weekday's case or preposition after "on" (Russian "в среду", Polish "we wtorek").
// Plus two facts about the catalogue itself: `lang` (whose plural and number rules apply) and `dir`.

import {launcherEnglish} from './en-launcher.js';

/** Text direction of a catalogue or a language tag. */
export type TextDirection = 'ltr' | 'rtl';

/** One phrasing per plural category of `Intl.PluralRules`; `other` is always required. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Seven phrases, Sunday first (the order of `Date.prototype.getDay()`). */
export type Weekdays = readonly [string, string, string, string, string, string, string];

/** Types an English entry as a plural set (so other languages may add `zero`, `two`, `few`, `many`). */
const plurals = (forms: PluralForms): PluralForms => forms;
const weekdays = (days: Weekdays): Weekdays => days;

export const en = {
  // lang, dir, and what the closed widget says (launcher, live region): src/i18n/en-launcher.ts
  ...launcherEnglish,

  // Header, launcher and panel
  title: 'Chat with us',
  subtitle: 'We usually reply in minutes',
    online: 'Online',
  away: 'Away',
  more_options: 'More options',

  // Message list
  messages: 'Messages',
  older: 'Show older',
  loading: 'Loading…',
  you: 'You',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  deleted: 'Message deleted',
  // status notes, by conversation status
  open: 'Chat reopened',
  resolved: 'Chat resolved',
  pending: 'Chat waiting for the team',
  snoozed: 'Chat on hold',
  image: 'Image',
  file: 'File',
  new_messages: plurals({one: '{count} new message', other: '{count} new messages'}),

  // Composer
  input: 'Type a message',
  send: 'Send',
  attach: 'Attach files',

  // Connection and errors
  reconnecting: 'Reconnecting…',
  offline: 'You are offline; messages will be sent later.',
  err_config: 'Chat is not set up correctly.',

  // Bot forms (CSAT and email); `rating` is "{n} of 5"
  email: 'Your email',
  submit: 'Submit',
  rate: 'Rate this chat',
  rating: '{n} of 5',
  feedback: 'Comments (optional)',
  email_saved: 'Thanks! We’ll get back to you at {email}.',

  // Satisfaction survey (CSAT): the question, a name per rating for screen readers, the thanks
  csat_question: 'How would you rate this conversation?',
  csat_1: 'Terrible',
  csat_2: 'Bad',
  csat_3: 'Okay',
  csat_4: 'Good',
  csat_5: 'Great',
  csat_comment: 'Add a comment (optional)',
  csat_thanks: 'Thanks for your feedback!',
  /** {rating}: a rating's name (`csat_4`) or "4 of 5". */
  csat_rated: 'You rated {rating}',

  // Conversation list (contract §9)
  conversations: 'Conversations',
  new_conversation: 'New conversation',
  back: 'Back to conversations',
  status_open: 'Open',
  status_resolved: 'Resolved',
  /** Pending: not yet taken up by a person (a bot may be answering). */
  status_pending: 'Waiting for the team',
  /** Snoozed: the team set it aside until later. */
  status_snoozed: 'On hold',
  no_conversations: 'No conversations yet',
  no_messages: 'No messages yet',
  /** A list item's latest message when the visitor wrote it. */
  preview_you: 'You: {text}',
  /** A list item's latest message when it is only an attachment. */
  preview_attachment: 'Sent an attachment',

  // Ending a conversation, the ended state, the transcript
  end_conversation: 'End conversation',
  end_confirm: 'End this conversation?',
  end_confirm_detail: 'You can start a new one at any time.',
  end: 'End',
  cancel: 'Cancel',
  ended: 'This conversation has ended',
  start_new: 'Start a new conversation',
  transcript: 'Download a copy',
  /** First line of the transcript file; {name}: the inbox or team name. */
  transcript_heading: 'Your conversation with {name}',
  /** {date}: when the copy was made, already formatted. */
  transcript_saved: 'Saved on {date}',

  // Previews, sound and notifications (contract §10)
  preview_from: 'New message from {name}',
  preview_dismiss: 'Dismiss',
  sound_mute: 'Mute sounds',
  sound_unmute: 'Unmute sounds',
  notifications_on: 'Turn on notifications',
  notifications_enabled: 'Notifications are on',
  notifications_denied: 'Notifications are blocked. You can allow them in your browser’s settings.',

  // Availability and first contact (contract §11)
  /** {time}: a time of day, already formatted (`formatTime`). */
  back_today: 'Back today at {time}',
  back_tomorrow: 'Back tomorrow at {time}',
  /** {day}: a phrase of `on_weekday`. */
  back_on_day: 'Back {day} at {time}',
  /** {date}: a day and month, already formatted (more than a week ahead). */
  back_on_date: 'Back on {date} at {time}',
  on_weekday: weekdays(['on Sunday', 'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday']),
  reply_minutes: 'Usually replies in a few minutes',
  reply_hours: 'Usually replies in a few hours',
  reply_day: 'Usually replies in a day',
  greeting: 'Hi there! How can we help?',
  away_notice: 'We’re away right now, but leave a message and we’ll get back to you.',
  /** In the middle of a conversation not yet written (no greeting set), inviting the first message. */
  empty_conversation: 'Ask us anything. We’re here to help.',
  away_email_ask: 'Leave your email so we can reply',

  // Pre-chat form and its errors (each tied to its field, so none names the field)
  prechat_intro: 'Tell us a little about yourself and we’ll be right with you.',
  field_name: 'Name',
  field_email: 'Email',
  field_phone: 'Phone',
  field_optional: '(optional)',
  select_placeholder: 'Choose…',
  prechat_start: 'Start chat',
  error_required: 'Please fill in this field.',
  error_checkbox: 'Please tick this box to continue.',
  error_select: 'Please choose an option.',
  error_email: 'Please enter a valid email address, like name@example.com.',
  error_phone: 'Please enter a valid phone number, like +1 555 123 4567.',
  error_pattern: 'Please match the requested format.',
  error_number: 'Please enter a number.',
  identity_required: 'Please sign in to chat with us.',

  // Emoji picker (contract §12)
  emoji_open: 'Add an emoji',
  emoji_search: 'Search emoji',
  emoji_recent: 'Recently used',
  emoji_none: 'No emoji found',
  emoji_smileys: 'Smileys & emotion',
  emoji_people: 'People & body',
  emoji_animals: 'Animals & nature',
  emoji_food: 'Food & drink',
  emoji_travel: 'Travel & places',
  emoji_activities: 'Activities',
  emoji_objects: 'Objects',
  emoji_symbols: 'Symbols',
  emoji_flags: 'Flags',
  emoji_skin_tone: 'Skin tone',
  emoji_tone_default: 'Default',
  emoji_tone_light: 'Light',
  emoji_tone_medium_light: 'Medium-light',
  emoji_tone_medium: 'Medium',
  emoji_tone_medium_dark: 'Medium-dark',
  emoji_tone_dark: 'Dark',

  // Files: {name} a file name, {size} a formatted size (`formatFileSize`), {percent} a formatted percentage
  file_remove: 'Remove {name}',
  file_too_large: '{name} is larger than {size}',
  file_type_refused: '{name} can’t be sent: this type of file isn’t accepted',
  files_max: plurals({one: 'You can send up to {count} file', other: 'You can send up to {count} files'}),
  files_count: plurals({one: '{count} file', other: '{count} files'}),
  uploading: 'Uploading… {percent}',
  upload_failed: 'Upload failed',
  drop_files: 'Drop files to attach',
  files_at_risk: 'This browser can’t keep these files (no room, or private browsing): they’ll be lost if you leave the page before they’re sent.',
  files_lost: 'The files of this message weren’t kept when the page reloaded: attach them again.',

  // Voice notes: {time} a duration like 0:42
  record: 'Record a voice message',
  record_stop: 'Stop recording',
  record_cancel: 'Discard recording',
  recording: 'Recording {time}',
  mic_denied: 'We can’t use your microphone. Allow it in your browser’s settings to record.',
  voice_message: 'Voice message',
  play: 'Play',
  pause: 'Pause',

  // Replies
  reply_to: 'In reply to {name}',
  reply_to_you: 'In reply to you',
  reply_missing: 'Original message not found',
  reply_earlier: 'In reply to an earlier message',
};

/** One locale's strings: the same keys and kinds of entry as English. */
export type Catalogue = typeof en;

/** A key of the message catalogue. */
export type MessageKey = keyof Catalogue;

/** Keys whose entry is a set of plural forms (for `plural()`). */
export type PluralKey = {[K in MessageKey]: Catalogue[K] extends PluralForms ? K : never}[MessageKey];

/** Keys whose entry is a plain text (for `t()`), the two facts `lang` and `dir` aside. */
export type TextKey = Exclude<{[K in MessageKey]: Catalogue[K] extends string ? K : never}[MessageKey], 'lang' | 'dir'>;
