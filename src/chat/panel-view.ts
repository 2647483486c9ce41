// The panel's chunk, loaded when the panel first opens (or at once with `layout="inline"`): the
// panel frame with its styles, the message list and the composer (registered here), the
// template that puts them together for the root, and what the panel's intents do.
import {html, nothing} from 'lit';
import '../define-panel.js';
import {LazyModule} from '../controllers/lazy-module.js';
import {renderPanel, panelStyles as frameStyles} from '../components/panel/panel.js';
import {panelLayoutStyles} from './chat.styles.js';
import {controls} from '../styles/shared.styles.js';
import type {Catalogue} from '../i18n/en.js';
import {HostSettings, type SettingsHost} from '../controllers/host-settings.js';
import type {InboxHost} from '../controllers/inbox-status.js';
import {firstContactParts} from './first-contact-view.js';
import {firstContactStyles} from './first-contact.styles.js';
import type {ChatSession} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {MessageSequence} from '../state/model.js';
import type {RecentStorage} from '../components/emoji/recent-emoji.js';
import type {AkeceSendRequestEvent} from '../events/send-request.js';
import type {AkeceRetryRequestEvent} from '../events/retry-request.js';
import type {AkeceAnswerRequestEvent} from '../events/answer-request.js';
import type {AkeceTypingEvent} from '../events/typing.js';

/** The panel's sheets, adopted by the root when this chunk arrives (before its own, which win). */
export const panelStyles = [controls, frameStyles, panelLayoutStyles, firstContactStyles];

/** The element as the panel reads it: its header texts and layout, and the settings of its features. */
export interface PanelHost extends InboxHost {
  headerTitle: string;
  headerSubtitle: string;
  layout: 'floating' | 'inline';
}

/** What the panel's parts are drawn from. */
export interface PanelViewContext {
  /** The element: the panel's features read their own settings from it (src/controllers/host-settings.ts). */
  host: PanelHost;
  /** What the panel's intents may do (the conversations chunk acts through these too). */
  actions: PanelActions;
  /** Id of the panel (the launcher's `aria-controls`). */
  id: string;
  open: boolean;
  floating: boolean;
  strings: Catalogue;
  title: string;
  subtitle: string;
  /** The session's state; null before there is a session. */
  state: ChatState | null;
  /** The conversation as the state holds it (a sequence, so that no render copies it). */
  messages: MessageSequence;
  /** BCP 47 language of the strings, for dates and day labels. */
  locale: string;
  /** Who answers, for the list's labels: the title, or the inbox's name. */
  inboxName: string;
  /** A problem for the visitor, as its code ('' none): the session's or `module` (a chunk did not load). */
  error: string;
}

type ReachModule = typeof import('../reach/reach.js');

/** Each element's copy of a later chunk of the panel: a LazyModule (it re-renders the element when the chunk arrives). */
function lazyChunk<T>(chunks: WeakMap<SettingsHost, LazyModule<T>>, host: SettingsHost, importModule: () => Promise<T>): LazyModule<T> {
  let chunk = chunks.get(host);
  // (a chunk that cannot load leaves the panel without its feature: no error to report)
  if (!chunk) chunks.set(host, (chunk = new LazyModule(host, importModule, () => {})));
  return chunk;
}

/** The reach chunk (src/reach/), for the header's sound and notification toggles: loaded with the first panel. */
const reachChunks = new WeakMap<SettingsHost, LazyModule<ReachModule>>();

function reachControls(host: SettingsHost, strings: Catalogue) {
  const chunk = lazyChunk(reachChunks, host, () => import('../reach/reach.js'));
  chunk.load().catch(() => {}); // without the chunk, the panel has no toggles
  return chunk.module ? chunk.module.renderReachControls(host as import('../reach/reach.js').ReachHost, strings) : nothing;
}

/** The element's settings for attachments, read where they are used (one reader per element). */
const attachmentSettings = new WeakMap<SettingsHost, HostSettings>();
const attachmentSettingsOf = (host: SettingsHost) => {
  let settings = attachmentSettings.get(host);
  if (!settings) attachmentSettings.set(host, (settings = new HostSettings(host, ['max-attachment-size', 'accept'])));
  return settings;
};

/** Files dragged over the panel go to its composer (which shows the drop zone and takes dropped files). */
function dragToComposer(event: DragEvent) {
  const panel = event.currentTarget as Element;
  panel.querySelector('akece-composer')?.handleDrag(event, panel);
}

/** The text the visitor reads for an error code. */
const errorText = (code: string, strings: Catalogue) => (!code ? '' : code == 'send-failed' ? strings.failed : code == 'config' ? strings.err_config : strings.err_connect);

type ConversationsModule = typeof import('./conversations-view.js');

/** The conversations chunk of each element (contract §9), requested once the element has a contact. */
const conversationChunks = new WeakMap<SettingsHost, LazyModule<ConversationsModule>>();

/** The element's conversations view once its chunk is there; asks for the chunk when a contact exists. */
function conversationsOf({host, actions, state}: PanelViewContext) {
  if (!state?.contact) return undefined;
  // without it the panel still shows the conversation and its composer
  const chunk = lazyChunk(conversationChunks, host, () => import('./conversations-view.js'));
  chunk.load().catch(() => {});
  return chunk.module?.conversationsView(host, actions);
}

