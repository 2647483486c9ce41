// The quote a reply shows of the message it answers (contract §12, "Replies"): who wrote it and
// the start of its text, as a button that leads back to it. The message list finds the quoted
// message (loading older pages if it must) and says when it cannot.
import {css, html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Message} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {textDirection} from '../composer/text-direction.js';

/** Characters of the quoted text shown; CSS cuts it to two lines anyway. */
const EXCERPT_LENGTH = 140;

/** What the quote says of a message: the start of its text on one line, Markdown's markers left out. */
function excerpt(message: Message, strings: Catalogue): string {
  if (message.deleted) return strings.deleted;
  const text = message.content
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text) return text.length > EXCERPT_LENGTH ? text.slice(0, EXCERPT_LENGTH - 1) + '…' : text;
  const [first] = message.attachments;
  return first ? first.fileName || (first.kind == 'image' ? strings.image : strings.file) : '';
}

/** "In reply to …": the visitor, or who else wrote `message`, as the list names senders. */
const replyTo = (message: Message, strings: Catalogue, inboxName: string) =>
  message.role == 'visitor' ? strings.reply_to_you : t(strings.reply_to, message.sender?.name || (message.role == 'system' ? inboxName : '') || strings.agent);

/**
 * The quote of the message a reply answers.
 * @param quoted the answered message, if the list holds it
 * @param missing the list has looked everywhere and it is not there
 * @param follow what activating the quote does (scroll to the message)
 */
// (The space between the two spans is not shown, the quote being a flex column, but it keeps
// the words apart in the button's accessible name.)
export const renderReplyQuote = (quoted: Message | undefined, missing: boolean, strings: Catalogue, inboxName: string, follow: () => void) =>
  html`<button part="reply-quote" class="reply-quote" @click=${follow}>
    ${quoted
      ? html`<span class="reply-to">${replyTo(quoted, strings, inboxName)}</span> <span class="reply-text" dir=${ifDefined(textDirection(quoted.content) || undefined)}>${excerpt(quoted, strings)}</span>`
      : html`<span class="reply-to">${missing ? strings.reply_missing : strings.reply_earlier}</span>`}
  </button>`;

/** The quote inside a bubble, and the ring a message shows when a quote has led to it. */
export const replyQuoteStyles = css`
  .reply-quote {
    display: flex;
    flex-direction: column;
    align-self: stretch;
    max-width: 100%;
    margin-bottom: 4px;
    padding: 2px 8px;
    border: 0;
    border-inline-start: 3px solid;
    border-radius: 4px;
    background: none;
    font-size: 13px;
    text-align: start;
  }
  .reply-to {
    font-weight: 600;
  }
  .reply-text {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  .bubble[tabindex]:focus {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
