// Small HTTP helpers shared by the public API and the agent API: errors in Rails' shapes,
// body parsing (JSON, url-encoded, multipart), CORS, and a tiny route table.
import {parseMultipart} from './multipart.mjs';

export class HttpError extends Error {
  /** @param {number} status @param {unknown} body */
  constructor(status, body) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export const notFound = () => new HttpError(404, {status: 404, error: 'Not Found'});
export const badRequest = () => new HttpError(400, {status: 400, error: 'Bad Request'});
/** Rails' `render_record_invalid`. @param {string} message @param {string[]} attributes */
export const invalid = (message, attributes) => new HttpError(422, {message, attributes});

const MAX_BODY = 2 * 1024 * 1024;

/**
 * Parse a request body the way Rails params would: JSON, form or multipart.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{fields: Record<string, any>, files: import('./multipart.mjs').Upload[]}>}
 */
export async function readBody(req) {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    try {
      return await parseMultipart(req);
    } catch (err) {
      throw /** @type {any} */ (err).tooBig ? new HttpError(413, {status: 413, error: 'Payload Too Large'}) : badRequest();
    }
  }
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, {status: 413, error: 'Payload Too Large'});
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {fields: {}, files: []};
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return {fields: Object.fromEntries(new URLSearchParams(text)), files: []};
  }
  try {
    const fields = JSON.parse(text);
    return {fields: fields && typeof fields === 'object' && !Array.isArray(fields) ? fields : {}, files: []};
  } catch {
    throw badRequest();
  }
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} [body] */
export function send(res, status, body) {
  if (body === undefined) {
    res.writeHead(status, {'content-length': 0});
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text)});
  res.end(text);
}

/** Open CORS, as rack-cors is set up for `/public/api/*` (and for the local agent API). @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
export function cors(req, res) {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD');
  res.setHeader('access-control-allow-headers', String(req.headers['access-control-request-headers'] ?? '*'));
  res.setHeader('access-control-max-age', '7200');
  res.setHeader('vary', 'Origin');
}

/** The origin a client used to reach us, for absolute URLs it can load. @param {import('node:http').IncomingMessage} req @param {string} fallback */
export function originOf(req, fallback) {
  const host = req.headers.host;
  return host && /^[a-z0-9.\-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(host) ? `http://${host}` : fallback;
}

/**
 * @typedef {{req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   params: string[], url: URL, origin: string, body: () => ReturnType<typeof readBody>}} Ctx
 * @typedef {(ctx: Ctx) => unknown} Handler returns the JSON body (status 200), `undefined` for an empty 200
 * @typedef {[string, RegExp, Handler]} Route
 */

/**
 * Find and run the route for a request; false if none matched the path.
 * @param {Route[]} routes @param {Omit<Ctx, 'params'>} ctx
 */
export async function dispatch(routes, ctx) {
  let pathMatched = false;
  for (const [method, re, handler] of routes) {
    const m = re.exec(ctx.url.pathname);
    if (!m) continue;
    pathMatched = true;
    if (method !== ctx.req.method) continue;
    let params;
    try {
      params = m.slice(1).map(decodeURIComponent);
    } catch {
      throw notFound();
    }
    const body = await handler({...ctx, params});
    if (!ctx.res.headersSent) send(ctx.res, 200, body);
    return true;
  }
  if (pathMatched) throw notFound();
  return false;
}
