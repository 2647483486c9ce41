// The session's question before the chat starts (contract §11): may this visitor chat yet, and
// with which details? The inbox may require a verified identity (then no anonymous contact is
// ever made: the panel says to sign in until `setUser` gives `identifier` and `identifierHash`);
// the page may ask for a pre-chat form (`preChatForm`, or `pre-chat` for name and email), less
// what is already known; outside working hours `away-mode="email"` asks where to reply. A new
// visitor is asked before their contact is created (`prepareContact`); a returning one, whose
// contact is stored, the same way when the panel first shows it (`checkStoredContact`), with
// what the server and this browser know of them. A chunk of its own: only the panel needs it.
import type {ContactAttributesDto, ContactDto} from '../api/types.js';
import {emit} from '../events/public-events.js';
import type {PreChatForm, PreChatValues} from '../state/pre-chat-form.js';
import {firstContactOf, NEW_VISITOR, type FirstContact} from './first-contact.js';
import type {InboxHost} from './inbox-status.js';

/** The part of the session the gate uses. */
export interface GatedSession {
  on(type: 'user', listener: () => void): () => void;
  setConversationCustomAttributes(attributes: Record<string, unknown>): void;
}

/** The part of a session with a contact that the check of a returning visitor uses. */
export interface StoredSession extends GatedSession {
  /** What `setUser` last gave. */
  readonly userAttributes: ContactAttributesDto;
  readonly api: {getContact(): Promise<ContactDto>; updateContact(attributes: ContactAttributesDto): Promise<unknown>};
}

/** The element's storage setting, where the answered fields are remembered. */
interface StorageHost extends InboxHost {
  storage?: string;
}

const IDENTITY_REQUIRED = 'This inbox accepts only identified visitors: call setUser() with identifier and identifierHash.';

const signedIn = (user: ContactAttributesDto) => Boolean(user.identifier && user.identifier_hash);

/**
 * Resolves with the details to create the contact with, once the visitor may have one. `user`
 * reads what `setUser` last gave; the session says when that changes.
 */
export async function prepareContact(host: InboxHost, session: GatedSession, user: () => ContactAttributesDto): Promise<ContactAttributesDto> {
  const welcome = firstContactOf(host);
  welcome.answeredFor = null;
  const asking = new Questions(host, welcome, session, user);
  try {
    const {details, answered} = await asking.untilAnswered(() => user());
    welcome.answeredFields = answered;
    welcome.answeredFor = NEW_VISITOR;
    return {...user(), ...details, custom_attributes: {...user().custom_attributes, ...details.custom_attributes}};
  } finally {
    asking.dispose();
  }
}

/**
 * A returning visitor (a contact stored or given by the page): asks what a new visitor would be
 * asked and this one never answered (the server's email and phone, and the fields this browser
 * remembers answering, count as known), and saves the answers on the contact. The
 * chat waits (`answeredFor`) until it is done.
 */
export async function checkStoredContact(host: StorageHost, session: StoredSession, sourceId: string): Promise<void> {
  const welcome = firstContactOf(host);
  const asking = new Questions(host, welcome, session, () => session.userAttributes);
  try {
    const remembered = rememberedFields(host, sourceId);
    // What the server holds of the contact, read only when something may be asked (a failure: ask only what is surely missing).
    let server: ContactDto | null | undefined;
    const known = async (): Promise<ContactAttributesDto> => {
      const user = session.userAttributes;
      server ??= await session.api.getContact().catch(() => null);
      // Akece names an anonymous contact itself ("lively-island-930"): its name counts only once the visitor gave one.
      const name = remembered.includes('name') ? (server?.name ?? undefined) : undefined;
      const stored = {name, email: server?.email ?? undefined, phone_number: server?.phone_number ?? undefined};
      return {...stored, ...user};
    };
    const {details, answered} = await asking.untilAnswered(known, remembered);
    if (answered.length) {
      if (Object.keys(details).length) await session.api.updateContact(details).catch(() => {}); // (the chat goes on; the page hears of it no more than of setUser's failures)
      rememberFields(host, sourceId, [...remembered, ...answered]);
    }
  } finally {
    asking.dispose();
    welcome.answeredFor = sourceId;
  }
}

/** Asks the visitor, through the panel (`FirstContact.stage`), what they must tell before the chat. */
class Questions {
  readonly #welcome: FirstContact;
  readonly #host: InboxHost;
  readonly #session: GatedSession;
  readonly #user: () => ContactAttributesDto;
  readonly #stopListening: () => void;
  #userChanged = () => {};

