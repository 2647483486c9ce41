import {LitElement, html, nothing, render} from 'lit';
import type {PropertyValues} from 'lit';
import type {Message} from '../../state/model.js';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {renderBody} from '../message/message.js';
import {safeUrl} from '../../markdown/safe.js';
import {rich, richReady} from '../message/load-rich.js';

/** Messages rendered at first, and added each time the visitor reaches the top. */
const PAGE = 100;

/** A message's row, with what its last render showed. */
type Row = HTMLElement & {v?: unknown[]};

/** Set by the root as properties only. */
const A = {attribute: false};

/** Times in the visitor's own (browser) format, whatever the UI language. */
const time = new Intl.DateTimeFormat(undefined, {timeStyle: 'short'});

/**
 * The conversation: oldest first, grouped by sender (one name and time per group), with a
 * "load older" control, the typing indicator and status notes. Only a window of the latest
 * messages is in the DOM; it grows as the visitor scrolls up. Sticks to the bottom when the
 * visitor is there, keeps the view steady when older messages are prepended, and never moves
 * focus.
 *
 * @summary Message log of the chat panel.
 * @tag akece-message-list
 * @csspart messages - The scrolling list (`role="log"`).
 * @csspart message - Every rendered message, status notes included.
 * @csspart typing-indicator - "… is typing", present only while an agent types.
 * @fires {AkeceLoadOlderRequestEvent} akece-load-older-request - Visitor wants older messages (bubbles, composed).
 * @fires {AkeceRetryRequestEvent} akece-retry-request - Visitor retries a failed message (bubbles, composed).
 * @fires {AkeceAnswerRequestEvent} akece-answer-request - Visitor answered a bot or CSAT message (bubbles, composed).
 * @fires {AkeceSendRequestEvent} akece-send-request - Visitor pressed a card's postback button (bubbles, composed).
 */
export class AkeceMessageList extends LitElement {
  static override styles = shared;
  static override properties = {messages: A, strings: A, hasOlder: A, loadingOlder: A, typing: A, shown: {state: true}};

  /** The conversation, oldest first. */
  messages: readonly Message[] = [];
  /** UI strings. */
  strings: Catalogue = en;
  /** The server has messages older than the first one. */
  hasOlder = false;
  /** Older messages are being fetched. */
  loadingOlder = false;
  /** Name of the agent typing a public reply ('' when unnamed), or null when nobody is. */
  typing: string | null = null;

  /** How many of the latest messages are in the DOM (set by the first update: `messages` is always in it). */
  private shown!: number;
  #atBottom = true;
  #waiting?: boolean;
  #byKey = new Map<string, Row>();
  // Late image loads keep the view stuck to the bottom (load does not bubble: captured).
  readonly #onLoad = {handleEvent: () => this.#stick(), capture: true};

  constructor() {
    super();
    // The log's size changes (panel resized, composer grown): the host is sized by its
    // container and the log fills it, so watching the host is enough.
    new ResizeObserver(() => this.#stick()).observe(this);
  }

  /** The scrolling log; null before the first render. */
  get #log() {
    return this.renderRoot.querySelector<HTMLElement>('.m');
  }

