import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {RestClient, type HttpMethod} from '../../src/api/client.js';
import {newMessageBody as messageBody} from '../../src/api/contact-api.js';
import {ApiError} from '../../src/api/errors.js';
import {anyAnswer, hasNumericId as withId, isContact as contact, isJsonObject as isObj, isList as list, type AnswerShape, type JsonObject} from '../../src/api/types.js';

const BASE = 'https://chat.example/';
const ROOT = 'https://chat.example/public/api/v1/inboxes/inb%2F1';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
// Reading a Response body takes real tasks, which fake timers do not drive.
const macrotasks = async (n = 10) => {
  for (let i = 0; i < n; i++) {
    await new Promise<void>((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => r();
      c.port2.postMessage(0);
    });
  }
};
const msg = {id: 1, content: 'hi', message_type: 0, created_at: 1, conversation_id: 87};
const convPath = (id: number, tail = '') => '/conversations/' + id + tail;

/** A call through `client.request`, its fields in the order the old tests wrote them. */
const caller =
  (client: RestClient) =>
  <T>(method: HttpMethod, contact: string, path: string, expect: AnswerShape<T>, body?: JsonObject | FormData, signal?: AbortSignal) =>
    client.request({method, contact, path, expect, body, signal});

describe('RestClient', () => {
  let fetch: sinon.SinonStub;
  let api: ReturnType<typeof caller>;
  const call = (n = 0) => {
    const [url, init] = fetch.getCall(n).args as [string, RequestInit];
    return {url, init, headers: new Headers(init.headers)};
  };

  beforeEach(() => {
    fetch = sinon.stub(window, 'fetch');
    sinon.stub(Math, 'random').returns(0.5);
    api = caller(new RestClient({baseUrl: BASE, inboxIdentifier: 'inb/1'}));
  });
  afterEach(() => sinon.restore());

  it('gets a contact and a conversation without a content type', async () => {
    fetch.onFirstCall().resolves(json({source_id: 's 1', pubsub_token: 't'}));
    fetch.onSecondCall().resolves(json({id: 87, status: 'open'}));
    expect(await api('GET', 's 1', '', contact)).to.deep.equal({source_id: 's 1', pubsub_token: 't'});
    expect(await api('GET', 's 1', convPath(87), withId)).to.deep.equal({id: 87, status: 'open'});
    expect(call(0).url).to.equal(ROOT + '/contacts/s%201');
    expect(call(0).init.method).to.equal('GET');
    expect(call(0).headers.has('content-type')).to.equal(false);
    expect(call(1).url).to.equal(ROOT + '/contacts/s%201/conversations/87');
  });

  it('fails every call without an inbox identifier, before any request', async () => {
    const e = (await caller(new RestClient({baseUrl: BASE, inboxIdentifier: ''}))('GET', 's', '', contact).catch((x: unknown) => x)) as ApiError;
    expect(e).to.be.instanceOf(Error);
    expect([e.message, e.status, e.retryable, e.body]).to.deep.equal(['No inbox-identifier', 0, false, 'config']);
    expect(fetch.called).to.equal(false);
  });

  it('posts JSON bodies to the right paths', async () => {
    fetch.callsFake(async (url: string) =>
      url.endsWith('/contacts')
        ? json({source_id: 's', pubsub_token: 't'})
        : url.endsWith('/toggle_typing') || url.endsWith('/update_last_seen')
        ? new Response('', {status: 200})
        : url.includes('/messages')
        ? json(msg)
        : url.endsWith('/s')
        ? json({id: 5, name: 'A'})
        : json({id: 87, status: 'resolved'})
    );
    await api('POST', '', '', contact, {name: 'A', email: 'a@b.c'});
    expect(call(0).init.method).to.equal('POST');
    expect(call(0).headers.get('content-type')).to.equal('application/json');
    expect(JSON.parse(call(0).init.body as string)).to.deep.equal({name: 'A', email: 'a@b.c'});
    await api('PATCH', 's', '', isObj, {name: 'B'});
    expect([call(1).url, call(1).init.method, call(1).init.body]).to.deep.equal([ROOT + '/contacts/s', 'PATCH', '{"name":"B"}']);
    await api('POST', 's', '/conversations', withId, {});
    expect([call(2).url, call(2).init.method, call(2).init.body]).to.deep.equal([ROOT + '/contacts/s/conversations', 'POST', '{}']);
    await api('GET', 's', convPath(87), withId);
    expect(call(3).url).to.equal(ROOT + '/contacts/s/conversations/87');
    expect(await api('POST', 's', convPath(87, '/toggle_typing'), anyAnswer, {typing_status: 'on'})).to.equal('');
    expect([call(4).url, call(4).init.body]).to.deep.equal([ROOT + '/contacts/s/conversations/87/toggle_typing', '{"typing_status":"on"}']);
    await api('POST', 's', convPath(87, '/update_last_seen'), anyAnswer);
    expect([call(5).url, call(5).init.body]).to.deep.equal([ROOT + '/contacts/s/conversations/87/update_last_seen', undefined]);
    expect(await api('POST', 's', convPath(87, '/messages'), withId, messageBody('hi', 'e1'))).to.deep.equal(msg);
    expect(JSON.parse(call(6).init.body as string)).to.deep.equal({content: 'hi', echo_id: 'e1'});
    await api('PATCH', 's', convPath(87, '/messages/1'), withId, {submitted_values: {csat_survey_response: {rating: 5, feedback_message: ''}}});
    expect([call(7).url, call(7).init.method]).to.deep.equal([ROOT + '/contacts/s/conversations/87/messages/1', 'PATCH']);
    expect(JSON.parse(call(7).init.body as string)).to.deep.equal({submitted_values: {csat_survey_response: {rating: 5, feedback_message: ''}}});
  });

  it('lists conversations and message pages', async () => {
    fetch.callsFake(async () => json([msg]));
    expect(await api('GET', 's', '/conversations', list)).to.have.length(1);
    expect(call(0).url).to.equal(ROOT + '/contacts/s/conversations');
    await api('GET', 's', convPath(87, '/messages'), list);
    expect(call(1).url).to.equal(ROOT + '/contacts/s/conversations/87/messages');
    await api('GET', 's', convPath(87, '/messages?before=4521'), list);
    expect(call(2).url).to.equal(ROOT + '/contacts/s/conversations/87/messages?before=4521');
  });

  it('sends files as multipart with attachments[]', async () => {
    fetch.resolves(json(msg));
    const file = new File(['x'], 'a.txt', {type: 'text/plain'});
    await api('POST', 's', convPath(87, '/messages'), withId, messageBody('see', 'e2', [file]));
    const body = call().init.body as FormData;
    expect(body).to.be.instanceOf(FormData);
    expect(body.get('content')).to.equal('see');
    expect(body.get('echo_id')).to.equal('e2');
    expect((body.getAll('attachments[]')[0] as File).name).to.equal('a.txt');
    expect(call().headers.has('content-type')).to.equal(false);
  });

  it('turns a non-2xx answer into an ApiError with status and body', async () => {
    fetch.resolves(json({status: 404, error: 'Not Found'}, 404));
    const e = (await api('GET', 's', '', contact).catch((x: unknown) => x)) as ApiError;
    expect(e).to.be.instanceOf(Error);
    expect([e.status, e.message, e.retryable]).to.deep.equal([404, 'Not Found', false]);
    expect(e.body).to.deep.equal({status: 404, error: 'Not Found'});
    expect(fetch.callCount).to.equal(1);
  });

  it('reads 422 messages and plain-text bodies', async () => {
    fetch.onFirstCall().resolves(json({message: 'Too many messages', attributes: ['content']}, 422));
    fetch.onSecondCall().resolves(new Response('Retry later', {status: 429}));
    const a = (await api('POST', 's', convPath(1, '/messages'), withId, messageBody('x', 'e')).catch((x: unknown) => x)) as ApiError;
    expect([a.status, a.message, a.retryable]).to.deep.equal([422, 'Too many messages', false]);
    const b = (await api('POST', 's', convPath(1, '/messages'), withId, messageBody('x', 'e')).catch((x: unknown) => x)) as ApiError;
    expect([b.status, b.body, b.message, b.retryable]).to.deep.equal([429, 'Retry later', '429', true]);
    expect(fetch.callCount).to.equal(2);
  });

  it('rejects bodies of the wrong shape', async () => {
    fetch.onCall(0).resolves(json({not: 'a list'}));
    fetch.onCall(1).resolves(json({id: 'x'}));
    fetch.onCall(2).resolves(json({source_id: 1}));
    fetch.onCall(3).resolves(new Response('<html>', {status: 200}));
    for (const p of [api('GET', 's', convPath(1, '/messages'), list), api('POST', 's', convPath(1, '/messages'), withId, {}), api('POST', '', '', contact, {}), api('PATCH', 's', '', isObj, {})]) {
      const e = (await p.catch((x: unknown) => x)) as ApiError;
      expect([e.message, e.retryable, e.reason]).to.deep.equal(['Bad response', false, 'bad-response']);
    }
  });

  it('retries GETs with backoff on 5xx and network errors', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    fetch.onCall(0).resolves(json({status: 500}, 500));
    fetch.onCall(1).rejects(new TypeError('Failed to fetch'));
    fetch.onCall(2).resolves(json([msg]));
    const p = api('GET', 's', convPath(87, '/messages'), list);
    // the shared backoff with random 0.5: 1000 ms, then 1250 ms
    await macrotasks();
    await clock.tickAsync(999);
    expect(fetch.callCount).to.equal(1);
    await clock.tickAsync(1);
    expect(fetch.callCount).to.equal(2);
    await macrotasks();
    await clock.tickAsync(1249);
    expect(fetch.callCount).to.equal(2);
    await clock.tickAsync(1);
    expect(await p).to.have.length(1);
    expect(fetch.callCount).to.equal(3);
    clock.restore();
  });

  it('gives up after the retries and never retries a POST', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    fetch.rejects(new TypeError('Failed to fetch'));
    const g = api('GET', 's', '/conversations', list).catch((x: unknown) => x);
    await clock.tickAsync(2250); // 1000 + 1250 ms with random 0.5
    const e = (await g) as ApiError;
    expect([e.status, e.retryable, e.message, e.reason]).to.deep.equal([0, true, 'Failed to fetch', 'network']);
    expect(e).to.be.instanceOf(ApiError);
    expect(fetch.callCount).to.equal(3);
    clock.restore();
    fetch.resetHistory();
    fetch.resolves(json({}, 503));
    const p = (await api('POST', 's', '/conversations', withId, {}).catch((x: unknown) => x)) as ApiError;
    expect([p.status, p.retryable]).to.deep.equal([503, true]);
    expect(fetch.callCount).to.equal(1);
  });

  it('times out (default 15 s) and honours the caller signal', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    fetch.callsFake(
      (_u: string, init: RequestInit) =>
        new Promise((_r, rej) => {
          const no = () => rej(new DOMException('aborted', 'AbortError'));
          if (init.signal!.aborted) no();
          init.signal!.addEventListener('abort', no);
        })
    );
    const slow = api('POST', '', '', contact, {}).catch((x: unknown) => x);
    await clock.tickAsync(15000);
    const t = (await slow) as ApiError;
    expect([t.status, t.message, t.retryable, t.reason]).to.deep.equal([0, 'Timed out', true, 'timeout']);
    expect(t.request).to.deep.equal({method: 'POST', url: ROOT + '/contacts'});
    const ctl = new AbortController();
    const mine = api('GET', 's', convPath(1, '/messages'), list, undefined, ctl.signal).catch((x: unknown) => x);
    ctl.abort();
    const a = (await mine) as ApiError;
    expect([a.status, a.body, a.retryable]).to.deep.equal([0, 'aborted', false]);
    const pre = await api('GET', 's', '', contact, undefined, ctl.signal).catch((x: unknown) => x);
    expect((pre as ApiError).body).to.equal('aborted');
    expect(clock.countTimers()).to.equal(0);
    clock.restore();
  });

  it('trims the base URL', async () => {
    fetch.resolves(json({}));
    await caller(new RestClient({baseUrl: 'http://x//', inboxIdentifier: 'i'}))('PATCH', 'c', '', isObj, {});
    expect(call().url).to.equal('http://x/public/api/v1/inboxes/i/contacts/c');
  });
});
