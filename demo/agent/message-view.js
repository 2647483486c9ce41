// One message of the thread as the agent reads it: who and when, the text (the agent's and
// the bot's own Markdown rendered, the visitor's as typed), the visitor's answers in words,
// files with their names and sizes, images, audio players, the quote of the message it
// answers, and the actions on it.
import {h, safeUrl} from './dom.js';
import {renderMarkdown} from './markdown.js';
import {describeAnswer, formatBytes, shortTime} from './readable.js';

const KIND_LABEL = /** @type {Record<string, string>} */ ({
  input_select: 'Options',
  input_email: 'Email request',
  input_csat: 'Satisfaction survey',
  cards: 'Cards',
  article: 'Articles',
  form: 'Form',
  input_text: 'Text request',
  input_textarea: 'Text request',
});

/** The file name at the end of an attachment URL. @param {any} attachment */
export function attachmentName(attachment) {
  const url = typeof attachment.data_url === 'string' ? attachment.data_url : '';
  const last = url.split('?')[0].split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || `file.${attachment.extension ?? 'bin'}`;
  } catch {
    return last;
  }
}

/** A message's text in one line, for quotes and list previews. @param {any} message */
export function summary(message) {
  if (!message) return '';
  const content = typeof message.content === 'string' ? message.content.replace(/\s+/g, ' ').trim() : '';
  if (content) return content.length > 120 ? `${content.slice(0, 119)}…` : content;
  const files = Array.isArray(message.attachments) ? message.attachments : [];
  if (files.length) return files.map(attachmentName).join(', ');
  return KIND_LABEL[message.content_type] ?? '';
}

/** @param {any} message */
function who(message) {
  if (message.message_type === 2) return 'Activity';
  if (message.private) return `${message.sender?.name ?? 'Agent'} · private note`;
  if (message.sender?.name) return String(message.sender.name);
  return message.message_type === 3 ? 'Automatic message' : 'System';
}

/** @param {any} attachment */
function renderAttachment(attachment) {
  const url = safeUrl(attachment.data_url);
  if (!url) return null;
  const name = attachmentName(attachment);
  const size = formatBytes(Number(attachment.file_size));
  const label = size ? `${name} · ${size}` : name;
  if (attachment.file_type === 'image') {
    const thumb = safeUrl(attachment.thumb_url) ?? url;
    return h('figure', {class: 'file image'}, h('a', {href: url, target: '_blank', rel: 'noopener noreferrer'}, h('img', {src: thumb, alt: name})), h('figcaption', {}, label));
  }
  if (attachment.file_type === 'audio') {
    return h('figure', {class: 'file audio'}, h('audio', {controls: true, preload: 'metadata', src: url, 'aria-label': name}), h('figcaption', {}, h('a', {href: url, download: name}, label)));
  }
  if (attachment.file_type === 'video') {
    return h('figure', {class: 'file video'}, h('video', {controls: true, preload: 'metadata', src: url}), h('figcaption', {}, h('a', {href: url, download: name}, label)));
  }
  return h('a', {class: 'file document', href: url, target: '_blank', rel: 'noopener noreferrer', download: name}, h('span', {class: 'file-icon', 'aria-hidden': 'true'}, String(attachment.extension ?? 'file').slice(0, 4).toUpperCase()), label);
}

/** The bot's offer (options, cards, articles) as a short list. @param {any} message */
function renderItems(message) {
  const items = message.content_attributes?.items;
  if (!Array.isArray(items) || !items.length) return null;
  return h(
    'ul',
    {class: 'items'},
    ...items.slice(0, 50).map((item) => {
      const title = String(item?.title ?? item?.label ?? item?.value ?? '');
      const link = safeUrl(item?.link);
      return h('li', {}, link ? h('a', {href: link, target: '_blank', rel: 'noopener noreferrer'}, title) : title);
    })
  );
}

/**
 * @typedef {{byId: Map<number, any>, onReply?: (message: any) => void, onEdit?: (message: any) => void,
 *   onDelete?: (message: any) => void, onQuote?: (id: number) => void}} MessageContext
 */

/** @param {any} message @param {MessageContext} context */
export function renderMessage(message, context) {
  const attributes = message.content_attributes ?? {};
  const deleted = Boolean(attributes.deleted);
  if (message.message_type === 2) {
    return h('li', {class: 'msg activity', 'data-id': message.id}, h('span', {}, String(message.content ?? '')), ' · ', h('time', {}, shortTime(message.created_at)));
  }
  const fromVisitor = message.message_type === 0;
  const kind = message.private ? 'note' : fromVisitor ? 'in' : message.sender_type === 'AgentBot' || message.message_type === 3 ? 'bot' : 'out';
  const parts = [];
  parts.push(
    h(
      'p',
      {class: 'meta'},
      h('span', {class: 'who'}, who(message)),
      ' · ',
      h('time', {datetime: new Date(message.created_at * 1000).toISOString()}, shortTime(message.created_at)),
      !fromVisitor && !message.private && message.status ? h('span', {class: `delivery ${message.status}`}, ` · ${message.status}`) : null,
      message.content_type && message.content_type !== 'text' ? h('span', {class: 'kind'}, KIND_LABEL[message.content_type] ?? message.content_type) : null
    )
  );
  const replyTo = Number(attributes.in_reply_to);
  if (replyTo && !deleted) {
    const quoted = context.byId.get(replyTo);
    parts.push(
      h(
        'button',
        {type: 'button', class: 'quote', 'data-reply-to': replyTo, onclick: () => context.onQuote?.(replyTo)},
        h('span', {class: 'quote-who'}, quoted ? who(quoted) : 'An earlier message'),
        h('span', {class: 'quote-text'}, quoted ? summary(quoted) : `#${replyTo}`)
      )
    );
  }
  const content = typeof message.content === 'string' ? message.content : '';
  if (deleted) parts.push(h('p', {class: 'content'}, 'This message was deleted'));
  else if (content) {
    // The visitor's words are shown as typed; the agents' and the bot's are Markdown.
    parts.push(fromVisitor ? h('p', {class: 'content plain'}, content) : h('div', {class: 'content md'}, renderMarkdown(content)));
  }
  if (!deleted) {
    parts.push(renderItems(message));
    const answer = describeAnswer(message);
    if (answer) parts.push(h('p', {class: 'answer'}, answer));
    for (const attachment of Array.isArray(message.attachments) ? message.attachments : []) parts.push(renderAttachment(attachment));
  }
  const actions = [];
  if (!deleted && message.message_type !== 3 && context.onReply) actions.push(h('button', {type: 'button', onclick: () => context.onReply?.(message)}, 'Reply'));
  if (!deleted && message.sender_type === 'User' && context.onEdit) {
    actions.push(h('button', {type: 'button', onclick: () => context.onEdit?.(message)}, 'Edit'));
    actions.push(h('button', {type: 'button', onclick: () => context.onDelete?.(message)}, 'Delete'));
  }
  if (actions.length) parts.push(h('span', {class: 'actions'}, ...actions));
  return h('li', {class: `msg ${kind}${deleted ? ' deleted' : ''}`, 'data-id': message.id}, ...parts);
}
