// The reach chunk (contract §10): message previews beside the closed launcher, the reply chime
// and system notifications, and the panel's toggles for them. Loaded on first need: by the
// session (src/controllers/session-binding.ts) once the other side has written something the
// visitor has not seen, and by the panel (src/chat/panel-view.ts) for its toggles. Nothing here
// is in the page-start or the session's chunk.
import '../define-reach.js';
import {html, nothing} from 'lit';
import type {ReactiveControllerHost} from 'lit';
import type {ChatSession} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {Message} from '../state/model.js';
import type {AkeceEvent} from '../protocol/payloads.js';
import {UnreadElsewhere} from '../state/unread-elsewhere.js';
import type {Catalogue} from '../i18n/en.js';
import {loadLocale} from '../i18n/load.js';
import {t} from '../i18n/text.js';
import type {PreviewItem} from '../components/previews/previews.js';
import {ReachSettings, type ReachHost} from './reach-settings.js';
import {ReplyAlerts} from './reply-alerts.js';
import {Chime} from './chime.js';
import {Notifier} from './notifier.js';
import {previewItems} from './preview-items.js';

export {renderReachControls} from './controls.js';
export type {ReachHost} from './reach-settings.js';

/** What <akece-chat> is to this chunk: its configuration, and `open`, `layout`, `position`, `locale`. */
export interface ReachElement extends ReachHost {
  open: boolean;
  layout: 'floating' | 'inline';
  position: 'right' | 'left';
  locale: string;
}

/** A notification's text is a preview too: this many characters at most. */
const NOTICE_LENGTH = 200;

/**
 * Reaching the visitor for one session: told of each new message by the session's binding
 * (`heard`), it chimes and notifies (ReplyAlerts) and draws the previews the root renders beside
 * its launcher (`render`). Its strings are the visitor's language's, loaded here: the panel may
 * never have opened.
 */
export class Reach {
  readonly #host: ReachElement;
  readonly #session: ChatSession;
  readonly #settings: ReachSettings;
  readonly #alerts: ReplyAlerts;
  #strings: Catalogue | null = null;
  #language = '';
  /** The newest message the visitor dismissed from the previews (unix ms): older ones stay hidden. */
  #dismissedThrough = 0;
  /** The last previews drawn, and what they were made from (a render without a change draws the same array). */
  #items: PreviewItem[] = [];
  #itemsFrom: [ChatState, number] | null = null;
  /** The count of replies in the contact's other conversations, made with the first of them. */
  #elsewhere: UnreadElsewhere | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, session: ChatSession) {
    // The binding's host is <akece-chat> (src/chat/chat.ts), whose properties these are.
    this.#host = host as ReachElement;
    this.#session = session;
    this.#settings = ReachSettings.for(this.#host);
    this.#alerts = new ReplyAlerts(this.#settings, new Chime(), new Notifier(), {
      panelShown: () => this.#host.open || this.#host.layout == 'inline',
      notice: (message) => this.#notice(message),
      open: () => this.#host.show(),
      lockName: (message) => `akece-chat:chime:${this.#host.baseUrl}:${message.key}`,
    });
    this.#loadStrings();
  }

  /** A new message in the conversation (from either side), as the session announced it. */
  heard(message: Message) {
    this.#alerts.heard(message);
  }

  /**
   * A message the socket brought, of any of the contact's conversations. From the first one of a
   * conversation not shown on, the launcher's count includes the other conversations' unread
   * replies (src/state/unread-elsewhere.ts, which then hears the socket itself, and reads the list
   * for what came before).
   */
  heardCreated(event: Extract<AkeceEvent, {event: 'message.created'}>) {
    const elsewhere = event.data.conversation_id != this.#session.store.getState().conversationId;
    if (elsewhere && !this.#elsewhere) this.#elsewhere = new UnreadElsewhere(this.#session, event);
  }

  /** The previews, while the panel is closed and there is something unread to preview. */
  render() {
    this.#loadStrings();
    const host = this.#host;
    const strings = this.#strings;
    if (!strings || host.open || host.layout == 'inline' || !this.#settings.previews) return nothing;
    const items = this.#previewItems(strings);
    if (!items.length) return nothing;
    return html`<akece-previews
      exportparts="preview,preview-dismiss"
      .position=${host.position == 'left' ? 'left' : 'right'}
      .items=${items}
      .strings=${strings}
      @akece-preview-dismiss-request=${this.#handleDismiss}
    ></akece-previews>`;
  }

  dispose() {
    this.#alerts.dispose();
  }

  #previewItems(strings: Catalogue): PreviewItem[] {
    const state = this.#session.store.getState();
    const from = this.#itemsFrom;
    if (from?.[0] !== state || from[1] !== this.#dismissedThrough) {
      this.#itemsFrom = [state, this.#dismissedThrough];
      this.#items = previewItems(state, this.#dismissedThrough, {agent: strings.agent, attachment: strings.preview_attachment});
    }
    return this.#items;
  }

  #notice(message: Message) {
    const strings = this.#strings;
    const body = message.content.trim() || (message.attachments.length ? (strings?.preview_attachment ?? '') : '');
    if (!strings || !body) return null;
    const name = message.sender?.name || strings.agent;
    return {title: t(strings.preview_from, {name}), body: body.slice(0, NOTICE_LENGTH), lang: strings.lang, dir: strings.dir};
  }

  /** The catalogue of the element's language (as LocaleController picks it), loaded again when it changes. */
  #loadStrings() {
    const language = this.#host.locale || document.documentElement.lang || navigator.language || 'en';
    if (language == this.#language) return;
    this.#language = language;
    loadLocale(language).then((strings) => {
      if (language != this.#language) return;
      this.#strings = strings;
      this.#host.requestUpdate();
    });
  }

  #handleDismiss = (event: Event) => {
    event.stopPropagation();
    const newest = this.#items.at(-1);
    if (newest) this.#dismissedThrough = newest.createdAt;
    this.#host.requestUpdate();
    // The previews are gone: focus goes back to the launcher rather than to the page's start.
    this.#host.shadowRoot?.querySelector<HTMLElement>('[part=launcher]')?.focus();
  };
}

/** Reaching the visitor for a session of `host`; the binding tells it of each new message and disposes of it with the session. */
export const attachReach = (host: ReactiveControllerHost & HTMLElement, session: ChatSession) => new Reach(host, session);