/** In place of the composer while the panel cannot yet tell whether the visitor must first sign in or answer a form. */
const waitingEntry = (strings: Catalogue) =>
  html`<div class="entry-waiting" role="status">
    <span class="entry-waiting-dots" aria-hidden="true"><span></span><span></span><span></span></span>
    <span class="entry-waiting-text">${strings.loading}</span>
  </div>`;

/**
 * What the root gives its panel (kept small: the root is in the page-start script); the panel
 * reads the rest from the element.
 */
export type PanelRootContext = Pick<PanelViewContext, 'host' | 'actions' | 'id' | 'open' | 'strings' | 'state' | 'locale' | 'error'>;

/**
 * No conversation to show yet, and none to wait for: a new visitor, or a known one whose
 * conversations have been looked up (connected) with none in view (or a new one started).
 */
const isNewConversation = (state: ChatState | null | undefined) =>
  state != null && state.conversationId == null && (state.contact == null || state.connection == 'connected');

/** The open panel: header, banners, message list and composer (or the conversation list, the pre-chat form), with their parts exported. */
export const renderPanelView = (root: PanelRootContext) => {
  const {host, state, strings} = root;
  const context: PanelViewContext = {
    ...root,
    floating: host.layout != 'inline',
    title: host.headerTitle,
    subtitle: host.headerSubtitle,
    messages: state?.messages ?? [],
    inboxName: host.headerTitle || strings.title,
  };
  const {id, open, floating, title, subtitle, messages, locale, error} = context;
  const settings = attachmentSettingsOf(host);
  const composer = html`<akece-composer
    exportparts="composer,send-button,emoji-button,attach-button,attachment-preview,upload-progress,record-button,record-timer,record-cancel"
    .strings=${strings}
    .storage=${(host as SettingsHost & {storage?: RecentStorage}).storage ?? 'local'}
    .maxAttachmentSize=${settings.positiveNumber('max-attachment-size', 40) * 1024 * 1024}
    .accept=${settings.attribute('accept') ?? ''}
  ></akece-composer>`;
  // The §11 parts (inbox, availability, greeting, sign-in and pre-chat form): their module is one
  // of this chunk's own imports, fetched beside it. A composer shows only once it is known
  // whether a form or a sign-in comes first, so opening needs them; asked for at the first
  // render, they were a second round trip before every first open.
  const welcome = firstContactParts(strings, title, messages, {host, composer, waiting: waitingEntry(strings), contact: state?.contact ?? null, session: root.actions.session()});
  const messageList = html`<akece-message-list
    exportparts="messages,message,typing-indicator,reply-quote"
    .messages=${welcome.messages}
    .strings=${strings}
    .locale=${locale}
    .inboxName=${welcome.title || strings.title}
    .hasOlder=${state?.hasOlder ?? false}
    .loadingOlder=${state?.loadingOlder ?? false}
    .typing=${state?.agentTyping ? state.agentTyping.name : null}
    .newConversation=${isNewConversation(state)}
  ></akece-message-list>`;
  // Below the list: a notice (away, signing in) and the composer, or the pre-chat form in its place.
  const entry = html`${welcome.notice}${welcome.entry}`;
  const conversations = conversationsOf(context)?.render(context);
  return renderPanel(
    {
      id,
      open,
      floating,
      strings,
      title: welcome.title,
      subtitle,
      replyTime: welcome.replyTime,
      availability: state?.contact ? state.availability : null,
      officeHours: welcome.officeHours,
      connection: state?.connection ?? 'idle',
      error: errorText(error, strings),
      leading: conversations?.leading,
      actions: html`${conversations?.actions ?? nothing}${reachControls(host, strings)}`,
      onDrag: dragToComposer,
    },
    // (one template whatever the conversations show: the list and the composer keep their elements)
    html`${conversations?.inPlaceOfMessages ?? messageList}${conversations?.inPlaceOfComposer ?? entry}`
  );
};

/** What the panel's intents ask of the root. */
export interface PanelActions {
  /** Runs a call on the session (loading it if need be); a failure shows in the list and as `akece-error`. */
  run(call: (session: ChatSession) => unknown): void;
  /** The running session, if any. */
  session(): ChatSession | null;
  /** Closes the panel and returns focus to the launcher. */
  close(): void;
}

/** The panel's internal intent events, by name: what each one does. */
export const panelIntents: Record<string, (actions: PanelActions, event: Event) => void> = {
  'akece-close-request': (actions) => actions.close(),
  'akece-typing': (actions, event) => actions.session()?.setTyping((event as AkeceTypingEvent).on),
  'akece-send-request': (actions, event) => {
    const {content, files, upload} = event as AkeceSendRequestEvent;
    actions.run(async (session) => {
      // Files go through the on-demand upload module, which reports their progress (without
      // it, for instance if it cannot load, they go by fetch, with no progress to show).
      if (files.length && upload) await import('../api/form-upload.js').then(({watchUpload}) => watchUpload(files, upload), () => {});
      return session.sendMessage(content, files);
    });
  },
  'akece-retry-request': (actions, event) => actions.run((session) => session.retry((event as AkeceRetryRequestEvent).key)),
  'akece-answer-request': (actions, event) => {
    const {key, answer} = event as AkeceAnswerRequestEvent;
    actions.run((session) => session.answer(key, answer));
  },
  'akece-load-older-request': (actions) => actions.run((session) => session.loadOlder()),
};
