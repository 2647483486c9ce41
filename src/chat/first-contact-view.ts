// The panel's side of contract §11, a chunk the panel loads once it is drawn (so that it costs
// the first open nothing): the header's title, reply time and availability from the inbox and
// its working hours, the greeting as the first bubble of a new conversation, and, in place of
// the composer, what the visitor must do first (sign in, or answer the pre-chat form, whose
// element loads only when it is shown).
import {html, nothing} from 'lit';
import type {Catalogue} from '../i18n/en.js';
import {formatReturn} from '../i18n/office-hours.js';
import {firstContactOf, type FirstContact} from '../controllers/first-contact.js';
import type {InboxHost} from '../controllers/inbox-status.js';
import type {Message, MessageSequence} from '../state/model.js';
import type {AkecePreChatSubmitEvent} from '../events/pre-chat-submit.js';

/** The header's reply-time line for `reply-time`, '' without one. */
function replyTimeText(welcome: FirstContact, strings: Catalogue): string {
  const replyTime = welcome.replyTime;
  return replyTime ? strings[`reply_${replyTime}`] : '';
}

/** In or away by the working hours, with when the team is back in the visitor's zone and language; null without working hours. */
function officeHoursLine(welcome: FirstContact, strings: Catalogue): {open: boolean; back: string} | null {
  const hours = welcome.inbox.hours;
  if (!hours) return null;
  return hours.open ? {open: true, back: ''} : {open: false, back: hours.opensAt ? formatReturn(hours.opensAt, strings) : ''};
}

/** A conversation with the greeting before its messages (a view: nothing is copied). */
class Greeted implements MessageSequence {
  constructor(
    readonly greeting: Message,
    readonly messages: MessageSequence
  ) {}

  get length() {
    return this.messages.length + 1;
  }

  at(index: number): Message | undefined {
    const at = index < 0 ? index + this.length : index;
    return at == 0 ? this.greeting : at > 0 ? this.messages.at(at - 1) : undefined;
  }

  slice(start?: number, end?: number): Message[] {
    return [...this].slice(start, end);
  }

  *[Symbol.iterator]() {
    yield this.greeting;
    yield* this.messages;
  }
}

/**
 * A conversation's first message counts as written after the greeting appeared when it is at
 * most this much older (server clocks differ from the visitor's by a little).
 */
const CLOCK_SLACK_MS = 30_000;

/**
 * The `greeting` as the first bubble of a conversation that had no messages when it was shown:
 * it stays above the messages that follow (during this page's life), never above an earlier
 * conversation. It is the widget's own, never sent.
 */
class GreetingLine {
  #shownAt = 0;
  #message: Message | null = null;
  #wrapped: Greeted | null = null;

  /** `messages`, with the greeting first when it belongs there. */
  around(text: string, messages: MessageSequence): MessageSequence {
    if (!text) return messages;
    const first = messages.at(0);
    if (!first) this.#shownAt ||= Date.now();
    else if (!this.#shownAt || first.createdAt < this.#shownAt - CLOCK_SLACK_MS) return messages;
    if (this.#message?.content != text) {
      this.#message = greetingMessage(text, this.#shownAt);
      this.#wrapped = null;
    }
    if (this.#wrapped?.messages !== messages) this.#wrapped = new Greeted(this.#message, messages);
    return this.#wrapped;
  }
}

const greetingMessage = (content: string, createdAt: number): Message => ({
  key: 'greeting',
  id: null,
  echoId: null,
  conversationId: null,
  role: 'agent',
  sender: null,
  content,
  body: {type: 'text'},
  attachments: [],
  createdAt,
  status: 'sent',
  deleted: false,
  read: true,
  answer: null,
  error: null,
});

let formElement: Promise<unknown> | null = null;

/** What goes where the composer is: the sign-in notice, the pre-chat form, or `composer` itself (kept as given, so that it stays the same element). */
function renderEntry(welcome: FirstContact, strings: Catalogue, composer: unknown) {
  const stage = welcome.stage;
  if (stage?.kind == 'identity') return html`<p class="entry-notice identity-required" role="status">${strings.identity_required}</p>`;
  if (stage?.kind == 'form') {
    // (a refused chunk is asked for again at the next render)
    formElement ??= import('../define-pre-chat.js').catch(() => (formElement = null));
    const submit = (event: AkecePreChatSubmitEvent) => {
      event.stopPropagation();
      stage.submit(event.values);
    };
    return html`<akece-pre-chat-form
      part="pre-chat-form"
      .form=${stage.form}
      .intro=${stage.form.intro || (stage.awayEmail ? strings.away_email_ask : strings.prechat_intro)}
      .strings=${strings}
      @akece-pre-chat-submit=${submit}
    ></akece-pre-chat-form>`;
  }
  return composer;
}

/** What the panel shows from §11, around what it shows without. */
export interface FirstContactParts {
  /** The header's title: the page's, else the inbox's name ('' neither). */
  title: string;
  replyTime: string;
  officeHours: {open: boolean; back: string} | null;
  /** The conversation, with the greeting first when it belongs there. */
  messages: MessageSequence;
  /** Above the composer: outside working hours, that a reply will come later. */
  notice: unknown;
  /** The composer, or what stands in its place. */
  entry: unknown;
}

/** Each element's greeting bubble, kept across renders. */
const greetings = new WeakMap<InboxHost, GreetingLine>();

/** The §11 parts of the panel of `host` (reading the inbox the first time). */
export function firstContactParts(host: InboxHost, strings: Catalogue, title: string, messages: MessageSequence, composer: unknown): FirstContactParts {
  const welcome = firstContactOf(host);
  let greeting = greetings.get(host);
  if (!greeting) greetings.set(host, (greeting = new GreetingLine()));
  return {
    title: title || welcome.inbox.settings?.name || '',
    replyTime: replyTimeText(welcome, strings),
    officeHours: officeHoursLine(welcome, strings),
    messages: greeting.around(welcome.greeting, messages),
    notice: welcome.away ? html`<p class="entry-notice away-notice">${strings.away_notice}</p>` : nothing,
    entry: renderEntry(welcome, strings, composer),
  };
}
