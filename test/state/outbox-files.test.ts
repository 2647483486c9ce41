import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {QueuedMessage} from '../../src/state/outbox.js';
import {OutboxFiles} from '../../src/state/outbox-files.js';
import {readPersistedSession} from '../../src/state/persisted-session.js';
import type {Message} from '../../src/state/model.js';
import {FakeServer, MemStorage, makeSession} from './fakes.js';

// The files of unsent messages survive a reload: storage keeps the entry (with its file count),
// IndexedDB (real, the browser's) keeps the files under its echo id, and the message is sent once,
// with them, after the reload. The network is the fake server; time is real (IndexedDB's own).

const KEY = 'akece-chat:https://chat.example:inb';
const STORED_CONTACT = {version: 2, contact: {sourceId: 'src-1', pubsubToken: 'tok-src-1'}, outbox: []};

/** Polls `check` (IndexedDB answers in real time) until it holds. */
async function until<T>(check: () => T | Promise<T>, what: string, ms = 4000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Empties the widget's database between tests. */
function deleteDatabase(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('akece-chat');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('QueuedMessage with files', () => {
  it('shows its files by name and size, with no address yet', () => {
    const entry = new QueuedMessage('echo1', 'The report', 1, 0);
    entry.files = [new File(['abc'], 'report.pdf', {type: 'application/pdf'})];
    const failed = entry.toMessage('Internal Server Error');
    expect(failed.status).to.equal('failed');
    expect(failed.attachments).to.deep.equal([{kind: 'file', url: '', thumbUrl: '', fileName: 'report.pdf', size: 3}]);
    // Storage keeps how many files go with it, never the files (IndexedDB holds them).
    expect(entry.toStored()).to.not.have.property('files');
    expect(entry.toStored()).to.not.have.property('fileCount');
    entry.fileCount = 1;
    expect(entry.toStored().fileCount).to.equal(1);
    const restored = QueuedMessage.restore(entry.toStored());
    expect(restored.fileCount).to.equal(1);
    expect(restored.toMessage().attachments).to.deep.equal([]);
  });

  it('is read back from storage with its file count, even with no text', () => {
    const storage = new MemStorage();
    const entry = {echoId: 'e1', content: '', createdAt: 5, maxServerIdThen: 0, outcomeUnknown: false, failedForGood: false};
    storage.setItem(KEY, JSON.stringify({...STORED_CONTACT, outbox: [{...entry, fileCount: 2}, {...entry, echoId: 'e2'}]}));
    // A message of files only is kept; an empty one without files is not.
    expect(readPersistedSession(storage, KEY)!.outbox).to.deep.equal([{...entry, fileCount: 2}]);
  });
});

describe('OutboxFiles (IndexedDB)', () => {
  beforeEach(deleteDatabase);

  it('keeps files by echo id, gives them back as files, and forgets them', async () => {
    const files = new OutboxFiles();
    await files.save('e1', [new File(['hello'], 'a.txt', {type: 'text/plain'}), new File([new Uint8Array(3)], 'b.bin')]);
    // Another instance (another page) reads what this one kept.
    const read = (await new OutboxFiles().load('e1'))!;
    expect(read.map((file) => [file.name, file.size, file.type])).to.deep.equal([
      ['a.txt', 5, 'text/plain'],
      ['b.bin', 3, ''],
    ]);
    expect(await read[0].text()).to.equal('hello');
    expect(await files.load('unknown')).to.equal(undefined);
    await files.remove('e1');
    expect(await files.load('e1')).to.equal(undefined);
  });

  it('forgets only left-over records: older than a week and claimed by no queued message', async () => {
    const files = new OutboxFiles();
    const now = Date.now();
    const clock = sinon.useFakeTimers({now: now - 8 * 24 * 3600 * 1000, toFake: ['Date']});
    await files.save('old-claimed', [new File(['1'], '1.txt')]);
    await files.save('old-unclaimed', [new File(['2'], '2.txt')]);
    clock.restore();
    await files.save('recent', [new File(['3'], '3.txt')]);
    await files.removeLeftOvers(['old-claimed']);
    expect(await files.load('old-claimed')).to.have.length(1);
    expect(await files.load('old-unclaimed')).to.equal(undefined);
    expect(await files.load('recent')).to.have.length(1);
  });
});

describe('ChatSession: files of unsent messages across a reload', () => {
  let srv: FakeServer;
  let sessions: ReturnType<typeof makeSession>[] = [];
  /** The message posts with files the server received: their text and files. */
  let posted: {content: string; echoId: string; files: File[]}[];

  beforeEach(async () => {
    await deleteDatabase();
    srv = new FakeServer();
    srv.convs = [{id: 87, status: 'open', contact_last_seen_at: 0}];
    posted = [];
    // The fake server reads JSON bodies only: a form (a message with files) is answered here.
    srv.hook = (request) => {
      const body = srv.stub.lastCall.args[1]?.body;
      if (request.method != 'POST' || !(body instanceof FormData)) return undefined;
      const files = body.getAll('attachments[]') as File[];
      const sent = {content: String(body.get('content')), echoId: String(body.get('echo_id')), files};
      posted.push(sent);
      const created = srv.add(1, {content: sent.content, message_type: 0, created_at: 6000});
      created.attachments = files.map((file, index) => ({id: index + 1, file_type: 'file', data_url: `https://chat.example/files/${file.name}`, file_size: file.size}));
      return new Response(JSON.stringify(created), {status: 200});
    };
  });
  afterEach(() => {
    for (const made of sessions) made.session.dispose();
    sessions = [];
    sinon.restore();
  });

  /** A session over `storage` (a page load), with its socket connected and the conversation shown. */
  async function load(storage: MemStorage, options: Parameters<typeof makeSession>[0] = {}) {
    const made = makeSession(options);
    sessions.push(made);
    made.storage.map = storage.map;
    made.session.start();
    made.cable.confirmSubscription();
    await until(() => made.session.store.getState().conversationId == 87, 'the conversation');
    return made;
  }
  const shown = (made: ReturnType<typeof makeSession>, echoId: string) => [...made.session.store.getState().messages].find((message) => message.echoId == echoId);
  const storedOutbox = (storage: MemStorage) => readPersistedSession(storage, KEY)?.outbox ?? [];

  it('keeps the files of a message queued offline, and sends it once with them after a reload', async () => {
    const storage = new MemStorage();
    storage.setItem(KEY, JSON.stringify(STORED_CONTACT));
    const first = await load(storage);
    first.cable.lose(); // offline: the send waits
    const photo = new File([new Uint8Array([1, 2, 3, 4])], 'photo.png', {type: 'image/png'});
    const voice = new File([new Uint8Array(10)], 'voice-message.webm', {type: 'audio/webm'});
    first.session.sendMessage('Look', [photo, voice]).catch(() => undefined);
    const [entry] = await until(() => (storedOutbox(storage).length ? storedOutbox(storage) : null), 'the stored entry');
    expect(entry.fileCount).to.equal(2);
    await until(() => new OutboxFiles().load(entry.echoId), 'the files kept in IndexedDB');
    expect(posted).to.have.length(0);

    // The page reloads: the entry comes back, waits for its files, and goes with them.
    first.session.dispose();
    const second = await load(storage);
    const sent = await until(() => (shown(second, entry.echoId)?.status == 'sent' ? shown(second, entry.echoId) : null), 'sent after the reload');
    expect(posted).to.have.length(1);
    expect(posted[0].content).to.equal('Look');
    expect(posted[0].echoId).to.equal(entry.echoId);
    expect(posted[0].files.map((file) => [file.name, file.size, file.type])).to.deep.equal([
      ['photo.png', 4, 'image/png'],
      ['voice-message.webm', 10, 'audio/webm'],
    ]);
    expect(sent.attachments).to.have.length(2);
    // Delivered: the entry and its files are forgotten.
    expect(storedOutbox(storage)).to.deep.equal([]);
    await until(async () => (await new OutboxFiles().load(entry.echoId)) === undefined, 'the files forgotten');

    // A later load sends nothing again.
    second.session.dispose();
    const third = await load(storage);
    expect(third.session.store.getState().messages.length).to.be.at.least(1);
    expect(posted).to.have.length(1);
  });

  it('keeps the files of a failed upload, and sends them after a reload', async () => {
    const storage = new MemStorage();
    storage.setItem(KEY, JSON.stringify(STORED_CONTACT));
    const first = await load(storage);
    const hook = srv.hook!;
    srv.hook = (request) => (request.method == 'POST' ? new Response('{"error":"boom"}', {status: 500}) : hook(request));
    const failure = await first.session.sendMessage('', [new File(['pdf'], 'report.pdf', {type: 'application/pdf'})]).then(
      () => null,
      (error: unknown) => error
    );
    expect(failure).to.be.an('error');
    const [entry] = storedOutbox(storage);
    expect(entry).to.include({content: '', fileCount: 1});
    await until(() => new OutboxFiles().load(entry.echoId), 'the files kept in IndexedDB');

    srv.hook = hook;
    first.session.dispose();
    const second = await load(storage);
    await until(() => shown(second, entry.echoId)?.status == 'sent', 'sent after the reload');
    expect(posted.map((post) => post.files.map((file) => file.name))).to.deep.equal([['report.pdf']]);
  });

  it('says so when the files could not be kept, and does not send the message without them', async () => {
    const storage = new MemStorage();
    storage.setItem(KEY, JSON.stringify(STORED_CONTACT));
    // No room left: IndexedDB refuses the write.
    sinon.stub(OutboxFiles.prototype, 'save').rejects(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const first = await load(storage);
    first.cable.lose();
    first.session.sendMessage('Invoice attached', [new File(['x'], 'invoice.pdf')]).catch(() => undefined);
    const [entry] = await until(() => (storedOutbox(storage).length ? storedOutbox(storage) : null), 'the stored entry');
    // While the page lives, the files are in memory: the message warns that leaving loses them.
    await until(() => shown(first, entry.echoId)?.filesNotKept == 'at-risk', 'the warning');
    expect(shown(first, entry.echoId)!.status).to.equal('pending');
    expect(shown(first, entry.echoId)!.attachments.map((attachment) => attachment.fileName)).to.deep.equal(['invoice.pdf']);

    // The page reloads without them: the message is shown failed, with the reason, and waits.
    first.session.dispose();
    const second = await load(storage);
    const lost = await until(() => (shown(second, entry.echoId)?.filesNotKept == 'lost' ? shown(second, entry.echoId) : null), 'the files shown lost');
    expect(lost.status).to.equal('failed');
    expect(posted).to.have.length(0);
    expect(srv.paths('POST').filter((path) => path.endsWith('/messages'))).to.deep.equal([]);
    // The visitor's retry sends what is left: the text.
    const retried: Message = await second.session.retry(lost.key);
    expect(retried.content).to.equal('Invoice attached');
    expect(storedOutbox(storage)).to.deep.equal([]);
  });

  it('keeps no files when the page keeps nothing (storage none)', async () => {
    const save = sinon.spy(OutboxFiles.prototype, 'save');
    const made = makeSession({storage: null, conversationId: 87});
    sessions.push(made);
    await made.session.sendMessage('Hello', [new File(['x'], 'a.txt')]);
    expect(posted).to.have.length(1);
    expect(save.called).to.equal(false);
  });
});
