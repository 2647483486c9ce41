import {LitElement, adoptStyles, html, nothing} from 'lit';
import {SessionController} from '../controllers/session-controller.js';
import {LocaleController} from '../controllers/locale-controller.js';
import {LazyModule} from '../controllers/lazy-module.js';
import {renderLauncher, launcherStyles} from '../components/launcher/launcher.js';
import type {AkeceComposer} from '../components/composer/composer.js';
import {tokens} from '../styles/tokens.styles.js';
import {base} from '../styles/base.styles.js';
import {styles} from './chat.styles.js';
import {emit} from '../events/public-events.js';
import {t} from '../i18n/text.js';
import type {ConnectionState, Message, VisitorUser} from '../state/model.js';

type PanelModule = typeof import('./panel-view.js');
type PanelActions = import('./panel-view.js').PanelActions;

let panelCount = 0;
const noop = () => {};

/** A failure the visitor sees: a chunk that did not load, or the session's (not a failed history page). */
const visibleError = (code: string | undefined, loadFailed: boolean) => (loadFailed ? 'module' : code && code != 'load-failed' ? code : '');

/** The root's own sheets; the panel's come with its chunk and go between the tokens and these. */
const rootStyles = [base, launcherStyles, styles];

/**
 * The Akece customer chat widget: a launcher and a chat panel talking to an Akece
 * (Chatwoot-compatible) inbox in real time.
 *
 * A thin container: controllers own the session (loaded when a contact is known or the chat is
 * first used), the language and the live region; the panel's code arrives when it first opens.
 * It maps the session's state to its children's properties and their intent events to calls.
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
 * @csspart emoji-button - The composer's button that opens the emoji picker.
 * @csspart reply-quote - In a reply, the quote of the message it answers; activating it scrolls to that message.
 * @csspart error - A problem shown to the visitor (`role="alert"`).
 * @csspart conversation-list - The contact's conversations, newest first.
 * @csspart conversation-item - One conversation in the list (latest message, time, status).
 * @csspart back-button - From a conversation back to the list.
 * @csspart new-conversation-button - Starts a new conversation (in the list, and once one has ended).
 * @csspart end-conversation-button - Ends the conversation, after a confirmation in the panel.
 * @csspart transcript-button - Saves the conversation as a text file made in the browser.
 * @csspart availability - In the header: whether the team is in, and when it is back (working hours, agents' presence).
 * @csspart pre-chat-form - The pre-chat form, shown before a new contact's first message.
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
 * @fires {CustomEvent<{conversationId: number | null}>} akece-conversation-change - The conversation shown changed; `null` for a new one not yet created (bubbles, composed).
 * @fires {CustomEvent<{code: string, message: string}>} akece-error - Something failed that the page may want to know (bubbles, composed).
 */