  constructor(host: InboxHost, welcome: FirstContact, session: GatedSession, user: () => ContactAttributesDto) {
    this.#host = host;
    this.#welcome = welcome;
    this.#session = session;
    this.#user = user;
    this.#stopListening = session.on('user', () => this.#userChanged());
  }

  #nextUser() {
    return new Promise<void>((resolve) => (this.#userChanged = resolve));
  }

  /**
   * Waits for a verified identity if the inbox requires one, then asks the form's fields that
   * `known` does not give (a setUser meanwhile may answer some: then it asks again without
   * them). Resolves with the contact's details from the answers and the names of the fields answered.
   */
  async untilAnswered(known: () => ContactAttributesDto | Promise<ContactAttributesDto>, answeredBefore: readonly string[] = []): Promise<{details: ContactAttributesDto; answered: string[]}> {
    const welcome = this.#welcome;
    const inbox = await welcome.inbox.load();
    if (inbox?.identityRequired && !signedIn(this.#user())) {
      welcome.stage = {kind: 'identity'};
      emit(this.#host, 'akece-error', {code: 'identity-required', message: IDENTITY_REQUIRED});
      while (!signedIn(this.#user())) await this.#nextUser();
      welcome.stage = null;
    }
    for (;;) {
      const asked = await formFor(welcome, await known(), answeredBefore);
      if (!asked) return {details: {}, answered: []};
      const values = await Promise.race([new Promise<PreChatValues>((submit) => (welcome.stage = {kind: 'form', ...asked, submit})), this.#nextUser().then(() => null)]);
      if (!values) continue;
      const {placeAnswers} = await import('../state/pre-chat-form.js');
      const {contact, conversation} = placeAnswers(asked.form, values);
      if (Object.keys(conversation).length) this.#session.setConversationCustomAttributes(conversation);
      return {details: contact, answered: asked.form.fields.map((field) => field.name)};
    }
  }

  dispose() {
    this.#stopListening();
    this.#welcome.stage = null;
  }
}

/** The form to show for what is known of the visitor, or null (its model loads only when a form may be needed). */
async function formFor(welcome: FirstContact, known: ContactAttributesDto, answeredBefore: readonly string[]): Promise<{form: PreChatForm; awayEmail: boolean} | null> {
  const given = welcome.settings.property('preChatForm');
  const awayEmail = welcome.awayMode == 'email' && welcome.away;
  if (given == null && !welcome.settings.flag('pre-chat') && !awayEmail) return null;
  const {CONTACT_FIELDS, DEFAULT_FORM, formFrom, stillToAsk, withEmail} = await import('../state/pre-chat-form.js');
  const page = formFrom(given) ?? (welcome.settings.flag('pre-chat') ? DEFAULT_FORM : null);
  const form = awayEmail ? withEmail(page) : page;
  // A returning visitor is not asked again what they answered once (a conversation's field too);
  // the contact's own fields are asked while the server does not have them.
  const notAnswered = form && {...form, fields: form.fields.filter((field) => CONTACT_FIELDS.includes(field.name) || !answeredBefore.includes(field.name))};
  const asked = notAnswered && stillToAsk(notAnswered, known);
  // A returning visitor is gated only by what is required: optional fields they skipped stay skipped.
  if (asked && answeredBefore.length && !asked.fields.some((field) => field.required)) return null;
  return asked && {form: asked, awayEmail: awayEmail && !page};
}

// ── the fields this browser answered, by contact ─────────────────────────────────────────

const ANSWERED_KEY = 'akece-chat-answered:';

function storageOf(host: StorageHost): Storage | null {
  try {
    return host.storage == 'none' ? null : host.storage == 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

/** Kept here while the page keeps nothing (`storage="none"`, or storage blocked). */
const inMemory = new Map<string, readonly string[]>();

function rememberedFields(host: StorageHost, sourceId: string): readonly string[] {
  try {
    const stored: unknown = JSON.parse(storageOf(host)?.getItem(ANSWERED_KEY + sourceId) || 'null');
    if (Array.isArray(stored)) return stored.filter((name): name is string => typeof name == 'string');
  } catch {
    // unreadable: as if nothing was answered
  }
  return inMemory.get(sourceId) ?? [];
}

/** Remembers the fields `sourceId`'s visitor answered (in the element's chosen storage). */
export function rememberFields(host: StorageHost, sourceId: string, names: readonly string[]): void {
  const unique = [...new Set(names)];
  inMemory.set(sourceId, unique);
  try {
    storageOf(host)?.setItem(ANSWERED_KEY + sourceId, JSON.stringify(unique));
  } catch {
    // full or blocked: kept in memory for this page
  }
}
