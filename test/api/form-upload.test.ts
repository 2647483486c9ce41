import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {RestClient} from '../../src/api/client.js';
import {isMessage} from '../../src/api/types.js';
import {ApiError} from '../../src/api/errors.js';
import {sendForm, watchUpload} from '../../src/api/form-upload.js';

// The on-demand uploader: form data over XMLHttpRequest (faked: the network), its progress and
// outcome told to the watcher of its files, and RestClient sending form data through it.

/** The network: an XMLHttpRequest that records what is sent and answers as the test says. */
class FakeRequest {
  static made: FakeRequest[] = [];
  method = '';
  url = '';
  requestBody: unknown = null;
  status = 0;
  statusText = '';
  responseText = '';
  readonly upload: {onprogress: ((event: ProgressEvent) => void) | null; onload: (() => void) | null} = {onprogress: null, onload: null};
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeRequest.made.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: unknown) {
    this.requestBody = body;
  }
  abort() {
    this.onabort?.();
  }
  uploadProgress(loaded: number, total: number) {
    this.upload.onprogress?.(new ProgressEvent('progress', {loaded, total}));
  }
  respond(status: number, text: string) {
    this.upload.onload?.();
    Object.assign(this, {status, statusText: String(status), responseText: text});
    this.onload?.();
  }
  error() {
    this.onerror?.();
  }
}

describe('form-upload', () => {
  let requests: FakeRequest[];

  beforeEach(() => {
    requests = FakeRequest.made = [];
    sinon.stub(window, 'XMLHttpRequest').value(FakeRequest);
  });
  afterEach(() => {
    sinon.restore();
    delete RestClient.sendForm;
  });

  const formWith = (file: File) => {
    const form = new FormData();
    form.append('content', 'caption');
    form.append('attachments[]', file);
    return form;
  };
  const watcher = () => ({progress: sinon.spy(), finished: sinon.spy()});
  const macrotask = () => new Promise((resolve) => setTimeout(resolve));

  it('posts form data, reports progress and success to the watcher of its files, and answers as fetch would', async () => {
    const file = new File(['0123456789'], 'a.pdf', {type: 'application/pdf'});
    const listener = watcher();
    watchUpload([file], listener);
    const answer = sendForm('https://chat.example/messages', {method: 'POST', body: formWith(file)});
    const [request] = requests;
    expect(request.method).to.equal('POST');
    expect(request.url).to.equal('https://chat.example/messages');
    expect(request.requestBody).to.be.instanceOf(FormData);
    request.uploadProgress(5, 10);
    expect(listener.progress.calledWith(5, 10)).to.be.true;
    request.respond(200, '{"id":1}');
    const response = await answer;
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({id: 1});
    expect(listener.finished.calledOnceWith(true)).to.be.true;
  });

  it('tells a failed answer, a network failure and an abort apart, as fetch does', async () => {
    const file = new File(['x'], 'a.txt');
    const listener = watcher();
    watchUpload([file], listener);
    const failed = sendForm('/m', {method: 'POST', body: formWith(file)});
    requests[0].respond(500, 'Internal Server Error');
    expect((await failed).status).to.equal(500);
    expect(listener.finished.lastCall.args).to.deep.equal([false]);

    const broken = sendForm('/m', {method: 'POST', body: formWith(file)});
    requests[1].error();
    const error = await broken.catch((reason: unknown) => reason);
    expect(error).to.be.instanceOf(TypeError);

    const controller = new AbortController();
    const aborted = sendForm('/m', {method: 'POST', body: formWith(file), signal: controller.signal});
    controller.abort();
    expect(((await aborted.catch((reason: unknown) => reason)) as DOMException).name).to.equal('AbortError');
    const already = await sendForm('/m', {method: 'POST', body: formWith(file), signal: controller.signal}).catch((reason: unknown) => reason);
    expect((already as DOMException).name).to.equal('AbortError');
    expect(listener.finished.callCount).to.equal(4);
  });

  it('answers a bodiless status without a body, and sends unwatched forms without telling anyone', async () => {
    const answer = sendForm('/m', {method: 'PATCH', body: formWith(new File([], 'b'))});
    expect(requests[0].method).to.equal('PATCH');
    requests[0].respond(204, '');
    expect((await answer).status).to.equal(204);
  });

  it('fails an upload that sends nothing for 30 s', async () => {
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    const file = new File(['x'], 'a.txt');
    const listener = watcher();
    watchUpload([file], listener);
    const answer = sendForm('/m', {method: 'POST', body: formWith(file)});
    clock.tick(20_000);
    requests[0].uploadProgress(1, 2); // still moving: the 30 s start again
    clock.tick(20_000);
    expect(listener.finished.called).to.be.false;
    clock.tick(10_000);
    const error = await answer.catch((reason: unknown) => reason);
    expect(error).to.be.instanceOf(TypeError);
    expect(listener.finished.calledOnceWith(false)).to.be.true;
    expect(clock.countTimers()).to.equal(0);
  });

  it('is what RestClient sends form data with once installed; JSON still goes by fetch', async () => {
    const fetch = sinon.stub(window, 'fetch').resolves(new Response('{}', {status: 200}));
    const file = new File(['x'], 'a.txt');
    watchUpload([file], watcher());
    const client = new RestClient({baseUrl: 'https://chat.example', inboxIdentifier: 'inbox'});
    const message = {id: 7, content: 'caption', message_type: 0, created_at: 1, conversation_id: 3};
    const sent = client.request({method: 'POST', contact: 'c', path: '/conversations/3/messages', expect: isMessage, body: formWith(file)});
    await macrotask();
    expect(fetch.called).to.be.false;
    expect(requests[0].url).to.equal('https://chat.example/public/api/v1/inboxes/inbox/contacts/c/conversations/3/messages');
    requests[0].respond(200, JSON.stringify(message));
    expect((await sent).id).to.equal(7);

    const failing = client.request({method: 'POST', contact: 'c', path: '/conversations/3/messages', expect: isMessage, body: formWith(file)});
    await macrotask();
    requests[1].respond(422, '{"message":"Too many messages"}');
    const error = (await failing.catch((reason: unknown) => reason)) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(422);

    await client.request({method: 'POST', contact: 'c', path: '/x', expect: (answer: unknown): answer is unknown => answer != null, body: {a: 1}});
    expect(fetch.calledOnce).to.be.true;
  });
});
