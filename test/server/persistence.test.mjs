// DATA_FILE: state survives a restart, in-process and as a SIGKILLed CLI child.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {call, publicApi, rawSocket, session, start, subscribe} from './helpers.mjs';

const MAIN = fileURLToPath(new URL('../../demo/server/main.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'akece-server-test-'));
after(() => rmSync(dir, {recursive: true, force: true}));

/**
 * Run the CLI as a child and wait for its "listening" line.
 * @param {Record<string, string>} env
 * @returns {Promise<{child: import('node:child_process').ChildProcess, url: string, port: number, output: () => string}>}
 */
function launch(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {env: {...process.env, HOST: '127.0.0.1', PORT: '0', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 10000);
    const onData = (/** @type {Buffer} */ chunk) => {
      out += chunk;
      const m = /akece server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({child, url: m[1], port: Number(m[2]), output: () => out});
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
function kill(child, signal) {
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({code, sig})));
  child.kill(signal);
  return exited;
}

describe('persistence', () => {
  test('startServer({dataFile}) reloads contacts, tokens, conversations and message ids', async () => {
    const dataFile = join(dir, 'inproc.json');
    const first = await start({dataFile});
    const s = await session(first.url);
    const form = new FormData();
    form.append('content', 'with file');
    form.append('attachments[]', new Blob(['hello file'], {type: 'text/plain'}), 'note.txt');
    const m1 = await call(`${s.convUrl}/messages`, {method: 'POST', body: form});
    await call(`${first.url}/agent/api/conversations/${s.conversation.id}/messages`, {method: 'POST', body: {content: 'note', private: true}});
    await call(`${first.url}/agent/api/presence`, {method: 'POST', body: {status: 'away'}});
    await first.close();
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file left');

    const second = await start({dataFile});
    try {
      const contact = await call(`${publicApi(second.url).base}/contacts/${s.contact.source_id}`);
      assert.deepEqual(contact.body, s.contact);
      const messages = await call(`${s.convUrl.replace(first.url, second.url)}/messages`);
      assert.equal(messages.body[0].id, m1.body.id);
      const file = await fetch(messages.body[0].attachments[0].data_url);
      assert.equal(await file.text(), 'hello file');
      const presence = await call(`${second.url}/agent/api/presence`);
      assert.equal(presence.body.status, 'away');
      const next = await call(`${s.convUrl.replace(first.url, second.url)}/messages`, {method: 'POST', body: {content: 'next'}});
      assert.ok(next.body.id > m1.body.id + 1, 'ids continue after the private note');
      const sock = await rawSocket(second.url);
      await subscribe(sock, s.contact.pubsub_token);
      sock.close();
    } finally {
      await second.close();
    }
  });

  test('the CLI, killed with SIGKILL and restarted on the same port, keeps its data', async () => {
    const dataFile = join(dir, 'cli.json');
    const a = await launch({DATA_FILE: dataFile});
    let b;
    try {
      assert.match(a.output(), /demo shop: +http:\/\/localhost:\d+\//);
      assert.match(a.output(), /agent console: +http:\/\/localhost:\d+\/agent/);
      const s = await session(a.url);
      const sent = await call(`${s.convUrl}/messages`, {method: 'POST', body: {content: 'before the crash'}});
      const reply = await call(`${a.url}/agent/api/conversations/${s.conversation.id}/messages`, {method: 'POST', body: {content: 'agent reply'}});
      const {sig} = /** @type {any} */ (await kill(a.child, 'SIGKILL'));
      assert.equal(sig, 'SIGKILL');

      b = await launch({DATA_FILE: dataFile, PORT: String(a.port)});
      assert.equal(b.port, a.port);
      const list = await call(`${s.convUrl}/messages`);
      assert.deepEqual(list.body.map((/** @type {any} */ m) => m.id), [sent.body.id, reply.body.id]);
      const sock = await rawSocket(b.url);
      await subscribe(sock, s.contact.pubsub_token);
      sock.close();
    } finally {
      if (a.child.exitCode === null && a.child.signalCode === null) await kill(a.child, 'SIGKILL');
      if (b) await kill(b.child, 'SIGKILL');
    }
  });

  test('the CLI stops cleanly on SIGTERM', async () => {
    const c = await launch({});
    const {code} = /** @type {any} */ (await kill(c.child, 'SIGTERM'));
    assert.equal(code, 0);
    assert.match(c.output(), /akece server stopped/);
  });

  test('INBOX_IDENTIFIER is honoured by the CLI', async () => {
    const c = await launch({INBOX_IDENTIFIER: 'cli-inbox'});
    try {
      assert.equal((await call(`${c.url}/public/api/v1/inboxes/cli-inbox`)).status, 200);
    } finally {
      await kill(c.child, 'SIGKILL');
    }
  });

  test('without DATA_FILE nothing is written and the temporary upload folder is removed on close', async () => {
    const server = await start();
    const folder = server.store.filesDir;
    assert.ok(existsSync(folder));
    await server.close();
    assert.equal(existsSync(folder), false);
  });
});
