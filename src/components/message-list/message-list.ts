import {LitElement, html, nothing, render} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {PropertyValues} from 'lit';
import type {Message, MessageSequence} from '../../state/model.js';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {renderBody} from '../message/message.js';
import {messageStyles} from '../message/message.styles.js';
import {safeUrl} from '../../markdown/safe.js';
import {rich, richReady} from '../message/load-rich.js';
import {dayLabel, startsDay, startsGroup} from './grouping.js';
import {RowWindow} from './row-window.js';
import {messageListStyles} from './message-list.styles.js';
import {markdownStyles} from '../../markdown/markdown.styles.js';
import {renderReplyQuote, replyQuoteStyles} from '../message/reply-quote.js';
import {textDirection} from '../composer/text-direction.js';
import {chatIcon} from '../icons.js';

/** Set by the root as properties only. */
const PROPERTY = {attribute: false};

/**
 * The window holds at least this many rows around the view (all of a short conversation), so
 * Tab walks through the controls near the view; focusing one at the window's edge scrolls it
 * into view, which moves the window on.
 */
const MIN_ROWS = 50;

/** Within this distance of the bottom the view counts as at the bottom (and stays there). */
const BOTTOM_SLACK_PX = 40;

/** Times in the visitor's own (browser) format, whatever the UI language. */
const timeFormat = new Intl.DateTimeFormat(undefined, {timeStyle: 'short'});

/** A message's row in the DOM, with what its last render showed (to skip unchanged rows). */
interface RenderedRow {
  readonly element: HTMLElement;
  shows: readonly unknown[];
}

/**
 * The conversation: oldest first, grouped by sender (one name and time per group), day
 * separators, a "Show older" control, the typing indicator and status notes.
 *
 * Only the rows around the view are in the DOM (a window over `messages`, with spacers standing
 * for the rest at their measured or estimated heights), so 10,000 messages cost what a screenful
 * does. The view sticks to the bottom while the visitor is there; otherwise the row at the top of
 * the view keeps its place when older messages are prepended, rows are measured or images load.
 * Focus never moves: the row holding the focused control stays in the DOM wherever the visitor
 * scrolls.
 *
 * @summary Message log of the chat panel.
 * @tag akece-message-list
 * @csspart messages - The scrolling list (`role="log"`).
 * @csspart message - Every rendered message, status notes included.
 * @csspart typing-indicator - "… is typing", present only while an agent types.
 * @csspart reply-quote - In a reply, the quote of the message it answers; activating it scrolls to that message.
 * @cssproperty [--akece-message-own-background=var(--akece-color-accent)] - The visitor's bubbles.
 * @cssproperty [--akece-message-background=#8882] - The other side's bubbles.
 * @cssproperty [--akece-message-radius=var(--akece-radius)] - Bubble corners.
 * @fires {AkeceLoadOlderRequestEvent} akece-load-older-request - Visitor wants older messages (bubbles, composed).
 * @fires {AkeceRetryRequestEvent} akece-retry-request - Visitor retries a failed message (bubbles, composed).
 * @fires {AkeceAnswerRequestEvent} akece-answer-request - Visitor answered a bot or CSAT message (bubbles, composed).
 * @fires {AkeceSendRequestEvent} akece-send-request - Visitor pressed a card's postback button (bubbles, composed).
 */
export class AkeceMessageList extends LitElement {
  static override styles = [shared, messageStyles, markdownStyles, messageListStyles, replyQuoteStyles];
  static override properties = {
    messages: PROPERTY,
    strings: PROPERTY,
    locale: PROPERTY,
    inboxName: PROPERTY,
    hasOlder: PROPERTY,
    loadingOlder: PROPERTY,
    typing: PROPERTY,
    newConversation: PROPERTY,
  };

  /** The conversation, oldest first. */
  messages: MessageSequence = [];
  /** UI strings. */
  strings: Catalogue = en;
  /** Language of the day separators ("Today", dates); the browser's when empty. */
  locale = '';
  /** Name shown for messages the inbox itself sends (the survey, automated notes), which have no sender. */
  inboxName = '';
  /** The server has messages older than the first one. */
  hasOlder = false;
  /** Older messages are being fetched. */
  loadingOlder = false;
  /** Name of the agent typing a public reply ('' when unnamed), or null when nobody is. */
  typing: string | null = null;
  /**
   * The conversation is yet to be written (none on the server): while it has no message, the
   * log invites the first one instead of standing blank. (A conversation whose messages are
   * loading shows nothing meanwhile.)
   */
  newConversation = false;

