import {LitElement, html, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {keyed} from 'lit/directives/keyed.js';
import type {Message} from '../../state/model.js';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {safeUrl} from '../../markdown/markdown.js';
import {shared} from '../../styles/shared.styles.js';
import {AkeceLoadOlderRequestEvent} from '../../events/load-older-request.js';
import {AkeceRetryRequestEvent} from '../../events/retry-request.js';
import {renderBody} from '../message/message.js';
import {styles} from './message-list.styles.js';

/** Messages rendered at first, and added each time the visitor reaches the top. */
const PAGE = 100;
/** A sender's messages further apart than this start a new group (with its own time). */
const GAP = 5 * 60e3;

interface Group {
  own: boolean;
  items: Message[];
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/**
 * The conversation: oldest first, grouped by sender, with a "load older" control, the typing
 * indicator and status notes. Only a window of the latest messages is in the DOM; it grows as
 * the visitor scrolls up. Sticks to the bottom when the visitor is there, keeps the view steady
 * when older messages are prepended, and never moves focus.
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
  static override styles = [shared, styles];

  private readonly ro = new ResizeObserver(() => this.stick());
  private readonly onLoad = {handleEvent: () => this.stick(), capture: true};

  @query('[part=messages]') private log!: HTMLElement;

  /** The conversation, oldest first. */
  @property({attribute: false}) messages: readonly Message[] = [];
  /** UI strings. */
  @property({attribute: false}) strings: Catalogue = en;
  /** BCP 47 locale for times; the browser's when empty. */
  @property() locale = '';
  /** The server has messages older than the first one. */
  @property({type: Boolean, attribute: 'has-older'}) hasOlder = false;
  /** Older messages are being fetched. */
  @property({type: Boolean, attribute: 'loading-older'}) loadingOlder = false;
  /** Name of the agent typing a public reply ('' when unnamed), or null when nobody is. */
  @property({attribute: false}) typing: string | null = null;

  /** How many of the latest messages are in the DOM. */
  @state() private shown = PAGE;

  private groups: Group[] = [];
  private time = new Intl.DateTimeFormat(undefined, {timeStyle: 'short'});
  private atBottom = true;
  private asked = false;
  private live = true;

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.ro.observe(this.log);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.ro.disconnect();
  }

  protected override willUpdate(c: PropertyValues<this>) {
    if (c.has('locale')) {
      try {
        this.time = new Intl.DateTimeFormat(this.locale || undefined, {timeStyle: 'short'});
      } catch {
        // an invalid tag keeps the browser's format
      }
    }
    this.live = true;
    if (c.has('messages')) {
      const old = c.get('messages') ?? [];
      const m = this.messages;
      // i: how many were prepended (-1: a different list); added: appended at the end
      const i = old.length ? m.findIndex((x) => x.key === old[0].key) : 0;
      const added = m.length - old.length - Math.max(i, 0);
      // A page of history or a first load must not be read out message by message.
      this.live = i == 0 && added < 4;
      this.asked = false;
      // The visitor's own new message brings the view down to it.
      if (added > 0 && m[m.length - 1].role == 'visitor') this.atBottom = true;
      if (this.atBottom) this.shown = PAGE;
      if (i > 0) this.shown += i;
      else if (!this.atBottom && added > 0) this.shown += added;
    }
    if (c.has('loadingOlder')) this.asked = false;
    const g: Group[] = [];
    let prev: Message | undefined;
    for (const m of this.messages.slice(-this.shown)) {
      if (
        prev &&
        m.body.type != 'status' &&
        prev.body.type != 'status' &&
        m.role == prev.role &&
        m.sender?.id == prev.sender?.id &&
        m.sender?.name == prev.sender?.name &&
        m.createdAt - prev.createdAt < GAP
      )
        g[g.length - 1].items.push(m);
      else g.push({own: m.role == 'visitor', items: [m]});
      prev = m;
    }
    this.groups = g;
  }

  // Keeps the view steady across renders: at the bottom it stays there; otherwise the first
  // rendered message keeps its distance from the top edge (older messages prepended above it).
  protected override update(c: PropertyValues<this>) {
    const a = this.log?.querySelector<HTMLElement>('[data-k]');
    const top = a ? a.offsetTop - this.log.scrollTop : 0;
    super.update(c);
    const l = this.log;
    if (this.atBottom) l.scrollTop = l.scrollHeight;
    else if (a) {
      const b = l.querySelector<HTMLElement>(`[data-k="${CSS.escape(a.dataset.k!)}"]`);
      if (b) l.scrollTop = b.offsetTop - top;
    }
  }

  protected override firstUpdated() {
    this.ro.observe(this.log);
  }

  override render() {
    const s = this.strings;
    return html`<div
      part="messages"
      role="log"
      aria-label=${s.messages}
      aria-live=${this.live ? 'polite' : 'off'}
      tabindex="0"
      @scroll=${this.handleScroll}
      @load=${this.onLoad}
    >
      ${this.hasOlder || this.messages.length > this.shown
        ? html`<button class="btn older" @click=${() => this.more(true)}>${this.loadingOlder ? s.loading : s.older}</button>`
        : nothing}
      ${this.groups.map((g) => this.renderGroup(g, s))}
      ${this.typing == null
        ? nothing
        : html`<p part="typing-indicator" class="typing">
            <span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>${t(s, 'typing', {name: this.typing || s.agent})}
          </p>`}
    </div>`;
  }

  private renderGroup(g: Group, s: Catalogue) {
    const f = g.items[0];
    if (f.body.type == 'status')
      return keyed(f.key, html`<p part="message" class="note" data-k=${f.key}>${s[`st_${f.body.status}`]}</p>`);
    const name = f.sender?.name ?? '';
    const src = safeUrl(f.sender?.avatarUrl ?? '', /^https?:$/);
    return html`<div class="g ${g.own ? 'own' : ''}">
      ${g.own || !name ? nothing : html`<span class="av" aria-hidden="true">${src ? html`<img src=${src} alt="" />` : initials(name)}</span>`}
      <div class="c">
        <p class="meta">${g.own ? html`<span class="sr">${s.you}</span>` : name} ${f.createdAt ? this.time.format(f.createdAt) : ''}</p>
        ${g.items.map((m) =>
          keyed(
            m.key,
            html`<div part="message" class="b ${m.status}" data-k=${m.key}>
              ${renderBody(m, s)}
              ${m.status == 'pending'
                ? html`<small>${s.sending}</small>`
                : m.status == 'failed'
                  ? html`<small
                      >${s.failed}
                      <button class="retry" @click=${() => this.dispatchEvent(new AkeceRetryRequestEvent(m.key))}>${s.retry}</button></small
                    >`
                  : nothing}
            </div>`
          )
        )}
      </div>
    </div>`;
  }

  private handleScroll() {
    const l = this.log;
    this.atBottom = l.scrollHeight - l.scrollTop - l.clientHeight < 40;
    if (l.scrollTop < 40) this.more(false);
  }

  /** Reveals a page already in memory, else asks the root for older messages (once per change unless forced). */
  private more(force: boolean) {
    if (this.messages.length > this.shown) this.shown += PAGE;
    else if (this.hasOlder && !this.loadingOlder && (force || !this.asked)) {
      this.asked = true;
      this.dispatchEvent(new AkeceLoadOlderRequestEvent());
    }
  }

  private stick() {
    if (this.atBottom) this.log.scrollTop = this.log.scrollHeight;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-message-list': AkeceMessageList;
  }
}
