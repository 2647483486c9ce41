import {expect} from '@open-wc/testing';
import {agent, expectServerView, openWidget, part, perTest, until} from './helpers.js';

// When the server will not have this contact on the socket: a token it answers with silence
// (Akece never rejects a RoomChannel subscription, it just never confirms), a contact that is
// gone, and a server that says `disconnect` with `reconnect: false` or rejects the subscription.
describe('e2e: subscriptions that never confirm, and refusals', function () {
  this.timeout(90000);
  const t = perTest();

  const storageKey = () => `akece-chat:${t.server.url}:demo-inbox`;
  const stored = () => JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as {version: number; contact: {sourceId: string; pubsubToken: string}} | null;
  // Written as version 1 (`{k, o}`), the format before the rewrite, so these tests also cover the upgrade; read as version 2.
  const publicApi = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${t.server.url}/public/api/v1/inboxes/demo-inbox/contacts${path}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const open = async () =>
    (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox', open: ''}));

  /** A contact with a conversation and one message of theirs, made through the public API. */
  async function contactWithHistory() {
    const contact = await publicApi('', {name: 'Returning visitor'});
    const conv = await publicApi(`/${contact.source_id}/conversations`);
    await publicApi(`/${contact.source_id}/conversations/${conv.id}/messages`, {content: 'From last week', echo_id: 'old'});
    return {contact, conv};
  }

  it('keeps the conversation when the stored token gets no answer: the right one comes from the contact', async () => {
    const {contact, conv} = await contactWithHistory();
    localStorage.setItem(storageKey(), JSON.stringify({k: {sourceId: contact.source_id, pubsubToken: 'not-the-token'}, o: []}));
    const {el} = await open();
    await until(() => el.messages.some((m) => m.content === 'From last week'), 'the history (REST works meanwhile)');
    expect(el.connectionState).to.not.equal('connected');
    // The server stays silent; after 10 s the widget asks for the contact and uses its token.
    await until(() => el.connectionState === 'connected', 'connected under the right token', 20000);
    expect(stored()!.contact).to.deep.equal({sourceId: contact.source_id, pubsubToken: contact.pubsub_token});
    await agent(t.server).reply(conv.id, 'Welcome back');
    await until(() => el.messages.some((m) => m.content === 'Welcome back'), 'a live reply');
    await expectServerView(t.server, el, conv.id);
  });

  it('starts over with a new contact when the stored one is gone, keeping what the visitor typed', async () => {
    localStorage.setItem(storageKey(), JSON.stringify({k: {sourceId: 'gone-contact', pubsubToken: 'gone-token'}, o: []}));
    const {el} = await open();
    await el.sendMessage('Is anyone there?').catch(() => null);
    await until(() => el.connectionState === 'connected', 'connected as a new contact', 25000);
    expect(stored()!.contact.sourceId).to.not.equal('gone-contact');
    await until(() => el.messages.find((m) => m.content === 'Is anyone there?')?.status === 'sent', 'the message sent as the new contact', 15000);
    const [conv] = await agent(t.server).conversations();
    await expectServerView(t.server, el, conv.id);
  });

  for (const [what, frame] of [
    ['disconnect with reconnect: false', {type: 'disconnect', reason: 'unauthorized', reconnect: false}],
    ['reject_subscription', {type: 'reject_subscription'}],
  ] as const) {
    it(`stops retrying after ${what}, says so, and keeps the conversation readable`, async () => {
      const {el} = await open();
      await el.sendMessage('Before the refusal');
      const token = stored()!.contact.pubsubToken;
      const identifier = JSON.stringify({channel: 'RoomChannel', pubsub_token: token});
      expect((await agent(t.server).raw(token, {identifier, ...frame})).sent).to.equal(1);
      await until(() => el.connectionState === 'error', 'the error state');
      const alert = await until(() => part(el, 'error'), 'the error shown');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent!.trim()).to.not.equal('');
      // No new socket, not even after the longest first backoff.
      await new Promise((r) => setTimeout(r, 3000));
      expect((await agent(t.server).raw(token, {type: 'ping', message: 0})).sent).to.equal(0);
      expect(el.connectionState).to.equal('error');
      expect(el.messages.map((m) => m.content)).to.deep.equal(['Before the refusal']);
    });
  }
});