  readonly #window = new RowWindow();
  #atBottom = true;
  /** The row at the top of the view and how far below the view's top edge it starts. */
  #anchor: {key: string; offset: number} | null = null;
  #rows = new Map<string, RenderedRow>();
  #waitingForRich = false;
  /** The messages by server id, for the quotes of replies; built when first needed after a change. */
  #byId: Map<number, Message> | null = null;
  /** The message a quote leads to, while older pages are fetched to find it. */
  #sought: number | null = null;
  /** How many messages the list held when it last asked for an older page while seeking. */
  #soughtFrom = 0;
  /** Quoted messages looked for everywhere and not found. */
  readonly #missing = new Set<number>();

  /**
   * Rows whose size changed (content re-rendered, an image loaded, the width changed) change
   * the size of the box that holds them: one observer on the box, never one per row, so nothing
   * new is observed while the browser delivers sizes (a ResizeObserver loop). Only the view is
   * put back here; the next scroll fills any gap a grown row leaves.
   */
  readonly #rowsResize = new ResizeObserver(() => {
    if (this.#measure()) this.#restore();
  });

  constructor() {
    super();
    // The log's size changes (panel shown or resized, composer grown): the host is sized by its
    // container and the log fills it, so watching the host is enough.
    new ResizeObserver(() => this.#layout()).observe(this);
  }

  /** The scrolling log; null before the first render. */
  get #log() {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  /** The box holding the rows and the spacers between them. */
  get #box() {
    return this.renderRoot.querySelector<HTMLElement>('.rows');
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Messages to show and no rich-content module yet: render plain now, again once it has
    // loaded (once: if it cannot load, the text stays plain).
    if (this.messages.length && !rich() && !this.#waitingForRich) {
      this.#waitingForRich = true;
      richReady().then(() => this.requestUpdate());
    }
    if (changed.has('messages')) {
      this.#byId = null;
      const appended = this.#window.setKeys(this.messages);
      // The visitor's own new message brings the view down to it.
      if (appended > 0 && this.messages.at(-1)!.role == 'visitor') this.#atBottom = true;
    }
  }

  protected override firstUpdated() {
    this.#rowsResize.observe(this.#box!);
    // `update` could not lay out the first render (`#layout` waits for it): messages given
    // before the list was first drawn are placed now, not when a resize happens to come.
    this.#layout();
  }

  protected override update(changed: PropertyValues<this>) {
    const focused = this.shadowRoot!.activeElement as HTMLElement | null;
    super.update(changed);
    this.#layout();
    // A page of older messages has arrived (or failed) while a quote's message was sought. The
    // root draws once a frame, so a fast page may come with no render that showed it loading:
    // more messages than when the page was asked for count as its arrival too.
    const pageDone = changed.get('loadingOlder') === true && !this.loadingOlder;
    const grew = changed.has('messages') && !this.loadingOlder && this.#window.length > this.#soughtFrom;
    if (this.#sought != null && (pageDone || grew)) this.#followReply(this.#sought, true);
    // A focused control that went away (the "Show older" button once everything is loaded)
    // leaves focus in the log, not on the page's body.
    if (focused && !focused.isConnected) this.#log!.focus();
  }

  override render() {
    const strings = this.strings;
    return html`<div part="messages" class="log" role="log" aria-label=${strings.messages} aria-live="off" tabindex="0" @scroll=${this.#handleScroll}>
      ${this.hasOlder ? html`<button class="pill-button older" @click=${this.#loadOlder}>${this.loadingOlder ? strings.loading : strings.older}</button>` : nothing}
      <div class="rows"></div>
      ${this.newConversation && !this.messages.length && this.typing == null
        ? html`<p class="empty-note">${chatIcon}<span>${strings.empty_conversation}</span></p>`
        : nothing}
      ${this.typing == null ? nothing : html`<p part="typing-indicator" class="typing-indicator">${t(strings.typing, this.typing || strings.agent)}</p>`}
    </div>
    <p class="sr" role="status"></p>`;
  }

  /**
   * Renders the rows the view needs and puts the view where it belongs: at the bottom, or with
   * the anchor row where it was. Rows are measured as they are rendered; a measure that differs
   * from the estimate moves the rows after it, so the window is chosen again (a few passes at
   * most, each over the rows in the DOM only).
   */
  #layout() {
    // The host's observer may report a size before the first render (no shadow root yet).
    if (!this.hasUpdated) return;
    const log = this.#log;
    const box = this.#box;
    if (!log || !box) return;
    const rowWindow = this.#window;
    // A hidden list (the panel closed) has no sizes to measure: it keeps its rows as they are.
    const shown = log.getClientRects().length > 0;
    const viewport = shown ? log.clientHeight : 0;
    for (let pass = 0; pass < 4; pass++) {
      const boxTop = box.offsetTop;
      const top = this.#atBottom
        ? rowWindow.total + (log.scrollHeight - boxTop - box.offsetHeight) - viewport
        : this.#anchor && rowWindow.has(this.#anchor.key)
          ? rowWindow.topOf(rowWindow.indexOf(this.#anchor.key)) - this.#anchor.offset
          : log.scrollTop - boxTop;
      const wanted = rowWindow.range(top - viewport, top + 2 * viewport, MIN_ROWS);
      const focusedIndex = this.#focusedIndex();
      if (focusedIndex >= 0 && !wanted.includes(focusedIndex)) wanted.push(focusedIndex);
      wanted.sort((a, b) => a - b);
      this.#place(wanted);
      if (!shown || !this.#measure()) break;
    }
    if (shown) this.#restore();
  }

  /** Puts the view back: at the bottom, or the anchor row at its distance from the top edge. */
  #restore() {
    const log = this.#log!;
    const rowWindow = this.#window;
    const anchor = this.#anchor;
    if (this.#atBottom) log.scrollTop = log.scrollHeight;
    else if (anchor && rowWindow.has(anchor.key)) log.scrollTop = this.#box!.offsetTop + rowWindow.topOf(rowWindow.indexOf(anchor.key)) - anchor.offset;
    this.#saveAnchor();
  }

  /** Index of the row holding focus, or -1. */
  #focusedIndex() {
    const focused = this.shadowRoot!.activeElement;
    if (!focused) return -1;
    for (const [key, row] of this.#rows) if (row.element.contains(focused)) return this.#window.indexOf(key);
    return -1;
  }

  /**
   * Puts the rows at `indices` (ascending) in the box, spacers between them. Rows that stay are
   * never moved (moving an element would take focus from it); unwanted rows and the old spacers
   * go first, then new rows are inserted where they belong.
   */
  #place(indices: readonly number[]) {
    const box = this.#box!;
    const rowWindow = this.#window;
    const keys = new Set(indices.map((index) => rowWindow.keyAt(index)));
    for (const [key, row] of this.#rows)
      if (!keys.has(key)) {
        row.element.remove();
        this.#rows.delete(key);
      }
    for (const spacer of [...box.children]) if (spacer.classList.contains('spacer')) spacer.remove();
    let cursor = box.firstElementChild;
    const put = (node: Element) => {
      if (node === cursor) cursor = cursor.nextElementSibling;
      else box.insertBefore(node, cursor);
    };
    let next = 0;
    for (const index of indices) {
      if (index > next) put(this.#spacer(rowWindow.topOf(index) - rowWindow.topOf(next)));
      put(this.#row(index).element);
      next = index + 1;
    }
    if (rowWindow.length > next) put(this.#spacer(rowWindow.total - rowWindow.topOf(next)));
  }

  #spacer(height: number) {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.style.height = `${height}px`;
    return spacer;
  }

  /** The row of message `index`, rendered again only if what it shows has changed. */
  #row(index: number): RenderedRow {
    const message = this.messages.at(index)!;
    const previous = index > 0 ? this.messages.at(index - 1) : undefined;
    let row = this.#rows.get(message.key);
    if (!row) {
      const element = document.createElement('div');
      row = {element, shows: []};
      this.#rows.set(message.key, row);
    }
    const today = new Date().toDateString();
    const quoted = message.inReplyTo == null ? undefined : this.#messageById(message.inReplyTo);
    const missing = message.inReplyTo != null && this.#missing.has(message.inReplyTo);
    const shows = [message, previous, this.strings, this.locale, this.inboxName, rich(), today, quoted, missing];
    if (!shows.every((value, at) => value === row.shows[at])) {
      row.element.className = message.role == 'visitor' ? 'row own' : 'row';
      render(this.#renderRow(message, previous, quoted, missing), row.element, {host: this});
      row.shows = shows;
    }
    return row;
  }

  /** Reads the heights of the rows in the DOM; true if any differed from what was known. */
  #measure() {
    let changed = false;
    for (const [key, row] of this.#rows) if (this.#window.heightChanged(key, row.element.getBoundingClientRect().height)) changed = true;
    return changed;
  }

  /** Remembers the row at the top of the view, to keep it there. */
  #saveAnchor() {
    const log = this.#log!;
    const rowWindow = this.#window;
    if (!rowWindow.length) {
      this.#anchor = null;
      return;
    }
    const top = log.scrollTop - this.#box!.offsetTop;
    const index = rowWindow.indexAt(Math.max(0, top));
    this.#anchor = {key: rowWindow.keyAt(index), offset: rowWindow.topOf(index) - top};
  }

  #handleScroll() {
    const log = this.#log!;
    this.#atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < BOTTOM_SLACK_PX;
    this.#saveAnchor();
    if (!this.#covers(log)) this.#layout();
    if (log.scrollTop < BOTTOM_SLACK_PX) this.#loadOlder();
  }

  /** The rows in the DOM reach half a screen beyond the view on both sides. */
  #covers(log: HTMLElement) {
    const rowWindow = this.#window;
    if (!rowWindow.length) return true;
    const top = log.scrollTop - this.#box!.offsetTop;
    const margin = log.clientHeight / 2;
    const needed = rowWindow.range(top - margin, top + log.clientHeight + margin);
    return needed.every((index) => this.#rows.has(rowWindow.keyAt(index)));
  }

  /** Asks the root for older messages (the session ignores a request while one is under way). */
  #loadOlder() {
    if (this.hasOlder && !this.loadingOlder) fire(this, 'load-older-request');
  }

  /** The message with server id `id`, if the list holds it. */
  #messageById(id: number): Message | undefined {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const message of this.messages) if (message.id != null) this.#byId.set(message.id, message);
    }
    return this.#byId.get(id);
  }

  /**
   * Brings the message with server id `id` into view and focus (a reply's quote was
   * activated), asking for older pages while the server has more and each brings new messages;
   * says so when it is nowhere. `again`: a page asked for it has arrived (or failed).
   */
  #followReply(id: number, again = false) {
    const target = this.#messageById(id);
    const grew = this.#window.length; // messages before the next page
    // Set here rather than rendered: this may run inside an update (a page has arrived).
    const status = this.renderRoot.querySelector('[role=status]')!;
    status.textContent = '';
    this.#sought = null;
    if (target) {
      this.#reveal(target.key);
    } else if (this.hasOlder && (!again || this.#soughtFrom < grew)) {
      this.#sought = id;
      this.#soughtFrom = grew;
      this.#loadOlder();
    } else {
      this.#missing.add(id);
      status.textContent = this.strings.reply_missing;
      this.#layout(); // the quote says so too
    }
  }

  /** Scrolls message `key` into view, a third of the way down, and focuses it. */
  #reveal(key: string) {
    const log = this.#log!;
    this.#atBottom = false;
    this.#anchor = {key, offset: Math.round(log.clientHeight / 3)};
    this.#layout();
    const bubble = this.#rows.get(key)?.element.querySelector<HTMLElement>('[part~=message]');
    if (!bubble) return;
    bubble.tabIndex = -1; // focusable from script only: Tab does not stop at every message
    bubble.focus({preventScroll: true});
  }

  /** One message's row: a day separator when the day changes, its group's head, the message. */
  #renderRow(message: Message, previous: Message | undefined, quoted: Message | undefined, missing: boolean) {
    const {role, sender, body, key, createdAt, status, inReplyTo, filesNotKept} = message;
    const strings = this.strings;
    const own = role == 'visitor';
    const name = sender?.name || (role == 'system' ? this.inboxName : '') || strings.agent;
    const day = startsDay(message, previous) && createdAt > 0 ? html`<p class="day-separator"><span>${dayLabel(createdAt, Date.now(), this.locale || undefined)}</span></p>` : nothing;
    if (body.type == 'status') return html`${day}<p part="message" class="status-note" data-key=${key}>${strings[body.status]}</p>`;
    // Each bubble takes the direction of its own text (Arabic in an English widget reads right
    // to left), from the text itself: `dir="auto"` would also look at the quote's label, which
    // is in the widget's language. Its side of the list follows the list's direction.
    return html`${day}${startsGroup(message, previous)
        ? html`<p class="group-head">
            ${own
              ? strings.you
              : html`<span class="avatar" aria-hidden="true"
                    >${safeUrl(sender?.avatarUrl || '', /^https?:$/) ? html`<img src=${sender!.avatarUrl} alt="" />` : name[0]}</span
                  >${name}`}
            ${createdAt ? timeFormat.format(createdAt) : ''}
          </p>`
        : nothing}
      <div part="message" class="bubble ${own ? 'own' : ''}" data-key=${key} dir=${ifDefined(textDirection(message.content) || undefined)}>
        ${inReplyTo == null ? nothing : renderReplyQuote(quoted, missing, strings, this.inboxName, () => this.#followReply(inReplyTo))}
        ${renderBody(message, strings)}
        ${status == 'pending'
          ? html`<small>${strings.sending}</small>`
          : status == 'failed'
            ? html`<small>${strings.failed} <button class="pill-button" @click=${() => fire(this, 'retry-request', {key})}>${strings.retry}</button></small>`
            : nothing}
        ${filesNotKept ? html`<small class="files-note">${filesNotKept == 'lost' ? strings.files_lost : strings.files_at_risk}</small>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-message-list': AkeceMessageList;
  }
}