  protected override willUpdate(c: PropertyValues<this>) {
    // Messages to show and no rich-content module yet: render plain now, again once it has
    // loaded (once: if it cannot load, the text stays plain).
    if (this.messages.length && !rich() && !this.#waiting) {
      this.#waiting = true;
      richReady().then(() => this.requestUpdate());
    }
    if (c.has('messages')) {
      const m = this.messages;
      const old = c.get('messages') ?? [];
      // i: how many were prepended (-1: a different list); added: appended at the end
      const i = old.length ? m.findIndex((x) => x.key === old[0].key) : 0;
      const added = m.length - old.length - Math.max(i, 0);
      // The visitor's own new message brings the view down to it.
      if (added > 0 && m.at(-1)!.role == 'visitor') this.#atBottom = true;
      if (this.#atBottom) this.shown = PAGE;
      if (i > 0) this.shown += i;
      else if (!this.#atBottom && added > 0) this.shown += added;
    }
  }

  // Keeps the view steady across renders: at the bottom it stays there; otherwise the first
  // rendered message keeps its distance from the top edge (older messages prepended above it).
  protected override update(c: PropertyValues<this>) {
    const l = this.#log;
    const a = l?.querySelector<HTMLElement>('[data-k]');
    const top = a ? a.offsetTop - l!.scrollTop : 0;
    const f = this.shadowRoot!.activeElement as HTMLElement | null;
    super.update(c);
    this.#rows();
    const log = this.#log!;
    if (this.#atBottom) log.scrollTop = log.scrollHeight;
    else if (a?.isConnected) log.scrollTop = a.offsetTop - top;
    // A focused control that went away (the last "older" button, a message out of the
    // window) leaves focus in the log, not on the page's body.
    if (f && !f.isConnected) log.focus();
  }

  /**
   * One row element per message, kept by its key, its content rendered by Lit and skipped when
   * nothing it shows has changed: a page of older messages is inserted above the rows without
   * touching them, so a long conversation costs what changes, and a focused control stays.
   */
  #rows() {
    const box = this.renderRoot.querySelector('.r')!;
    const win = this.messages.slice(-this.shown);
    const rows = new Map<string, Row>();
    let at = box.firstChild;
    win.forEach((m, i) => {
      const p = win[i - 1];
      const row = this.#byKey.get(m.key) ?? (document.createElement('div') as Row);
      const v = [m, p, this.strings, rich()];
      if (!row.v?.every((x, j) => x === v[j])) render(this.#row(m, p), row, {host: this});
      row.v = v;
      row.className = 'r';
      rows.set(m.key, row);
      if (row == at) at = row.nextSibling;
      else box.insertBefore(row, at);
    });
    for (const [k, row] of this.#byKey) if (!rows.has(k)) row.remove();
    this.#byKey = rows;
  }

  override render() {
    const s = this.strings;
    return html`<div
      part="messages"
      class="m"
      role="log"
      aria-label=${s.messages}
      aria-live="off"
      tabindex="0"
      @scroll=${() => {
        const l = this.#log!;
        this.#atBottom = l.scrollHeight - l.scrollTop - l.clientHeight < 40;
        if (l.scrollTop < 40) this.#more();
      }}
      @load=${this.#onLoad}
    >
      ${this.hasOlder || this.messages.length > this.shown
        ? html`<button class="btn older" @click=${this.#more}>${this.loadingOlder ? s.loading : s.older}</button>`
        : nothing}
      <div class="r"></div>
      ${this.typing == null ? nothing : html`<p part="typing-indicator" class="meta">${t(s.typing, this.typing || s.agent)}</p>`}
    </div>`;
  }

  /** One message, with its sender and time when it starts a group (`p`: the one before it). */
  #row(m: Message, p?: Message) {
    const {role, sender, body, key, createdAt, status} = m;
    const s = this.strings;
    const own = role == 'visitor' ? 'own' : '';
    // Each bubble takes the direction of its own text (dir=auto: Arabic in an English
    // widget reads right to left); its side of the list follows the list's direction.
    return body.type == 'status'
      ? html`<p part="message" class="note" data-k=${key}>${s[body.status]}</p>`
      : html`${
            // One sender's messages close in time form a group under one name and time; a
            // status note or a pause of five minutes starts a new group.
            p && p.body.type != 'status' && p.role == role && p.sender?.id == sender?.id && createdAt - p.createdAt < 3e5
              ? nothing
              : html`<p class="meta ${own}">
                  ${own
                    ? s.you
                    : // the agent's avatar, else the initial of their name
                      html`<span class="av" aria-hidden="true"
                          >${safeUrl(sender?.avatarUrl || '', /^https?:$/) ? html`<img src=${sender!.avatarUrl} alt="" />` : (sender?.name || '?')[0]}</span
                        >${sender?.name}`}
                  ${createdAt ? time.format(createdAt) : ''}
                </p>`
          }
          <div part="message" class="b ${own}" data-k=${key} dir="auto">
            ${renderBody(m, s)}
            ${status == 'pending'
              ? html`<small>${s.sending}</small>`
              : status == 'failed'
                ? html`<small>${s.failed} <button class="btn" @click=${() => fire(this, 'retry-request', {key})}>${s.retry}</button></small>`
                : nothing}
          </div>`;
  }

  /**
   * Reveals a page already in memory, else asks the root for older messages (the session
   * ignores a request while one is under way).
   */
  #more() {
    if (this.messages.length > this.shown) this.shown += PAGE;
    else if (this.hasOlder && !this.loadingOlder) fire(this, 'load-older-request');
  }

  #stick() {
    const l = this.#log;
    if (this.#atBottom && l) l.scrollTop = l.scrollHeight;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-message-list': AkeceMessageList;
  }
}
