import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {RestClient} from '../../src/api/client.js';
import {ContactApi, newMessageBody} from '../../src/api/contact-api.js';
import {ApiError, isAbort} from '../../src/api/errors.js';

const ROOT = 'https://chat.example/public/api/v1/inboxes/inb/contacts';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {status});

describe('ContactApi', () => {
  let fetch: sinon.SinonStub;
  let contact: string | undefined;
  let controller: AbortController;
  let api: ContactApi;
  const calls = () =>
    fetch.getCalls().map((c) => {
      const [url, init] = c.args as [string, RequestInit];
      return [init.method, url.replace(ROOT, ''), typeof init.body == 'string' ? JSON.parse(init.body) : init.body ?? null];
    });

  beforeEach(() => {
    fetch = sinon.stub(window, 'fetch');
    contact = undefined;
    controller = new AbortController();
    api = new ContactApi(new RestClient({baseUrl: 'https://chat.example', inboxIdentifier: 'inb'}), {contactId: () => contact, signal: () => controller.signal});
  });
  afterEach(() => sinon.restore());

  it('calls each endpoint as the current contact, with the server’s body shapes', async () => {
    fetch.callsFake(async (url: string, init: RequestInit) => {
      if (url.endsWith('/contacts') || url.endsWith('/src%201')) return json({source_id: 'src 1', pubsub_token: 't'});
      if (init.method == 'GET' && url.endsWith('/conversations')) return json([{id: 87}]);
      if (init.method == 'GET' && url.includes('/messages')) return json([]);
      return json({id: 87}); // a conversation, a message, or an answer nobody reads
    });
    expect(api.configured).to.equal(true);
    expect(await api.createContact({name: 'Ann'})).to.deep.equal({source_id: 'src 1', pubsub_token: 't'});
    contact = 'src 1';
    await api.getContact();
    await api.updateContact({email: 'a@b.c'});
    expect(await api.listConversations()).to.deep.equal([{id: 87}]);
    await api.getConversation(87);
    await api.createConversation();
    await api.getMessages(87);
    await api.getMessages(87, 40);
    await api.postMessage(87, newMessageBody('hi', 'e1'));
    await api.submitAnswer(87, 9, [{title: 'A', value: 'a'}]);
    await api.toggleTyping(87, {typing_status: 'on'});
    await api.updateLastSeen(87);
    expect(calls()).to.deep.equal([
      ['POST', '', {name: 'Ann'}],
      ['GET', '/src%201', null],
      ['PATCH', '/src%201', {email: 'a@b.c'}],
      ['GET', '/src%201/conversations', null],
      ['GET', '/src%201/conversations/87', null],
      ['POST', '/src%201/conversations', {}],
      ['GET', '/src%201/conversations/87/messages', null],
      ['GET', '/src%201/conversations/87/messages?before=40', null],
      ['POST', '/src%201/conversations/87/messages', {content: 'hi', echo_id: 'e1'}],
      ['PATCH', '/src%201/conversations/87/messages/9', {submitted_values: [{title: 'A', value: 'a'}]}],
      ['POST', '/src%201/conversations/87/toggle_typing', {typing_status: 'on'}],
      ['POST', '/src%201/conversations/87/update_last_seen', {}],
    ]);
  });

  it('sends files as multipart form data', () => {
    const body = newMessageBody('see', 'e2', [new File(['x'], 'a.txt')]) as FormData;
    expect([body.get('content'), body.get('echo_id'), (body.get('attachments[]') as File).name]).to.deep.equal(['see', 'e2', 'a.txt']);
    expect(newMessageBody('plain', 'e3', [])).to.deep.equal({content: 'plain', echo_id: 'e3'});
  });

  it('fails with an ApiError naming the request, its reason and whether to retry', async () => {
    fetch.resolves(json({error: 'Not Found'}, 404));
    contact = 'gone';
    const error = (await api.getContact().catch((e: unknown) => e)) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.name).to.equal('ApiError');
    expect([error.reason, error.status, error.notFound, error.retryable, error.aborted, error.message]).to.deep.equal(['http', 404, true, false, false, 'Not Found']);
    expect(error.request).to.deep.equal({method: 'GET', url: ROOT + '/gone'});
    controller.abort();
    const aborted = await api.getContact().catch((e: unknown) => e);
    expect(isAbort(aborted)).to.equal(true);
    expect(isAbort(new Error('other'))).to.equal(false);
    const unconfigured = new ContactApi(new RestClient({baseUrl: 'https://chat.example'}), {contactId: () => undefined, signal: () => controller.signal});
    expect(unconfigured.configured).to.equal(false);
    const config = (await unconfigured.createContact({}).catch((e: unknown) => e)) as ApiError;
    expect([config.reason, config.body, config.retryable, config.request.url]).to.deep.equal(['config', 'config', false, '']);
  });
});
