// English, built in: the fallback for every other catalogue (loadLocale fills missing keys from
// it). A `{…}` placeholder is filled by `t()`.
export const en = {
  title: 'Chat with us',
  subtitle: 'We usually reply in minutes',
  subtitle_away: 'We will reply as soon as someone is back',
  show: 'Open chat',
  close: 'Close chat',
  unread: '{count} unread',
  online: 'Online',
  away: 'Away',
  messages: 'Messages',
  older: 'Show older',
  loading: 'Loading…',
  typing: '{name} is typing…',
  agent: 'An agent',
  you: 'You',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  deleted: 'Message deleted',
  // status notes, by conversation status
  open: 'Chat reopened',
  resolved: 'Chat resolved',
  pending: 'Chat pending',
  snoozed: 'Chat snoozed',
  input: 'Type a message',
  send: 'Send',
  attach: 'Attach files',
  reconnecting: 'Reconnecting…',
  offline: 'You are offline; messages will be sent later.',
  email: 'Your email',
  submit: 'Submit',
  rate: 'Rate this chat',
  rating: '{n} of 5',
  feedback: 'Comments (optional)',
  csat_thanks: 'Thank you for your feedback',
  email_thanks: 'Thanks! We will reach you at {email}',
  image: 'Image',
  file: 'File',
  err_config: 'Chat is not set up correctly.',
  err_connect: 'Chat cannot connect right now.',
};

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;

/** One locale's strings: the same keys as English. */
export type Catalogue = Record<MessageKey, string>;
