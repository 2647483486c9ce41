// The local Akece-compatible server as a child process (so it can be killed, frozen and
// restarted on the same port with the same data file), and the API calls the benchmarks use.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const live = new Set();
process.on('exit', () => {
  for (const s of live) s.child?.kill('SIGKILL');
});

/** Starts demo/server/main.mjs on 127.0.0.1 (a free port, kept across restarts). */
export async function startChild(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'akece-bench-'));
  const s = {port: 0, url: '', child: null, dir, env};
  live.add(s);
  await launch(s);
  const api = agentApi(() => s.url);
  return {
    get url() {
      return s.url;
    },
    get pid() {
      return s.child?.pid;
    },
    ...api,
    signal: (sig) => s.child?.kill(sig),
    /** SIGKILL, then resolve once the process is gone. */
    async kill() {
      const c = s.child;
      if (!c) return;
      c.kill('SIGCONT'); // a frozen process must be able to die
      c.kill('SIGKILL');
      await exited(c);
    },
    /** Starts it again on the same port with the same data file; resolves when it listens. */
    restart: () => launch(s),
    async stop() {
      const c = s.child;
      if (c) {
        c.kill('SIGCONT');
        c.kill('SIGKILL');
        await exited(c);
      }
      live.delete(s);
      rmSync(s.dir, {recursive: true, force: true});
    },
  };
}

const exited = (c) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)));

function launch(s) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['demo/server/main.mjs'], {
      env: {...process.env, HOST: '127.0.0.1', PORT: String(s.port), DATA_FILE: join(s.dir, 'data.json'), FLOOD_LIMIT: '0', LOG: '', ...s.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    s.child = child;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    const onData = (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[\d.]+:(\d+))/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      s.url = m[1];
      s.port = Number(m[2]);
      resolve(s);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', () => {
      clearTimeout(timer);
      if (s.child === child) s.child = null;
    });
  });
}

/** JSON request; throws on a non-2xx answer. */
export async function call(url, method = 'GET', body) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : {'content-type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

/** The agent API and the public API of one server. */
export function agentApi(base) {
  const url = typeof base === 'string' ? () => base : base;
  const pub = () => `${url()}/public/api/v1/inboxes/demo-inbox`;
  const agent = (path) => `${url()}/agent/api${path}`;
  return {
    /** A contact with one conversation: {sourceId, token, conversationId}. */
    async visitor(name = 'Bench Visitor') {
      const c = await call(`${pub()}/contacts`, 'POST', {name});
      const conv = await call(`${pub()}/contacts/${c.source_id}/conversations`, 'POST', {});
      return {sourceId: c.source_id, token: c.pubsub_token, conversationId: conv.id};
    },
    /** A contact only. */
    async contact(name = 'Bench Visitor') {
      const c = await call(`${pub()}/contacts`, 'POST', {name});
      return {sourceId: c.source_id, token: c.pubsub_token};
    },
    reply: (conv, content) => call(agent(`/conversations/${conv}/messages`), 'POST', {content}),
    bulk: (conv, count, content) => call(agent(`/conversations/${conv}/messages/bulk`), 'POST', {count, ...(content ? {content} : {})}),
    drop: () => call(agent('/cable/drop'), 'POST'),
  };
}
