// The panel's chunk, loaded when the panel first opens (or at once with `layout="inline"`): the
// panel frame with its styles, the message list and the composer (registered here), the
// template that puts them together for the root, and what the panel's intents do.
import {html} from 'lit';
import '../define-panel.js';
import {LazyModule} from '../controllers/lazy-module.js';
import {renderPanel, panelStyles as frameStyles} from '../components/panel/panel.js';
import {panelLayoutStyles} from './chat.styles.js';
import {controls} from '../styles/shared.styles.js';
import type {Catalogue} from '../i18n/en.js';
import type {SettingsHost} from '../controllers/host-settings.js';
import type {ChatSession} from '../state/chat-session.js';
import type {ChatState} from '../state/chat-state.js';
import type {MessageSequence} from '../state/model.js';
import type {AkeceSendRequestEvent} from '../events/send-request.js';
import type {AkeceRetryRequestEvent} from '../events/retry-request.js';
import type {AkeceAnswerRequestEvent} from '../events/answer-request.js';
import type {AkeceTypingEvent} from '../events/typing.js';

/** The panel's sheets, adopted by the root when this chunk arrives (before its own, which win). */
export const panelStyles = [controls, frameStyles, panelLayoutStyles];

/** What the root tells its panel. */
export interface PanelViewContext {
  /** The element: the panel's features read their own settings from it (src/controllers/host-settings.ts). */
  host: SettingsHost;
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

/** The text the visitor reads for an error code. */
const errorText = (code: string, strings: Catalogue) => (!code ? '' : code == 'send-failed' ? strings.failed : code == 'config' ? strings.err_config : strings.err_connect);

type ConversationsModule = typeof import('./conversations-view.js');

/** The conversations chunk of each element (contract §9), requested once the element has a contact. */
const conversationChunks = new WeakMap<SettingsHost, LazyModule<ConversationsModule>>();

/** The element's conversations view once its chunk is there; asks for the chunk when a contact exists. */
function conversationsOf({host, actions, state}: PanelViewContext) {
  if (!state?.contact) return undefined;
  let chunk = conversationChunks.get(host);
  // without it the panel still shows the conversation and its composer
  if (!chunk) conversationChunks.set(host, (chunk = new LazyModule(host, () => import('./conversations-view.js'), () => {})));
  chunk.load().catch(() => {});
  return chunk.module?.conversationsView(host, actions);
}

/** The open panel: header, banners, message list and composer (or the conversation list), with their parts exported. */
export const renderPanelView = (context: PanelViewContext) => {
  const {id, open, floating, strings, title, subtitle, state, messages, locale, inboxName, error} = context;
  const messageList = html`<akece-message-list
        exportparts="messages,message,typing-indicator"
        .messages=${messages}
        .strings=${strings}
        .locale=${locale}
        .inboxName=${inboxName}
        .hasOlder=${state?.hasOlder ?? false}
        .loadingOlder=${state?.loadingOlder ?? false}
        .typing=${state?.agentTyping ? state.agentTyping.name : null}
    ></akece-message-list>`;
  const composer = html`<akece-composer exportparts="composer,send-button" .strings=${strings}></akece-composer>`;
  const conversations = conversationsOf(context)?.render(context);
  return renderPanel(
    {
      id,
      open,
      floating,
      strings,
      title,
      subtitle,
      availability: state?.contact ? state.availability : null,
      connection: state?.connection ?? 'idle',
      error: errorText(error, strings),
      leading: conversations?.leading,
      actions: conversations?.actions,
    },
    // (one template whatever the conversations show: the list and the composer keep their elements)
    html`${conversations?.inPlaceOfMessages ?? messageList}${conversations?.inPlaceOfComposer ?? composer}`
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
    const {content, files} = event as AkeceSendRequestEvent;
    actions.run((session) => session.sendMessage(content, files));
  },
  'akece-retry-request': (actions, event) => actions.run((session) => session.retry((event as AkeceRetryRequestEvent).key)),
  'akece-answer-request': (actions, event) => {
    const {key, answer} = event as AkeceAnswerRequestEvent;
    actions.run((session) => session.answer(key, answer));
  },
  'akece-load-older-request': (actions) => actions.run((session) => session.loadOlder()),
};
