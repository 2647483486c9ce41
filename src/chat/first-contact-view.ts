// The panel's side of contract §11, a chunk the panel loads once it is drawn (so that it costs
// the first open nothing): the header's title, reply time and availability from the inbox and
// its working hours, the greeting as the first bubble of a new conversation, and, in place of
// the composer, what the visitor must do first (sign in, or answer the pre-chat form, whose
// element loads only when it is shown).
import {html, nothing} from 'lit';
import type {Catalogue} from '../i18n/en.js';
import {formatReturn} from '../i18n/office-hours.js';
import {firstContactOf, NEW_VISITOR, type FirstContact} from '../controllers/first-contact.js';
import type {InboxHost} from '../controllers/inbox-status.js';
import type {StoredSession} from '../controllers/contact-gate.js';
import type {ContactRef} from '../state/chat-state.js';
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
  // Said by the team as a whole: the list names it after the inbox, as Chatwoot's template messages.
  role: 'system',
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

type ContactGate = typeof import('../controllers/contact-gate.js');
let contactGate: Promise<ContactGate> | null = null;
/** The gate's chunk (a refused one is asked for again at the next need). */
const loadGate = () => (contactGate ??= import('../controllers/contact-gate.js').catch((error: unknown) => ((contactGate = null), Promise.reject(error))));

/**
 * Whether the chat may start for this visitor: the gate has let them through, or nothing can be
 * asked. A returning visitor (a contact the gate did not make) is checked once, when the panel
 * first shows them; a new visitor is asked by the session's gate before their contact exists.
 */
function mayChat(welcome: FirstContact, contact: ContactRef | null, session: StoredSession | null, host: InboxHost): boolean {
  const through = welcome.answeredFor;
  // (a contact forgotten by reset() leaves a source id here: the gate asks again with the next message)
  if (!contact) return through != null || !welcome.mayAsk;
  if (through == contact.sourceId) return true;
  if (through == NEW_VISITOR) {
    // The contact the gate let a new visitor make: what they answered is remembered for their next visit.
    welcome.checked.add(contact.sourceId);
    welcome.adoptContact(contact.sourceId);
    const answered = welcome.answeredFields;
    if (answered.length) loadGate().then((gate) => gate.rememberFields(host, contact.sourceId, answered), () => {});
    return true;
  }
  if (!welcome.mayAsk) return true;
  if (session && !welcome.checked.has(contact.sourceId)) {
    welcome.checked.add(contact.sourceId);
    loadGate().then(
      (gate) => gate.checkStoredContact(host, session, contact.sourceId),
      () => (welcome.answeredFor = contact.sourceId) // without the gate's chunk, the chat goes on unasked
    );
  }
  return false;
}

/** What goes where the composer is: the sign-in notice, the pre-chat form, `waiting` while that is undecided, or `composer` itself (kept as given, so that it stays the same element). */
function renderEntry(welcome: FirstContact, strings: Catalogue, entry: EntryContext) {
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
  return mayChat(welcome, entry.contact, entry.session, entry.host) ? entry.composer : entry.waiting;
}

/** Where the composer goes, and what decides whether it may show yet. */
export interface EntryContext {
  host: InboxHost;
  /** The composer, shown once the chat may start. */
  composer: unknown;
  /** Shown while it is not yet known whether the visitor must first sign in or answer a form. */
  waiting: unknown;
  /** The session's contact (null: a new visitor). */
  contact: ContactRef | null;
  /** The running session, if any (a returning visitor's answers are saved through it). */
  session: StoredSession | null;
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
export function firstContactParts(strings: Catalogue, title: string, messages: MessageSequence, entry: EntryContext): FirstContactParts {
  const host = entry.host;
  const welcome = firstContactOf(host);
  let greeting = greetings.get(host);
  if (!greeting) greetings.set(host, (greeting = new GreetingLine()));
  return {
    title: title || welcome.inbox.settings?.name || '',
    replyTime: replyTimeText(welcome, strings),
    officeHours: officeHoursLine(welcome, strings),
    messages: greeting.around(welcome.greeting, messages),
    notice: welcome.away ? html`<p class="entry-notice away-notice">${strings.away_notice}</p>` : nothing,
    entry: renderEntry(welcome, strings, entry),
  };
}
