// The conversations chunk (contract §9), loaded by the panel once a contact exists: the list of
// the contact's conversations, the back, copy and end buttons of the header, the confirmation
// before ending, the ended state in place of the composer, and the copy (a text file made here).
import {nothing} from 'lit';
import {HostSettings, type SettingsHost} from '../controllers/host-settings.js';
import {ConversationsController} from '../controllers/conversations.js';
import {
  conversationStyles,
  renderConversationActions,
  renderConversationList,
  renderEnded,
  renderEndConfirmation,
} from '../components/conversations/conversations.js';
import {transcriptText} from '../state/transcript.js';
import {t} from '../i18n/i18n.js';
import {intlLocale} from '../i18n/format.js';
import type {MessageSequence} from '../state/model.js';
import type {AkeceConversationRequestEvent} from '../events/conversation-request.js';
import type {PanelActions, PanelViewContext} from './panel-view.js';

/**
 * What the panel renders with the conversations: header buttons, and what takes the place of
 * the message list (the list of conversations) and of the composer (the question, the ended
 * state, or nothing under the list). Undefined keeps the panel's own, in its place, so that its
 * elements (and the focus and text in the composer) stay as they are.
 */
export interface ConversationsRendering {
  leading: unknown;
  actions: unknown;
  inPlaceOfMessages?: unknown;
  inPlaceOfComposer?: unknown;
}

/** Some message is on the server: there is something to copy. */
function hasServerMessages(messages: MessageSequence): boolean {
  for (const message of messages) if (message.id != null) return true;
  return false;
}

/** One per element: its controller, its settings, and what its intents do. */
export class ConversationsView {
  readonly controller: ConversationsController;
  readonly #settings: HostSettings;
  readonly #actions: PanelActions;
  /** The context of the latest render (the copy is made from what the visitor sees). */
  #context: PanelViewContext | null = null;

  constructor(host: SettingsHost, actions: PanelActions) {
    this.#actions = actions;
    this.#settings = new HostSettings(host, ['continue-after-resolve']);
    this.controller = new ConversationsController(host, () => actions.session());
    const root = host.shadowRoot;
    if (root) {
      // this chunk's sheet after the ones the root adopted with the panel
      const sheet = conversationStyles.styleSheet;
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      // the intents of the list and of the header stop here, like every intent (none reaches the page)
      root.addEventListener('akece-conversation-request', (event) => {
        event.stopPropagation();
        this.#handle(event as AkeceConversationRequestEvent);
      });
    }
  }

  /** The header's buttons, and the list or the conversation with the question or the ended state. */
  render(context: PanelViewContext): ConversationsRendering {
    this.#context = context;
    const {strings, locale, state, messages} = context;
    const controller = this.controller;
    if (controller.listShown) {
      return {
        leading: nothing,
        actions: nothing,
        inPlaceOfMessages: renderConversationList({conversations: controller.conversations, strings, locale, loading: controller.loading}),
        inPlaceOfComposer: nothing,
      };
    }
    const shown = state?.conversationId ?? null;
    const ended = state?.conversationStatus == 'resolved';
    const header = renderConversationActions({
      strings,
      back: controller.conversations.some((summary) => summary.id !== shown),
      canEnd: shown != null && !ended,
      canCopy: hasServerMessages(messages),
    });
    const footer = controller.confirming ? renderEndConfirmation(strings) : ended && !this.#settings.flag('continue-after-resolve') ? renderEnded(strings) : undefined;
    return {leading: header.leading, actions: header.trailing, inPlaceOfComposer: footer};
  }

  #handle({action, conversationId}: AkeceConversationRequestEvent) {
    const controller = this.controller;
    const shown = this.#context?.state?.conversationId ?? null;
    switch (action) {
      case 'open':
        if (conversationId == null || conversationId === shown) controller.showList(false);
        else this.#show(conversationId);
        break;
      case 'new':
        this.#show(null);
        break;
      case 'list':
        controller.showList(true);
        break;
      case 'end':
        controller.askToEnd(true);
        break;
      case 'cancel-end':
        controller.askToEnd(false);
        break;
      case 'confirm-end':
        controller.confirming = false;
        controller.focusAfterRender('akece-composer');
        this.#actions.run(async (session) => {
          await session.endConversation();
          controller.focusAfterRender('akece-composer, .ended [part~=new-conversation-button]');
        });
        break;
      case 'transcript':
        this.#saveTranscript();
        break;
    }
  }

  /** Shows another conversation (null: a new one), then puts focus where the visitor goes on: the composer, or the new-conversation button of an ended one. */
  #show(conversationId: number | null) {
    const controller = this.controller;
    this.#actions.run(async (session) => {
      await session.showConversation(conversationId);
      controller.listShown = false;
      controller.focusAfterRender('akece-composer, .ended [part~=new-conversation-button]');
    });
  }

  /** Saves the conversation shown as a text file, made here and handed to the browser's download. */
  #saveTranscript() {
    const context = this.#context;
    if (!context) return;
    const {strings, locale, inboxName, messages, state} = context;
    const format = new Intl.DateTimeFormat(intlLocale(locale), {dateStyle: 'medium', timeStyle: 'short'});
    const text = transcriptText(messages, {
      title: `${t(strings.transcript_heading, {name: inboxName})}\n${t(strings.transcript_saved, {date: format.format(new Date())})}`,
      you: strings.you,
      agent: strings.agent,
      status: (status) => (status == 'open' || status == 'resolved' || status == 'pending' || status == 'snoozed' ? strings[status] : status),
      time: (at) => format.format(at),
    });
    const url = URL.createObjectURL(new Blob([text], {type: 'text/plain;charset=utf-8'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = `conversation-${state?.conversationId ?? 'new'}.txt`;
    link.click();
    // the download has taken the file by then
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

const views = new WeakMap<SettingsHost, ConversationsView>();

/** The element's conversations view, made on first use. */
export function conversationsView(host: SettingsHost, actions: PanelActions): ConversationsView {
  let view = views.get(host);
  if (!view) views.set(host, (view = new ConversationsView(host, actions)));
  return view;
}
