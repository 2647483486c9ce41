// Browser-side helpers for end-to-end tests: drive the local Akece-compatible server process
// (through test/helpers/server-plugin.mjs) and act as the agent over its HTTP agent API.
import {executeServerCommand} from '@web/test-runner-commands';

export interface TestServer {
  id: number;
  url: string;
  port: number;
}

export const startServer = (env: Record<string, string> = {}) =>
  executeServerCommand<TestServer, {env: Record<string, string>}>('server-start', {env});
export const signalServer = (server: TestServer, signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT' | 'SIGTERM') =>
  executeServerCommand('server-signal', {id: server.id, signal});
/** Restarts the killed server with its DATA_FILE: on its own port, or with `elsewhere` on a free one. */
export const restartServer = (server: TestServer, elsewhere = false) =>
  executeServerCommand<TestServer, {id: number; elsewhere: boolean}>('server-restart', {id: server.id, elsewhere});
/** An HTTP request made by Node, not the page (which may be offline). */
export const nodeFetch = <T = unknown>(url: string, method = 'GET', body?: unknown) =>
  executeServerCommand<{status: number; body: T}, {url: string; method: string; body?: unknown}>('http', {url, method, body});
export const stopServer = (server: TestServer) => executeServerCommand('server-stop', {id: server.id});
/** Switches the network of the newest popup off or on; with `all`, of every popup the test page opened. */
export const setOffline = (offline: boolean, all = false) => executeServerCommand('network-offline', {offline, all});
/** Freezes or thaws the popup at `index` (oldest first), as the browser does a background tab (Page Lifecycle). */
export const setPageLifecycle = (index: number, state: 'frozen' | 'active') => executeServerCommand('page-lifecycle', {index, state});

export interface CspVisit {
  csp: string;
  consoleErrors: string[];
  violations: {directive: string; blocked: string; source: string; sample: string}[];
  connectionState: string;
  messages: {content: string; status: string; role: string}[];
  /** Every resource the page loaded (resource timing). */
  resources: string[];
}
/** Opens `url` in a second page from Node, opens the widget there and sends `text` through its composer. */
export const cspVisit = (url: string, text: string) => executeServerCommand<CspVisit, {url: string; text: string}>('csp-visit', {url, text});
export interface RefusedVisit {
  errors: {code: string; message: string}[];
  alert: string;
  open: boolean;
  composer: boolean;
  connectionState: string;
}
/** Opens `url` in a second page from Node, opens the widget there and waits for it to report a refused file. */
export const refusedVisit = (url: string) => executeServerCommand<RefusedVisit, {url: string}>('refused-visit', {url});
/** The test page's JS heap after a forced garbage collection (DevTools), in bytes. */
export const heapUsage = () => executeServerCommand<{usedSize: number; totalSize: number}, Record<string, never>>('heap', {});

/**
 * One local server for the whole suite it is called in (started before its first test, stopped
 * after its last): read `.current` inside the tests.
 */
export function serverForSuite(env: Record<string, string> = {}): {readonly current: TestServer} {
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer(env);
  });
  after(async () => {
    if (server) await stopServer(server);
  });
  return {
    get current() {
      if (!server) throw new Error('the suite’s server is not started yet');
      return server;
    },
  };
}
