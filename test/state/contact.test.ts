import {expect} from '@open-wc/testing';
import type {ContactApi} from '../../src/api/contact-api.js';
import {ApiError} from '../../src/api/errors.js';
import {ContactLifecycle} from '../../src/state/contact.js';

const contact = {sourceId: 'src-1', pubsubToken: 'tok'};
/** A ContactApi whose getContact answers with `answers`, one per call (an Error is thrown). */
function apiAnswering(...answers: ({pubsub_token: string} | Error)[]) {
  return {
    configured: true,
    getContact: async () => {
      const answer = answers.shift()!;
      if (answer instanceof Error) throw answer;
      return {source_id: 'src-1', ...answer};
    },
    createContact: async () => ({source_id: 'new', pubsub_token: 'new-tok'}),
  } as unknown as ContactApi;
}
const notFound = new ApiError('Not Found', 'http', {method: 'GET', url: ''}, 404);

describe('ContactLifecycle after an unanswered subscription', () => {
  it('a contact of the widget’s own: another token is used, a gone one replaced, a second miss replaced', async () => {
    const lifecycle = new ContactLifecycle(apiAnswering({pubsub_token: 'other'}, notFound, new TypeError('offline'), new TypeError('offline')));
    lifecycle.adopt('widget');
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'use-token', contact: {sourceId: 'src-1', pubsubToken: 'other'}});
    lifecycle.confirmed();
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'replace'});
    lifecycle.confirmed();
    // Not an answer from the server at all: try again once, then give up on it.
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'reconnect'});
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'replace'});
  });

  it('a contact the page gave is refused, never replaced or given another token', async () => {
    const lifecycle = new ContactLifecycle(apiAnswering({pubsub_token: 'other'}, {pubsub_token: 'tok'}, {pubsub_token: 'tok'}));
    lifecycle.adopt('page');
    expect(lifecycle.ownedByWidget).to.equal(false);
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'refuse'});
    lifecycle.confirmed();
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'reconnect'});
    expect(await lifecycle.afterSilence(contact)).to.deep.equal({action: 'refuse'});
  });

  it('creates a contact of its own, unconfirmed until the socket confirms it, and forgets it', async () => {
    const lifecycle = new ContactLifecycle(apiAnswering());
    expect(await lifecycle.create({name: 'Ann'})).to.deep.equal({sourceId: 'new', pubsubToken: 'new-tok'});
    expect([lifecycle.origin, lifecycle.createdUnconfirmed]).to.deep.equal(['widget', true]);
    lifecycle.confirmed();
    expect(lifecycle.createdUnconfirmed).to.equal(false);
    lifecycle.forget();
    expect(lifecycle.origin).to.equal(null);
  });
});
