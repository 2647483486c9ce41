// Server frames for protocol tests, as JSON text (what a socket delivers), plus the shared
// protocol fixtures copied into ./fixtures/.

export const TOKEN = 'eYw6Gk9F3Qm2sTnVbRzP7hJd';
/** The identifier the fixtures carry: `{"channel":"RoomChannel","pubsub_token":TOKEN}`. */
export const IDENTIFIER = JSON.stringify({channel: 'RoomChannel', pubsub_token: TOKEN});

const text = (frame: unknown) => JSON.stringify(frame);

export const welcome = () => text({type: 'welcome'});
export const ping = (at = Math.floor(Date.now() / 1000)) => text({type: 'ping', message: at});
export const confirm = (identifier = IDENTIFIER) => text({identifier, type: 'confirm_subscription'});
export const reject = (identifier = IDENTIFIER) => text({identifier, type: 'reject_subscription'});
export const disconnect = (reconnect: boolean, reason = 'server_restart') =>
  text({type: 'disconnect', reason, reconnect});
/** A data frame: ActionCable's `{identifier, message: {event, data}}`. */
export const event = (identifier: string, name: string, data: unknown) =>
  text({identifier, message: {event: name, data}});

/** The text of a fixture in test/helpers/fixtures/ (copied from the shared protocol fixtures). */
export async function fixtureText(name: string): Promise<string> {
  const res = await fetch(new URL(`./fixtures/${name}.json`, import.meta.url));
  if (!res.ok) throw new Error(`fixture ${name}: ${res.status}`);
  return res.text();
}

/** A fixture, parsed. */
export const fixtureJson = async <T = Record<string, unknown>>(name: string): Promise<T> =>
  JSON.parse(await fixtureText(name)) as T;
