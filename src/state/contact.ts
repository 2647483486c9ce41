// The contact's lifecycle: who the widget acts as, where that identity came from, and what to do
// when the socket never confirms its token.

import type {ContactApi} from '../api/contact-api.js';
import {ApiError} from '../api/errors.js';
import type {ContactAttributesDto} from '../api/types.js';
import type {ContactRef} from './chat-state.js';

/** Where the contact in use came from. */
export type ContactOrigin =
  /** Given by the page (`pubsub-token` + `contact-identifier`): never stored, never replaced. */
  | 'page'
  /** Created by this widget, now or on an earlier visit: stored, and replaced when it is gone. */
  | 'widget';

/** What to do after the socket left the contact's subscription unanswered. */
export type SilenceVerdict =
  /** The server knows the contact under another token (a stale or mistyped one): use that. */
  | {readonly action: 'use-token'; readonly contact: ContactRef}
  /** Nothing wrong seen over REST: try once more on a new socket. */
  | {readonly action: 'reconnect'}
  /** The contact is gone (or keeps going unanswered): start over with a new one. */
  | {readonly action: 'replace'}
  /** A contact the page gave is not accepted: an error for this contact, no retries. */
  | {readonly action: 'refuse'};

/** The error shown when the server does not accept a contact the page gave. */
export const CONTACT_REFUSED = {
  code: 'contact-refused',
  message: 'The chat server did not accept this visitor’s contact, so the chat cannot connect.',
} as const;

/**
 * Creates the contact when none is known, and decides what an unanswered subscription means.
 * Akece answers a subscription with an unknown token with silence (welcome and pings keep
 * coming), so after the cable's confirm timeout the token is checked over REST.
 */
export class ContactLifecycle {
  /** Where the current contact came from (null: no contact yet). */
  origin: ContactOrigin | null = null;
  /** Created by this page load and not yet confirmed by the socket. */
  createdUnconfirmed = false;
  /** Confirm timeouts in a row for the current contact. */
  private unansweredSubscriptions = 0;

  constructor(private readonly api: ContactApi) {}

  /** The contact is the widget's to store. */
  get ownedByWidget(): boolean {
    return this.origin == 'widget';
  }

  /** Takes on a known contact (given by the page or stored earlier). */
  adopt(origin: ContactOrigin): void {
    this.origin = origin;
    this.createdUnconfirmed = false;
    this.unansweredSubscriptions = 0;
  }

  /** Creates a new contact with the visitor's details. */
  async create(attributes: ContactAttributesDto): Promise<ContactRef> {
    const created = await this.api.createContact(attributes);
    this.adopt('widget');
    this.createdUnconfirmed = true;
    return {sourceId: created.source_id, pubsubToken: created.pubsub_token};
  }

  /** The socket confirmed the subscription. */
  confirmed(): void {
    this.unansweredSubscriptions = 0;
    this.createdUnconfirmed = false;
  }

  /** Forgets the contact (reset, or it is being replaced). */
  forget(): void {
    this.origin = null;
    this.createdUnconfirmed = false;
    this.unansweredSubscriptions = 0;
  }

  /**
   * The subscription of `contact` went unanswered. Asks REST for the contact: under another
   * token it goes on with that one (it keeps its conversation); gone (404), or unanswered twice,
   * a contact of the widget's own is replaced and one the page gave is refused.
   */
  async afterSilence(contact: ContactRef): Promise<SilenceVerdict> {
    const misses = ++this.unansweredSubscriptions;
    const givenUp: SilenceVerdict = {action: this.ownedByWidget ? 'replace' : 'refuse'};
    if (!this.api.configured) return givenUp; // (the session asks only for a page's contact then)
    try {
      const known = await this.api.getContact();
      if (known.pubsub_token == contact.pubsubToken) return misses > 1 ? givenUp : {action: 'reconnect'};
      // The page's token is wrong: the page must give the right one; the widget's is updated.
      return this.ownedByWidget ? {action: 'use-token', contact: {...contact, pubsubToken: known.pubsub_token}} : givenUp;
    } catch (error) {
      const gone = error instanceof ApiError && error.notFound;
      return gone || misses > 1 ? givenUp : {action: 'reconnect'};
    }
  }
}
