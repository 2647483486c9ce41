import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {SessionController} from '../controllers/session-controller.js';
import {LocaleController} from '../controllers/locale-controller.js';
import {launcherStyles, renderLauncher} from '../components/launcher/launcher.js';
import {panelStyles, renderPanel} from '../components/panel/panel.js';
import type {AkeceComposer} from '../components/composer/composer.js';
import {tokens} from '../styles/tokens.styles.js';
import {shared} from '../styles/shared.styles.js';
import {styles} from './chat.styles.js';
import {emit} from './public-events.js';
import {t} from '../i18n/i18n.js';
import type {AkeceSendRequestEvent} from '../events/send-request.js';
import type {AkeceRetryRequestEvent} from '../events/retry-request.js';
import type {AkeceAnswerRequestEvent} from '../events/answer-request.js';
import type {AkeceTypingEvent} from '../events/typing.js';
import type {ConnectionState, Message, VisitorUser} from '../state/model.js';

let uid = 0;

/**
 * The Akece customer chat widget: a launcher and a chat panel talking to an Akece
 * (Chatwoot-compatible) inbox in real time.
 *
 * @summary Customer chat for Akece inboxes.
 * @tag akece-chat
 *
 * @csspart launcher - The floating button that opens the panel (absent with `layout="inline"`).
 * @csspart unread-badge - The unread count on the launcher, present only when `unreadCount > 0`.
 * @csspart panel - The chat panel.
 * @csspart header - The panel header (title, agent availability).
 * @csspart messages - The scrolling message list.
 * @csspart message - Every rendered message, one each.
 * @csspart typing-indicator - Present and visible only while an agent is typing a public reply.
 * @csspart composer - The area that holds the visitor's text field.
 * @csspart send-button - The send button.
 * @csspart error - A problem shown to the visitor (`role="alert"`).
 *
 * @cssproperty [--akece-color-accent=#2563eb] - Accent: launcher, header, own messages.
 * @cssproperty [--akece-color-surface=#fff] - Panel background.
 * @cssproperty [--akece-color-text=#1f2937] - Text colour.
 * @cssproperty [--akece-font-family=system-ui] - Font family.
 * @cssproperty [--akece-radius=12px] - Corner radius of the panel.
 * @cssproperty [--akece-z-index=2147483000] - Stacking order of the floating widget.
 * @cssproperty [--akece-offset-bottom=20px] - Distance from the bottom of the viewport.
 * @cssproperty [--akece-offset-inline=20px] - Distance from the side of the viewport.
 * @cssproperty [--akece-panel-width=380px] - Width of the floating panel.
 * @cssproperty [--akece-panel-height=600px] - Height of the panel.
 *
 * @fires {CustomEvent<{}>} akece-ready - The element is configured and usable (bubbles, composed).
 * @fires {CustomEvent<{open: boolean}>} akece-open-change - The panel opened or closed (bubbles, composed).
 * @fires {CustomEvent<{state: ConnectionState, previous: ConnectionState}>} akece-connection-change - `connectionState` changed (bubbles, composed).
 * @fires {CustomEvent<{message: Message}>} akece-message - A message was added to the conversation, from either side (bubbles, composed).
 * @fires {CustomEvent<{count: number}>} akece-unread-change - `unreadCount` changed (bubbles, composed).
 * @fires {CustomEvent<{status: ConversationStatus}>} akece-conversation-status - The conversation's status changed (bubbles, composed).
 * @fires {CustomEvent<{code: string, message: string}>} akece-error - Something failed that the page may want to know (bubbles, composed).
 */