export class AkeceChat extends LitElement {
  static override styles = [tokens, ...rootStyles];
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
    // (the one §11 setting read at page start: `hide` loads src/controllers/away-launcher.ts whenever it is set)
    awayMode: {attribute: 'away-mode'},
  };

  readonly #chat = new SessionController(this, (error) => this.#handleModuleError(error));
  readonly #i18n = new LocaleController(this);
  readonly #panel = new LazyModule<PanelModule>(
    this,
    () =>
      // The panel's code and the whole catalogue, fetched side by side: the panel shows both.
      Promise.all([import('./panel-view.js'), this.#i18n.loadCatalogue()]).then(([view]) => {
        adoptStyles(this.renderRoot as ShadowRoot, [tokens, ...view.panelStyles, ...rootStyles]);
        // The panel's intents are the panel chunk's to name and carry out; none reaches the page.
        for (const [type, carryOut] of Object.entries(view.panelIntents)) {
          this.renderRoot.addEventListener(type, (event) => {
            event.stopPropagation();
            carryOut(this.#panelActions, event);
          });
        }
        return view;
      }),
    (error) => this.#handleModuleError(error)
  );
  readonly #panelId = `akece-panel-${++panelCount}`;
  /** Set when the panel opens through the visitor or a method call: focus goes to the composer once it is there. */
  #focusOnOpen = false;

  /** What the panel's intents may do (src/chat/panel-view.ts maps each intent to these). */
  readonly #panelActions: PanelActions = {
    run: (call) => this.#chat.run(call).catch(noop),
    session: () => this.#chat.session,
    close: () => this.#setOpen(false, true),
  };

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
  /** The conversation shown (set it to show another); default: the contact's latest unresolved, else latest; a new one is created by the first message. */
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
  /** `show`, `hide` or `email`: what happens outside working hours (contract §11). */
  declare awayMode: string | undefined;

  /** The connection: `idle`, `connecting`, `connected`, `reconnecting`, `offline` or `error`. */
  get connectionState(): ConnectionState {
    return this.#chat.state?.connection ?? 'idle';
  }

  /** Agent messages the visitor has not seen. */
  get unreadCount(): number {
    return this.#chat.state?.unreadCount ?? 0;
  }

  /** The visible conversation, oldest first (a read-only array). */
  get messages(): readonly Message[] {
    return this.#chat.messages;
  }

  /**
   * @internal The visitor can see the conversation: the panel is open and drawn (its chunk has
   * arrived) and the page is visible. The session controller loads a new visitor's session only
   * then, so that opening fetches the panel first and the composer is usable sooner.
   */
  get panelVisible(): boolean {
    return this.#panelShown && this.#panel.module != null && document.visibilityState !== 'hidden';
  }

  /** The panel is open, or always there (`layout="inline"`). */
  get #panelShown(): boolean {
    return this.open || this.layout === 'inline';
  }

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#handleVisibilityChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#handleVisibilityChange);
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
    return this.#chat.run((session) => session.sendMessage(content));
  }

  /** Identifies the visitor (name, email, identifier with its HMAC, …). */
  setUser(user: VisitorUser): Promise<void> {
    return this.#chat.run((session) => session.setUser(user));
  }

  /** The next message starts a new conversation (nothing is created before it). */
  startConversation(): Promise<void> {
    return this.#chat.run((session) => session.showConversation(null));
  }

  /** Shows another of the contact's conversations. */
  openConversation(conversationId: number): Promise<void> {
    return this.#chat.run((session) => session.showConversation(conversationId));
  }

  /** Ends (resolves) the conversation shown, without asking; resolves once the server has it. */
  endConversation(): Promise<void> {
    return this.#chat.run((session) => session.endConversation());
  }

  /** Merges into the contact's custom attributes (kept until a contact exists). */
  setCustomAttributes(attributes: Record<string, unknown>): Promise<void> {
    return this.#chat.run((session) => session.setCustomAttributes(attributes));
  }

  /** Custom attributes for the next conversation, sent when it is created. */
  setConversationCustomAttributes(attributes: Record<string, unknown>): Promise<void> {
    return this.#chat.run((session) => session.setConversationCustomAttributes(attributes));
  }

  /** Forgets the stored contact and conversation (logout), disconnects and clears the view. */
  reset(): Promise<void> {
    return this.#chat.run((session) => session.reset());
  }

  // Renders at most once per animation frame: a burst of socket frames (each its own task)
  // becomes one render instead of one each. A hidden page renders without waiting (no frames).
  protected override async scheduleUpdate() {
    if (!document.hidden) await new Promise(requestAnimationFrame);
    super.scheduleUpdate();
  }

  // Settles once what the last change needs has arrived and is drawn: after `show()`, the
  // panel's chunk; with a known contact, the session's.
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.#pendingModules(); pending.length; pending = this.#pendingModules()) {
      await Promise.allSettled(pending);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate() {
    if (this.#panelShown) this.#panel.load().catch(noop);
    this.#chat.syncVisibility();
    // `away-mode="hide"` reads the inbox at load (contract §11), whenever the attribute or property is set: all of it in a chunk of its own.
    if (this.awayMode == 'hide') import('../controllers/away-launcher.js').then((away) => away.hideWhenAway(this, this.#panelActions), noop);
  }

  protected override updated() {
    this.setAttribute('connection-state', this.connectionState);
    const composer = this.#focusOnOpen && this.open ? this.renderRoot.querySelector<AkeceComposer>('akece-composer') : null;
    if (composer) {
      this.#focusOnOpen = false;
      composer.updateComplete.then(() => composer.focus());
    }
  }

  override render() {
    return html`<div
      dir=${this.#i18n.dir}
      @keydown=${this.#handleKeydown}
      @akece-toggle-request=${this.#handleToggleRequest}
    >
      ${this.#renderLiveRegion()} ${this.layout == 'inline' ? nothing : this.#renderLauncher()} ${this.#chat.extras} ${this.#renderPanel()}
    </div>`;
  }

  /** One polite live region for the other side: a message with its sender's name, or who is typing. */
  #renderLiveRegion() {
    const strings = this.#i18n.launcherStrings;
    const said = this.#chat.announcement;
    const text = !said ? '' : said.kind == 'typing' ? t(strings.typing, said.name || strings.agent) : `${said.message.sender?.name || strings.agent}: ${said.text}`;
    return html`<p class="sr" aria-live="polite">${text}</p>`;
  }

  #renderLauncher() {
    return renderLauncher({open: this.open, unread: this.unreadCount, controls: this.#panelId, strings: this.#i18n.launcherStrings});
  }

  /** The panel once its chunk is there; before, only its error box if a chunk was refused. */
  #renderPanel() {
    const state = this.#chat.state;
    const error = visibleError(state?.error?.code, Boolean(this.#panel.error || this.#chat.loadError));
    const view = this.#panel.module;
    const strings = this.#i18n.strings;
    if (!view || !strings) return this.#panelShown && error ? html`<div part="error" class="module-error" role="alert">${this.#i18n.launcherStrings.err_connect}</div>` : nothing;
    return view.renderPanelView({
      host: this,
      actions: this.#panelActions,
      id: this.#panelId,
      open: this.#panelShown,
      strings,
      state,
      locale: this.#i18n.locale,
      error,
    });
  }

  #pendingModules(): Promise<unknown>[] {
    return [this.#panel.pending, this.#chat.pending].filter((pending) => pending != null);
  }

  #setOpen(open: boolean, focusLauncher = false) {
    if (open == this.open) return;
    this.#focusOnOpen = open;
    this.open = open;
    if (open) this.#panel.load({again: true}).catch(noop);
    this.updateComplete.then(() => {
      emit(this, 'akece-open-change', {open});
      if (focusLauncher) this.renderRoot.querySelector<HTMLElement>('[part=launcher]')?.focus();
    });
  }

  #handleModuleError(error: Error) {
    const code = 'code' in error && typeof error.code == 'string' ? error.code : 'module-failed';
    emit(this, 'akece-error', {code, message: error.message});
  }

  #handleVisibilityChange = () => this.#chat.syncVisibility();

  #handleKeydown(event: KeyboardEvent) {
    if (event.key == 'Escape' && this.open && this.layout != 'inline') {
      event.stopPropagation();
      this.#setOpen(false, true);
    }
  }

  /** The launcher's intent (the panel's are listened for once its chunk is in); it stops here. */
  #handleToggleRequest(event: Event) {
    event.stopPropagation();
    this.toggle();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-chat': AkeceChat;
  }
}
