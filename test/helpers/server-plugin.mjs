// A test-runner plugin that lets browser tests start, stop, kill, freeze and restart the
// local Akece-compatible server (demo/server) through `executeServerCommand`.
// Filled in by the end-to-end tests; without the server present it does nothing.
export function serverPlugin() {
  return {name: 'akece-server'};
}
