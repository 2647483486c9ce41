#!/usr/bin/env node
// CLI: `node demo/server/main.mjs` (what `npm start` runs after the build). Environment:
// PORT (8080), HOST (127.0.0.1), INBOX_IDENTIFIER (demo-inbox), DATA_FILE (none: memory only),
// FLOOD_LIMIT (200 contact messages per conversation per minute, 0 = off), LOG=1 to log requests.
import {startServer} from './server.mjs';

const env = process.env;
const server = await startServer({
  port: Number(env.PORT ?? 8080),
  host: env.HOST || '127.0.0.1',
  inboxIdentifier: env.INBOX_IDENTIFIER || 'demo-inbox',
  dataFile: env.DATA_FILE || undefined,
  floodLimit: env.FLOOD_LIMIT === undefined ? 200 : Number(env.FLOOD_LIMIT),
  quiet: env.LOG !== '1',
}).catch((err) => {
  console.error(`akece server could not start: ${err.message}`);
  process.exit(1);
});

let stopping = false;
const stop = async () => {
  if (stopping) return process.exit(1); // a second Ctrl-C forces it
  stopping = true;
  await server.close();
  console.log('akece server stopped');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Browsers treat localhost and 127.0.0.1 as different origins; the pages work on either.
const pretty = server.url.replace(/\/\/(127\.0\.0\.1|\[::1\]|0\.0\.0\.0|\[::\]):/, '//localhost:');
// One write, so a parent process reading the "listening" line also has the URLs.
console.log(
  [
    `akece server listening on ${server.url}`,
    `  demo shop:      ${pretty}/`,
    `  agent console:  ${pretty}/agent`,
    `  widget setup:   ${pretty}/configure`,
    `  inbox:          ${server.inboxIdentifier}${env.DATA_FILE ? `, data in ${env.DATA_FILE}` : ''}`,
  ].join('\n')
);