export class AkeceChat extends LitElement {
  static override styles = [tokens, shared, launcherStyles, panelStyles, styles];
  static override properties = {
    baseUrl: {attribute: 'base-url'},
    websocketUrl: {attribute: 'websocket-url'},
    inboxIdentifier: {attribute: 'inbox-identifier'},
    pubsubToken: {attribute: 'pubsub-token'},
    contactIdentifier: {attribute: 'contact-identifier'},
    conversationId: {attribute: 'conversation-id', type: Number},
    open: {type: Boolean, reflect: true},
    layout: {reflect: true},
    position: {reflect: true},
    theme: {reflect: true},
    locale: {},
    storage: {},
    presenceInterval: {attribute: 'presence-interval', type: Number},
    headerTitle: {attribute: 'header-title'},
    headerSubtitle: {attribute: 'header-subtitle'},
  };

  readonly #chat = new SessionController(this);
  readonly #i18n = new LocaleController(this);
  readonly #panelId = `akece-panel-${++uid}`;
  /** Set when the panel opens through the visitor or a method call: focus goes to the composer. */
  #focusOnOpen = false;

  /** Origin of the Akece installation; REST goes to `{baseUrl}/public/api/v1/…`. */
  baseUrl = 'https://dash.akece.com';
  /** ActionCable endpoint; default: `base-url` with `ws(s)://` and path `/cable`. */
  websocketUrl = '';
  /** Identifier of the API inbox: needed to create a contact, conversations and messages. */
  inboxIdentifier = '';
  /** A contact pubsub token created elsewhere (never reflected). */
  pubsubToken = '';
  /** The contact's `source_id` for REST calls, paired with `pubsub-token` (never reflected). */
  contactIdentifier = '';
  /** Conversation to show; default: the contact's latest, created on the first message. */
  conversationId: number | null = null;
  /** Panel open. */
  open = false;
  /** `floating`: launcher + panel in a corner. `inline`: the panel fills the element. */
  layout: 'floating' | 'inline' = 'floating';
  /** Corner of the floating launcher (mirrored for RTL). */
  position: 'right' | 'left' = 'right';
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: 'light' | 'dark' | 'auto' = 'auto';
  /** UI language; default: the page's `lang`, else the browser's. English fills gaps. */
  locale = '';
  /** Where the contact is remembered: `local`, `session` or `none` (nothing written). */
  storage: 'local' | 'session' | 'none' = 'local';
  /** Seconds between `update_presence` heartbeats. */
  presenceInterval = 30;
  /** Title of the panel header. */
  headerTitle = '';
  /** Subtitle of the panel header. */
  headerSubtitle = '';

  /** The connection: `idle`, `connecting`, `connected`, `reconnecting`, `offline` or `error`. */
  get connectionState(): ConnectionState {
    return this.#chat.state.connection;
  }

  /** Agent messages the visitor has not seen. */
  get unreadCount(): number {
    return this.#chat.state.unreadCount;
  }

  /** The visible conversation, oldest first. */
  get messages(): readonly Message[] {
    return this.#chat.state.messages.slice();
  }

