// A @web/test-runner plugin that lets browser tests drive real processes from the Node side:
// start the local Akece-compatible server (demo/server/main.mjs) as a child process, kill it
// (SIGKILL), freeze (SIGSTOP) and resume (SIGCONT) it, restart it on the same port with the
// same DATA_FILE, and switch the page's network off and on. Every child binds 127.0.0.1 and is
// killed when the test run ends.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const servers = new Map();
let nextId = 1;

function launch(server, port = server.port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['demo/server/main.mjs'], {
      env: {...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_FILE: server.dataFile, ...server.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.child = child;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[\d.]+:(\d+))/.exec(out);
      if (match) {
        clearTimeout(timer);
        if (!server.url) [server.url, server.port] = [match[1], Number(match[2])];
        resolve({id: server.id, url: match[1], port: Number(match[2])});
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', () => {
      clearTimeout(timer);
      if (server.child === child) server.child = null;
    });
  });
}

function waitExit(child) {
  return child && child.exitCode === null && child.signalCode === null
    ? new Promise((resolve) => child.once('exit', resolve))
    : Promise.resolve();
}

const commands = {
  async 'server-start'({env = {}} = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'akece-e2e-'));
    const server = {id: nextId++, port: 0, url: '', dir, dataFile: join(dir, 'data.json'), env, child: null};
    servers.set(server.id, server);
    return launch(server);
  },
  async 'server-signal'({id, signal}) {
    const server = servers.get(id);
    const child = server?.child;
    if (!child) throw new Error(`server ${id} is not running`);
    child.kill(signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM') await waitExit(child);
    return true;
  },
  // Kills the process if it runs, then starts it again with the same DATA_FILE, on its own
  // port or, with `elsewhere`, on a free one (where the widget cannot find it).
  async 'server-restart'({id, elsewhere = false}) {
    const server = servers.get(id);
    if (server.child) {
      const child = server.child;
      child.kill('SIGKILL');
      await waitExit(child);
    }
    return launch(server, elsewhere ? 0 : server.port);
  },
  // An HTTP request from Node, for when the page itself is offline.
  async 'http'({url, method = 'GET', body}) {
    const res = await fetch(url, {method, headers: body ? {'content-type': 'application/json'} : {}, body: body ? JSON.stringify(body) : undefined});
    const text = await res.text();
    return {status: res.status, body: text ? JSON.parse(text) : null};
  },
  async 'server-stop'({id}) {
    const server = servers.get(id);
    if (!server) return false;
    servers.delete(id);
    if (server.child) {
      const child = server.child;
      child.kill('SIGKILL');
      await waitExit(child);
    }
    rmSync(server.dir, {recursive: true, force: true});
    return true;
  },
};

// One DevTools session per test page, kept open: closing it would lift the emulation.
const cdpSessions = new Map();

async function setOffline(session, offline) {
  const conditions = {offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1};
  for (let attempt = 0; ; attempt++) {
    let cdp = cdpSessions.get(session.id);
    try {
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        cdpSessions.set(session.id, cdp);
        await cdp.send('Network.enable');
      }
      await cdp.send('Network.emulateNetworkConditions', conditions);
      return true;
    } catch (err) {
      cdpSessions.delete(session.id); // the page was replaced: open a new DevTools session
      if (attempt) throw err;
    }
  }
}

export function serverPlugin() {
  return {
    name: 'akece-server',
    async executeCommand({command, payload, session}) {
      if (command === 'network-offline') return setOffline(session, Boolean(payload?.offline));
      const run = commands[command];
      return run ? run(payload) : undefined;
    },
    async serverStop() {
      await Promise.all([...servers.keys()].map((id) => commands['server-stop']({id})));
    },
  };
}

process.on('exit', () => {
  for (const server of servers.values()) server.child?.kill('SIGKILL');
});
