// Every setting of <akece-chat> a site owner can choose (contract §2 and §9–§12), described
// once: the settings page builds its form, the live widget and the snippets from this list.

/**
 * @typedef {{attribute?: string, property: string, kind: 'text' | 'url' | 'number' | 'select' | 'boolean' | 'json',
 *   label: string, group: string, choices?: string[], initial?: string, hint?: string}} Option
 * `initial` is the page's starting value; a value equal to the widget's default is left out of
 * the snippets (an empty text, an unchecked box, the first choice of a select).
 */

/** @type {Option[]} */
export const OPTIONS = [
  {attribute: 'base-url', property: 'baseUrl', kind: 'url', label: 'Akece address', group: 'Connection', hint: 'The origin of your Akece installation.'},
  {attribute: 'inbox-identifier', property: 'inboxIdentifier', kind: 'text', label: 'Inbox identifier', group: 'Connection', hint: 'The API inbox identifier from the inbox settings.'},
  {attribute: 'websocket-url', property: 'websocketUrl', kind: 'url', label: 'WebSocket address', group: 'Connection', hint: 'Only when it differs from the Akece address with /cable.'},
  {attribute: 'pubsub-token', property: 'pubsubToken', kind: 'text', label: 'Contact token', group: 'Connection', hint: 'A contact created by your own server (with the contact identifier).'},
  {attribute: 'contact-identifier', property: 'contactIdentifier', kind: 'text', label: 'Contact identifier (source_id)', group: 'Connection'},
  {attribute: 'conversation-id', property: 'conversationId', kind: 'number', label: 'Conversation to show', group: 'Connection'},
  {attribute: 'storage', property: 'storage', kind: 'select', choices: ['local', 'session', 'none'], label: 'Remember the visitor in', group: 'Connection'},
  {attribute: 'presence-interval', property: 'presenceInterval', kind: 'number', label: 'Presence heartbeat (seconds)', group: 'Connection', hint: 'Default 30.'},

  {attribute: 'layout', property: 'layout', kind: 'select', choices: ['floating', 'inline'], label: 'Layout', group: 'Look'},
  {attribute: 'position', property: 'position', kind: 'select', choices: ['right', 'left'], label: 'Launcher corner', group: 'Look'},
  {attribute: 'theme', property: 'theme', kind: 'select', choices: ['auto', 'light', 'dark'], label: 'Theme', group: 'Look'},
  {attribute: 'locale', property: 'locale', kind: 'text', label: 'Language', group: 'Look', hint: 'A language tag such as fr or pt-BR; empty follows the page.'},
  {attribute: 'header-title', property: 'headerTitle', kind: 'text', label: 'Header title', group: 'Look', hint: 'Empty: the inbox name.'},
  {attribute: 'header-subtitle', property: 'headerSubtitle', kind: 'text', label: 'Header subtitle', group: 'Look'},
  {attribute: 'open', property: 'open', kind: 'boolean', label: 'Open the panel', group: 'Look'},

  {attribute: 'reply-time', property: 'replyTime', kind: 'select', choices: ['', 'minutes', 'hours', 'day'], label: 'Usually replies in', group: 'Availability'},
  {attribute: 'greeting', property: 'greeting', kind: 'text', label: 'Greeting', group: 'Availability', hint: 'The first bubble of a new conversation (never sent).'},
  {attribute: 'away-mode', property: 'awayMode', kind: 'select', choices: ['show', 'hide', 'email'], label: 'Outside working hours', group: 'Availability'},
  {attribute: 'pre-chat', property: 'preChat', kind: 'boolean', label: 'Ask for name and email first', group: 'Availability'},
  {property: 'preChatForm', kind: 'json', label: 'Pre-chat form (JSON)', group: 'Availability', hint: '{"fields": [{"name": "email", "label": "Email", "type": "email", "required": true}]}'},

  {attribute: 'continue-after-resolve', property: 'continueAfterResolve', kind: 'boolean', label: 'Keep writing after a conversation ends', group: 'Conversations'},
  {attribute: 'previews', property: 'previews', kind: 'select', choices: ['on', 'off'], label: 'Message previews beside the launcher', group: 'Conversations'},
  {attribute: 'sound', property: 'sound', kind: 'select', choices: ['on', 'off'], label: 'Sound for new replies', group: 'Conversations'},
  {attribute: 'notifications', property: 'notifications', kind: 'select', choices: ['off', 'on'], label: 'Offer system notifications', group: 'Conversations'},

  {attribute: 'max-attachment-size', property: 'maxAttachmentSize', kind: 'number', label: 'Largest file (MB)', group: 'Files', hint: 'Default 40.'},
  {attribute: 'accept', property: 'accept', kind: 'text', label: 'Accepted files', group: 'Files', hint: 'As an input’s accept: image/*,.pdf'},
];