  /** @internal Panel open and page visible, for the session controller. */
  get panelVisible(): boolean {
    return (this.open || this.layout === 'inline') && document.visibilityState !== 'hidden';
  }

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#sync);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#sync);
  }

  /** Opens the panel. */
  show() {
    this.#setOpen(true);
  }

  /** Closes the panel. */
  hide() {
    this.#setOpen(false);
  }

  /** Opens or closes the panel. */
  toggle() {
    this.#setOpen(!this.open);
  }

  /** Sends `content` as the visitor; resolves once the server has it. */
  sendMessage(content: string): Promise<Message> {
    return this.#chat.run((s) => s.sendMessage(content));
  }

  /** Identifies the visitor (name, email, identifier with its HMAC, …). */
  setUser(user: VisitorUser): Promise<void> {
    return this.#chat.run((s) => s.setUser(user));
  }

  /** Forgets the stored contact and conversation (logout), disconnects and clears the view. */
  reset(): Promise<void> {
    return this.#chat.run((s) => s.reset());
  }

  // Renders at most once per animation frame: a burst of socket frames (each its own task)
  // becomes one render instead of one each. A hidden page renders without waiting (no frames).
  protected override async scheduleUpdate() {
    if (!document.hidden) await new Promise(requestAnimationFrame);
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('open') || changed.has('layout')) this.#sync();
  }

  protected override updated(changed: PropertyValues<this>) {
    this.setAttribute('connection-state', this.connectionState);
    if (changed.has('open') && this.open && this.#focusOnOpen) {
      this.#focusOnOpen = false;
      const composer = this.renderRoot.querySelector<AkeceComposer>('akece-composer');
      composer?.updateComplete.then(() => composer.focus());
    }
  }

  override render() {
    const st = this.#chat.state;
    const strings = this.#i18n.strings;
    const floating = this.layout != 'inline';
    const error = st.error && st.error.code != 'load-failed' ? st.error.code : '';
    // One live region for the other side: messages with their sender's name, and typing.
    const said = this.#chat.said;
    return html`<div dir=${this.#i18n.dir} @keydown=${this.#handleKeydown} @akece-toggle-request=${this.#handleIntent} @akece-close-request=${this.#handleIntent} @akece-send-request=${this.#handleIntent} @akece-retry-request=${this.#handleIntent} @akece-load-older-request=${this.#handleIntent} @akece-answer-request=${this.#handleIntent} @akece-typing=${this.#handleIntent}>
      <p class="sr" aria-live="polite">${said == null ? '' : typeof said == 'string' ? t(strings.typing, said || strings.agent) : `${said.sender?.name || strings.agent}: ${said.content}`}</p>
      ${floating ? renderLauncher({open: this.open, unread: st.unreadCount, controls: this.#panelId, strings}) : nothing}
      ${renderPanel(
        {
          id: this.#panelId,
          open: this.open || !floating,
          floating,
          strings,
          title: this.headerTitle,
          subtitle: this.headerSubtitle,
          availability: st.contact ? st.availability : null,
          connection: st.connection,
          error: error && (error == 'send-failed' ? strings.failed : error == 'config' ? strings.err_config : strings.err_connect),
        },
        html`<akece-message-list exportparts="messages,message,typing-indicator" .messages=${st.messages} .strings=${strings} .locale=${this.#i18n.locale} .inboxName=${this.headerTitle || strings.title} .hasOlder=${st.hasOlder} .loadingOlder=${st.loadingOlder} .typing=${st.agentTyping ? st.agentTyping.name : null}></akece-message-list>
          <akece-composer exportparts="composer,send-button" .strings=${strings}></akece-composer>`
      )}
    </div>`;
  }

  #setOpen(open: boolean, focusLauncher?: boolean) {
    if (open == this.open) return;
    this.#focusOnOpen = open;
    this.open = open;
    this.updateComplete.then(() => {
      emit(this, 'akece-open-change', {open});
      if (focusLauncher) this.renderRoot.querySelector<HTMLElement>('[part=launcher]')?.focus();
    });
  }

  #sync = () => this.#chat.syncVisibility();

  #handleKeydown(e: KeyboardEvent) {
    if (e.key == 'Escape' && this.open && this.layout != 'inline') {
      e.stopPropagation();
      this.#setOpen(false, true);
    }
  }

  /** Internal intent events from the children stop here (none reaches the page) and become calls. */
  #handleIntent(e: Event) {
    e.stopPropagation();
    const i = e as Event & Partial<AkeceSendRequestEvent & AkeceRetryRequestEvent & AkeceAnswerRequestEvent & AkeceTypingEvent>;
    const type = e.type.slice(6); // without 'akece-'
    if (type == 'toggle-request') this.toggle();
    else if (type == 'close-request') this.#setOpen(false, true);
    else if (type == 'typing') this.#chat.session?.setTyping(i.on!);
    else
      this.#chat
        .run<unknown>((s) =>
          type == 'send-request' ? s.sendMessage(i.content!, i.files) : type == 'retry-request' ? s.retry(i.key!) : type == 'answer-request' ? s.answer(i.key!, i.answer!) : s.loadOlder()
        )
        // A failure is shown in the list (failed, with a retry button) and as an akece-error event.
        .catch(() => {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-chat': AkeceChat;
  }
}
