// The session's question before it creates a contact (contract §11): may this visitor have one
// yet, and with which details? The inbox may require a verified identity (then no anonymous
// contact is ever made: the panel says to sign in until `setUser` gives `identifier` and
// `identifierHash`); the page may ask for a pre-chat form (`preChatForm`, or `pre-chat` for name
// and email), less what `setUser` already told; outside working hours `away-mode="email"` asks
// where to reply. A chunk of its own: only a visitor without a contact needs it.
import type {ContactAttributesDto} from '../api/types.js';
import {emit} from '../events/public-events.js';
import type {PreChatForm, PreChatValues} from '../state/pre-chat-form.js';
import {firstContactOf, type FirstContact} from './first-contact.js';
import type {InboxHost} from './inbox-status.js';

/** The part of the session the gate uses. */
export interface GatedSession {
  on(type: 'user', listener: () => void): () => void;
  setConversationCustomAttributes(attributes: Record<string, unknown>): void;
}

const IDENTITY_REQUIRED = 'This inbox accepts only identified visitors: call setUser() with identifier and identifierHash.';

const signedIn = (user: ContactAttributesDto) => Boolean(user.identifier && user.identifier_hash);

/**
 * Resolves with the details to create the contact with, once the visitor may have one. `user`
 * reads what `setUser` last gave; the session says when that changes.
 */
export async function prepareContact(host: InboxHost, session: GatedSession, user: () => ContactAttributesDto): Promise<ContactAttributesDto> {
  const welcome = firstContactOf(host);
  let userChanged = () => {};
  const stopListening = session.on('user', () => userChanged());
  const nextUser = () => new Promise<void>((resolve) => (userChanged = resolve));
  try {
    const inbox = await welcome.inbox.load();
    if (inbox?.identityRequired && !signedIn(user())) {
      welcome.stage = {kind: 'identity'};
      emit(host, 'akece-error', {code: 'identity-required', message: IDENTITY_REQUIRED});
      while (!signedIn(user())) await nextUser();
      welcome.stage = null;
    }
    // Ask what is still unknown; a setUser meanwhile may answer some of it (then asked again without).
    for (;;) {
      const known = user();
      const asked = await formFor(welcome, known);
      if (!asked) return known;
      const values = await Promise.race([new Promise<PreChatValues>((submit) => (welcome.stage = {kind: 'form', ...asked, submit})), nextUser().then(() => null)]);
      if (!values) continue;
      const {placeAnswers} = await import('../state/pre-chat-form.js');
      const {contact, conversation} = placeAnswers(asked.form, values);
      if (Object.keys(conversation).length) session.setConversationCustomAttributes(conversation);
      return {...known, ...contact, custom_attributes: {...known.custom_attributes, ...contact.custom_attributes}};
    }
  } finally {
    stopListening();
    welcome.stage = null;
  }
}

/** The form to show for what is known of the visitor, or null (its model loads only when a form may be needed). */
async function formFor(welcome: FirstContact, known: ContactAttributesDto): Promise<{form: PreChatForm; awayEmail: boolean} | null> {
  const given = welcome.settings.property('preChatForm');
  const awayEmail = welcome.awayMode == 'email' && welcome.away;
  if (given == null && !welcome.settings.flag('pre-chat') && !awayEmail) return null;
  const {DEFAULT_FORM, formFrom, stillToAsk, withEmail} = await import('../state/pre-chat-form.js');
  const page = formFrom(given) ?? (welcome.settings.flag('pre-chat') ? DEFAULT_FORM : null);
  const form = awayEmail ? withEmail(page) : page;
  const asked = form && stillToAsk(form, known);
  return asked && {form: asked, awayEmail: awayEmail && !page};
}
