// Replies and files (issue 17): an agent reply names the message it answers as Chatwoot's
// InReplyToMessageBuilder does; uploads keep their real names and types and are served with
// them; the fault injection can slow an upload so a progress bar has something to show.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {call, rawSocket, session, start, subscribe} from './helpers.mjs';

describe('replies and attachments', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  /** @type {string} */
  let agent;

  before(async () => {
    server = await start();
    agent = `${server.url}/agent/api`;
  });
  after(() => server.close());

  /** @param {string} url @param {Array<[Blob, string]>} files @param {string} [content] */
  const upload = async (url, files, content) => {
    const form = new FormData();
    if (content) form.append('content', content);
    for (const [blob, name] of files) form.append('attachments[]', blob, name);
    const res = await fetch(`${url}/messages`, {method: 'POST', body: form});
    return {status: res.status, body: await res.json()};
  };

  test('an agent reply keeps in_reply_to for a message of the conversation, with a null external id', async () => {
    const s = await session(server.url);
    const sock = await rawSocket(server.url);
    await subscribe(sock, s.contact.pubsub_token);
    const question = (await call(`${s.convUrl}/messages`, {method: 'POST', body: {content: 'Where is my order?'}})).body;
    const reply = await call(`${agent}/conversations/${s.conversation.id}/messages`, {method: 'POST', body: {content: 'On its way', content_attributes: {in_reply_to: question.id}}});
    assert.deepEqual(reply.body.content_attributes, {in_reply_to: question.id, in_reply_to_external_id: null});
    const frame = await sock.waitFor((f) => f.message?.event === 'message.created' && f.message.data.content === 'On its way');
    assert.deepEqual(frame.message.data.content_attributes, {in_reply_to: question.id, in_reply_to_external_id: null});
    const rest = (await call(`${s.convUrl}/messages`)).body.at(-1);
    assert.deepEqual(rest.content_attributes, {in_reply_to: question.id, in_reply_to_external_id: null});
    // As multipart, with the attributes as a JSON string (how the console sends files).
    const form = new FormData();
    form.append('content', 'The label');
    form.append('content_attributes', JSON.stringify({in_reply_to: question.id}));
    form.append('attachments[]', new Blob(['%PDF-1.4'], {type: 'application/pdf'}), 'label.pdf');
    const multipart = await (await fetch(`${agent}/conversations/${s.conversation.id}/messages`, {method: 'POST', body: form})).json();
    assert.equal(multipart.content_attributes.in_reply_to, question.id);
    sock.close();
  });

  test('in_reply_to naming a message elsewhere, or none, becomes null', async () => {
    const a = await session(server.url);
    const b = await session(server.url);
    const elsewhere = (await call(`${b.convUrl}/messages`, {method: 'POST', body: {content: 'other conversation'}})).body;
    for (const target of [elsewhere.id, 999999, 'abc']) {
      const reply = await call(`${agent}/conversations/${a.conversation.id}/messages`, {method: 'POST', body: {content: 'x', content_attributes: {in_reply_to: target}}});
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.content_attributes, {in_reply_to: null, in_reply_to_external_id: null}, String(target));
    }
  });

  test('uploads keep their real names and types and are served with them', async () => {
    const s = await session(server.url);
    const pdf = new Blob(['%PDF-1.4 invoice'], {type: 'application/pdf'});
    const unknownType = new Blob(['%PDF-1.4 scan'], {type: 'application/octet-stream'});
    const voice = new Blob([new Uint8Array(2048)], {type: 'audio/webm;codecs=opus'});
    const page = new Blob(['<script>alert(1)</script>'], {type: 'text/html'});
    const sent = await upload(s.convUrl, [[pdf, 'Facture nº 12 – été.pdf'], [unknownType, 'scan.PDF'], [voice, 'voice-note.webm'], [page, 'page.html']], 'files');
    assert.equal(sent.status, 200);
    const [first, second, audio, html] = sent.body.attachments;
    assert.equal(first.content_type, 'application/pdf');
    assert.equal(first.extension, 'pdf');
    assert.equal(first.file_type, 'file');
    assert.equal(decodeURIComponent(first.data_url.split('/').pop()), 'Facture nº 12 – été.pdf');
    assert.equal(second.content_type, 'application/pdf', 'the extension names the type the browser did not know');
    assert.equal(audio.file_type, 'audio');
    assert.equal(audio.content_type, 'audio/webm', 'the type without its codec, as ActiveStorage stores it');
    assert.equal(audio.file_size, 2048);
    assert.equal(audio.transcribed_text, '');

    const served = await fetch(first.data_url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'application/pdf');
    assert.equal(served.headers.get('content-disposition'), `inline; filename*=UTF-8''${encodeURIComponent('Facture nº 12 – été.pdf')}`);
    assert.equal(await served.text(), '%PDF-1.4 invoice');
    const sound = await fetch(audio.data_url);
    assert.equal(sound.headers.get('content-type'), 'audio/webm');
    assert.match(String(sound.headers.get('content-disposition')), /^inline;/);
    // HTML keeps its type but is a download, sandboxed and never sniffed.
    const risky = await fetch(html.data_url);
    assert.equal(risky.headers.get('content-type'), 'text/html');
    assert.match(String(risky.headers.get('content-disposition')), /^attachment;/);
    assert.equal(risky.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(risky.headers.get('x-content-type-options'), 'nosniff');
  });

  test('a bytesPerSecond fault slows an upload, then it completes normally', async () => {
    const s = await session(server.url);
    await call(`${agent}/faults`, {method: 'POST', body: {method: 'POST', path: '/messages', bytesPerSecond: 256 * 1024}});
    const started = Date.now();
    const sent = await upload(s.convUrl, [[new Blob([new Uint8Array(512 * 1024)], {type: 'image/png'}), 'big.png']]);
    const took = Date.now() - started;
    assert.equal(sent.status, 200);
    assert.equal(sent.body.attachments[0].file_size, 512 * 1024);
    assert.ok(took >= 1500, `512 KB at 256 KB/s took ${took} ms`);
    // Used up: the next upload is fast again.
    const quick = Date.now();
    await upload(s.convUrl, [[new Blob([new Uint8Array(512 * 1024)], {type: 'image/png'}), 'big.png']]);
    assert.ok(Date.now() - quick < 1500);
  });
});
