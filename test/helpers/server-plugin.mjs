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

// Network emulation applies to a whole page, and the test page's own channel to the runner
// (every executeServerCommand) would die with it and stall the run. So the network is switched
// off in the widget's own window, the newest popup the test page opened (openWidget with
// `popup`), never in the test page itself. One DevTools session per popup, kept open: closing
// it would lift the emulation.
const cdpSessions = new WeakMap();

/** The popups the test page opened (live ones), oldest first. */
function popupsOf(session) {
  const testPage = session.browser.getPage(session.id);
  return testPage.browser().targets().filter((t) => t.type() === 'page' && t.opener() === testPage.target());
}

/** The DevTools session kept open for a popup. */
async function cdpOf(target) {
  let cdp = cdpSessions.get(target);
  if (!cdp) {
    cdp = await target.createCDPSession();
    cdpSessions.set(target, cdp);
  }
  return cdp;
}

/** Switches the network of the newest popup (with `all`, of every popup: the whole browser but the test page) off or on. */
async function setOffline(session, offline, all = false) {
  const popups = popupsOf(session);
  const targets = all ? popups : popups.slice(-1);
  if (!targets.length) {
    if (!offline) return false; // nothing to bring back online
    throw new Error('network-offline needs the widget in its own window: openWidget(attrs, {popup: true})');
  }
  for (const target of targets) {
    const cdp = await cdpOf(target);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1});
  }
  return true;
}

/**
 * Freezes (`frozen`) or thaws (`active`) the popup at `index` (oldest first) as the browser does
 * a background tab it suspends: the page hears `freeze` (and is hidden), then runs nothing until
 * `active` (it hears `resume`).
 */
async function setLifecycle(session, {index, state}) {
  const target = popupsOf(session)[index];
  if (!target) throw new Error(`no popup ${index}`);
  await (await cdpOf(target)).send('Page.setWebLifecycleState', {state});
  return true;
}

// Commands that need the browser itself (a second page, DevTools on the test page).
const pageCommands = {
  // Opens `url` in a new page of the same browser (another origin than the test page), with
  // CSP violations and console errors collected from the first script on; opens the widget
  // from its launcher, sends `text` through the composer and waits for it to be sent.
  async 'csp-visit'(session, {url, text}) {
    const page = await session.browser.getPage(session.id).browser().newPage();
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    try {
      await page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener(
          'securitypolicyviolation',
          (e) => window.__violations.push({directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample}),
          true
        );
      });
      const res = await page.goto(url, {waitUntil: 'load'});
      const csp = res.headers()['content-security-policy'] ?? '';
      await page.waitForFunction(() => customElements.get('akece-chat') && document.querySelector('akece-chat')?.shadowRoot?.querySelector('[part~=launcher]'), {timeout: 10000});
      await page.evaluate(() => document.querySelector('akece-chat').shadowRoot.querySelector('[part~=launcher]').click());
      await page.waitForFunction(() => document.querySelector('akece-chat').connectionState === 'connected', {timeout: 15000});
      // The composer is drawn once the panel's chunk is in, which a known contact's connection does not wait for.
      await page.waitForFunction(() => {
        const deepTextarea = (root) => root.querySelector('textarea') ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && deepTextarea(el.shadowRoot)).find(Boolean);
        return deepTextarea(document.querySelector('akece-chat').shadowRoot);
      }, {timeout: 15000});
      await page.evaluate((text) => {
        const find = (root, sel) => {
          const hit = root.querySelector(sel);
          if (hit) return hit;
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) {
            const deep = find(el.shadowRoot, sel);
            if (deep) return deep;
          }
          return null;
        };
        const chat = document.querySelector('akece-chat').shadowRoot;
        const area = find(chat, '[part~=composer] textarea') ?? find(chat, 'textarea');
        area.value = text;
        area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
        find(chat, '[part~=send-button]').click();
      }, text);
      await page.waitForFunction((text) => document.querySelector('akece-chat').messages.some((m) => m.content === text && m.status === 'sent' && m.id != null), {timeout: 15000}, text);
      await new Promise((r) => setTimeout(r, 300)); // late violations (images, styles) arrive too
      return await page.evaluate((csp, consoleErrors) => {
        const el = document.querySelector('akece-chat');
        return {
          csp,
          consoleErrors,
          violations: window.__violations,
          connectionState: el.connectionState,
          messages: el.messages.map((m) => ({content: m.content, status: m.status, role: m.role})),
          resources: performance.getEntriesByType('resource').map((e) => e.name),
        };
      }, csp, consoleErrors);
    } finally {
      await page.close();
    }
  },
  // Opens `url` in a new page, opens the widget from its launcher and waits until it reports a
  // refused file: returns the `akece-error` details the page heard and the alert the widget shows.
  async 'refused-visit'(session, {url}) {
    const page = await session.browser.getPage(session.id).browser().newPage();
    try {
      await page.evaluateOnNewDocument(() => {
        window.__errors = [];
        document.addEventListener('akece-error', (e) => window.__errors.push(e.detail), true);
      });
      await page.goto(url, {waitUntil: 'load'});
      await page.waitForFunction(() => document.querySelector('akece-chat')?.shadowRoot?.querySelector('[part~=launcher]'), {timeout: 10000});
      await page.evaluate(() => document.querySelector('akece-chat').shadowRoot.querySelector('[part~=launcher]').click());
      await page.waitForFunction(() => document.querySelector('akece-chat').shadowRoot.querySelector('[part~=error][role=alert]'), {timeout: 15000});
      return await page.evaluate(() => {
        const el = document.querySelector('akece-chat');
        const alert = el.shadowRoot.querySelector('[part~=error][role=alert]');
        return {
          errors: window.__errors,
          alert: alert.textContent.trim(),
          open: el.open,
          composer: Boolean(el.shadowRoot.querySelector('akece-composer')),
          connectionState: el.connectionState,
        };
      });
    } finally {
      await page.close();
    }
  },
  // Grants (or, with `permissions: []`, resets) the test page's origin browser permissions such
  // as `notifications`, as a visitor's earlier "Allow" would: no prompt is ever shown.
  async 'grant-permissions'(session, {permissions = ['notifications']} = {}) {
    const page = session.browser.getPage(session.id);
    const context = page.browserContext();
    const origin = new URL(page.url()).origin;
    if (permissions.length) await context.overridePermissions(origin, permissions);
    else await context.clearPermissionOverrides();
    return true;
  },
  // The test page's JS heap after a full garbage collection, in bytes.
  async 'heap'(session) {
    const cdp = await session.browser.getPage(session.id).createCDPSession();
    try {
      await cdp.send('HeapProfiler.enable');
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const {usedSize, totalSize} = await cdp.send('Runtime.getHeapUsage');
      return {usedSize, totalSize};
    } finally {
      await cdp.detach();
    }
  },
};

export function serverPlugin() {
  return {
    name: 'akece-server',
    async executeCommand({command, payload, session}) {
      // E2E_DEBUG=1 logs every command as it arrives: where a stalled browser test stopped.
      if (process.env.E2E_DEBUG) console.error(new Date().toISOString(), command, JSON.stringify(payload ?? {}).slice(0, Number(process.env.E2E_DEBUG) > 1 ? 1e5 : 120));
      if (command === 'network-offline') return setOffline(session, Boolean(payload?.offline), Boolean(payload?.all));
      if (command === 'page-lifecycle') return setLifecycle(session, payload);
      if (pageCommands[command]) return pageCommands[command](session, payload);
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
