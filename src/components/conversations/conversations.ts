// The conversation list, the header's conversation buttons, the in-panel confirmation before
// ending, and the ended state (contract §9): template functions the root renders inside its
// panel (their parts are then the root's own), loaded with the on-demand conversations chunk.
// Data in as arguments, intent out as events (src/events/conversation-request.ts).
import {html, nothing} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {plural, t} from '../../i18n/i18n.js';
import {intlLocale} from '../../i18n/format.js';
import type {ConversationSummary} from '../../state/conversation-list.js';
import {fire} from '../../events/intent.js';
import {icon} from '../icons.js';

export {conversationStyles} from './conversations.styles.js';

const backIcon = icon('M15 5l-7 7 7 7');
const downloadIcon = icon('M12 4v11m-5-5 5 5 5-5M5 20h14');
const endIcon = icon('M5 12l5 5 9-10');

/** `akece-conversation-request` with this action (and, for `open`, the conversation). */
const ask = (event: Event, action: 'open' | 'new' | 'list' | 'end' | 'confirm-end' | 'cancel-end' | 'transcript', conversationId?: number) =>
  fire(event.currentTarget!, 'conversation-request', {action, conversationId});

/** The latest message as a line of the list. */
function preview({latest}: ConversationSummary, strings: Catalogue): string {
  if (!latest) return strings.no_messages;
  const text = latest.deleted ? strings.deleted : latest.content.replace(/\s+/g, ' ').trim() || (latest.attachments.length ? strings.preview_attachment : strings.no_messages);
  return latest.role == 'visitor' ? t(strings.preview_you, {text}) : text;
}

/** A conversation's status in the visitor's words (a status the server did not say reads as open). */
function statusLabel(status: ConversationSummary['status'], strings: Catalogue): string {
  switch (status) {
    case 'resolved':
      return strings.status_resolved;
    case 'pending':
      return strings.status_pending;
    case 'snoozed':
      return strings.status_snoozed;
    default:
      return strings.status_open;
  }
}

/** The time of the latest activity: the hour today, else the date. (Intl directly: format.ts's
 * helpers would join the page-start chunk, where format.ts lives.) */
function when(at: number, locale: string): string {
  const date = new Date(at);
  const today = date.toDateString() == new Date().toDateString();
  return new Intl.DateTimeFormat(intlLocale(locale), today ? {timeStyle: 'short'} : {dateStyle: 'medium'}).format(date);
}

export interface ConversationListOptions {
  conversations: readonly ConversationSummary[];
  strings: Catalogue;
  locale: string;
  /** The list is still being fetched. */
  loading: boolean;
}

/**
 * The contact's conversations, newest first: each a button with its status, time, latest
 * message and unread count; then the new-conversation button.
 * @fires akece-conversation-request - `open` (with `conversationId`) or `new` (bubbles, composed)
 */
export const renderConversationList = ({conversations, strings, locale, loading}: ConversationListOptions) =>
  html`<div class="conversations">
    <h3 class="list-title" id="conversation-list-title">${strings.conversations}</h3>
    ${conversations.length
      ? html`<ul part="conversation-list" class="conversation-list" aria-labelledby="conversation-list-title">
          ${conversations.map(
            (summary) =>
              html`<li>
                <button part="conversation-item" class="conversation-item" data-conversation=${summary.id} @click=${(event: Event) => ask(event, 'open', summary.id)}>
                  <span class="item-line">
                    <span class="item-status ${summary.status ?? 'open'}">${statusLabel(summary.status, strings)}</span>
                    ${summary.activeAt ? html`<time datetime=${new Date(summary.activeAt).toISOString()}>${when(summary.activeAt, locale)}</time>` : nothing}
                  </span>
                  <span class="item-preview ${summary.unread ? 'unread' : ''}">${preview(summary, strings)}</span>
                  ${summary.unread
                    ? html`<span class="item-unread">${summary.unread}<span class="sr"> ${plural(strings.new_messages, summary.unread, strings.lang, {count: summary.unread})}</span></span>`
                    : nothing}
                </button>
              </li>`
          )}
        </ul>`
      : html`<p part="conversation-list" class="list-empty" role="status">${loading ? strings.loading : strings.no_conversations}</p>`}
    <button part="new-conversation-button" class="pill-button new-conversation" @click=${(event: Event) => ask(event, 'new')}>${strings.new_conversation}</button>
  </div>`;

export interface ConversationActionsOptions {
  strings: Catalogue;
  /** Several conversations: a way back to the list. */
  back: boolean;
  /** A conversation on the server that is not resolved. */
  canEnd: boolean;
  /** Messages to copy. */
  canCopy: boolean;
}

/**
 * The header's buttons for the conversation shown: back to the list (before the title), and
 * the copy and end buttons (after it).
 * @fires akece-conversation-request - `list`, `transcript` or `end` (bubbles, composed)
 */
export const renderConversationActions = ({strings, back, canEnd, canCopy}: ConversationActionsOptions) => ({
  leading: back
    ? html`<button part="back-button" class="icon-button back-button" aria-label=${strings.back} @click=${(event: Event) => ask(event, 'list')}>${backIcon}</button>`
    : nothing,
  trailing: html`${canCopy
    ? html`<button part="transcript-button" class="icon-button" aria-label=${strings.transcript} title=${strings.transcript} @click=${(event: Event) => ask(event, 'transcript')}>
        ${downloadIcon}
      </button>`
    : nothing}${canEnd
    ? html`<button part="end-conversation-button" class="icon-button" aria-label=${strings.end_conversation} title=${strings.end_conversation} @click=${(event: Event) => ask(event, 'end')}>
        ${endIcon}
      </button>`
    : nothing}`,
});

/**
 * The question before ending, inside the panel: End or Cancel (Escape cancels too).
 * @fires akece-conversation-request - `confirm-end` or `cancel-end` (bubbles, composed)
 */
export const renderEndConfirmation = (strings: Catalogue) =>
  html`<div
    class="confirm-end"
    role="alertdialog"
    aria-labelledby="end-confirm-title"
    aria-describedby="end-confirm-detail"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key != 'Escape') return;
      event.stopPropagation(); // Escape closes only the question, not the panel
      ask(event, 'cancel-end');
    }}
  >
    <p id="end-confirm-title" class="confirm-title">${strings.end_confirm}</p>
    <p id="end-confirm-detail">${strings.end_confirm_detail}</p>
    <div class="confirm-buttons">
      <button class="pill-button confirm-cancel" @click=${(event: Event) => ask(event, 'cancel-end')}>${strings.cancel}</button>
      <button class="pill-button confirm-end-button" @click=${(event: Event) => ask(event, 'confirm-end')}>${strings.end}</button>
    </div>
  </div>`;

/**
 * In place of the composer once the conversation is resolved: it says so, and offers a new one.
 * @fires akece-conversation-request - `new` (bubbles, composed)
 */
export const renderEnded = (strings: Catalogue) =>
  html`<div class="ended">
    <p class="ended-text" role="status">${strings.ended}</p>
    <button part="new-conversation-button" class="pill-button new-conversation" @click=${(event: Event) => ask(event, 'new')}>${strings.start_new}</button>
  </div>`;
