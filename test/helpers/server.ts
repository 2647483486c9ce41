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
export const restartServer = (server: TestServer) =>
  executeServerCommand<TestServer, {id: number}>('server-restart', {id: server.id});
export const stopServer = (server: TestServer) => executeServerCommand('server-stop', {id: server.id});
export const setOffline = (offline: boolean) => executeServerCommand('network-offline', {offline});
