import {ApiError} from './errors.js';
import type {WireContact} from '../protocol/payloads.js';

export interface RestClientOptions {
  /** Origin of the Akece installation, e.g. `https://dash.akece.com`. */
  baseUrl: string;
  /** Missing or empty: every call fails with a config error (`request.method` ''), before any fetch. */
  inboxIdentifier?: string;
  fetch?: typeof fetch;
  /** How often a safe (GET) request is retried after a retryable failure (2). */
  retries?: number;
  /** Waits between retries; defaults to setTimeout. */
  delay?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Per-call options: every call can be cancelled and has a timeout (15 s). */
export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
}

export interface NewMessage {
  content: string;
  echoId: string;
  files?: readonly File[];
}

type Obj = Record<string, unknown>;
/** What an answer must look like; 0 accepts anything (empty 200s). */
export type Check = ((v: Obj) => unknown) | 0;
export type WireContactRef = WireContact & {source_id: string; pubsub_token: string};
export const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);
export const withId = (v: Obj) => isObj(v) && typeof v.id == 'number';
export const contact = (v: Obj) => isObj(v) && typeof v.source_id == 'string' && typeof v.pubsub_token == 'string';
export const list: Check = Array.isArray;
/** A conversation's path below its contact. */
export const convPath = (id: number, tail = '') => '/conversations/' + id + tail;

/** The body of a visitor message: JSON, or multipart (`attachments[]`) when files are attached. */
export function messageBody({content, echoId, files}: NewMessage): Obj | FormData {
  if (!files?.length) return {content, echo_id: echoId};
  const f = new FormData();
  f.append('content', content);
  f.append('echo_id', echoId);
  for (const x of files) f.append('attachments[]', x, x.name);
  return f;
}

/**
 * Akece's public client API: `req(method, sourceId, tail)` calls
 * `{baseUrl}/public/api/v1/inboxes/{inbox}/contacts[/{sourceId}]{tail}` (sourceId '' is the contacts
 * collection). JSON in and out; every answer must pass `check`, so garbage becomes an
 * {@link ApiError}, never a crash later. Only GETs are retried: a retried POST could create a
 * second message, contact or conversation.
 */
export const restClient =
  (o: RestClientOptions) =>
  async <T>(method: string, sourceId: string, tail: string, check: Check, body?: Obj | FormData, c: CallOptions = {}): Promise<T> => {
    const {signal} = c;
    const inbox = o.inboxIdentifier;
    // No inbox: a config error, marked by an empty method, before any request.
    const request = inbox
      ? {method, url: `${o.baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(inbox)}/contacts${sourceId && '/' + encodeURIComponent(sourceId)}${tail}`}
      : {method: '', url: ''};
    const fail = (msg: string, status = 0, b: unknown = null, retry?: boolean) => new ApiError(msg, status, b, request, retry);
    if (!inbox) throw fail('inbox-identifier is required', 0, null, false);
    for (let n = 0; ; n++) {
      const ctl = new AbortController();
      const abort = () => ctl.abort();
      const timer = setTimeout(abort, c.timeout ?? 15000);
      signal?.addEventListener('abort', abort);
      if (signal?.aborted) abort();
      try {
        const json = body && !(body instanceof FormData);
        let res: Response;
        try {
          res = await (o.fetch ?? fetch)(request.url, {
            method,
            headers: json ? {'Content-Type': 'application/json'} : {},
            body: json ? JSON.stringify(body) : (body as FormData | undefined),
            signal: ctl.signal,
          });
        } catch (e) {
          // Aborted by the caller, else by the timer; or the network failed.
          throw signal?.aborted
            ? fail('Request aborted', 0, 'aborted', false)
            : ctl.signal.aborted
            ? fail('Request timed out')
            : fail((e as Error)?.message || '' + e);
        }
        const text = await res.text().catch(() => '');
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : null;
        } catch {
          // keep the text: error bodies may be plain (a 429 from rack-attack)
        }
        const d = data as Obj;
        if (!res.ok) throw fail('' + ((isObj(d) && (d.message || d.error)) || 'HTTP ' + res.status), res.status, data);
        if (check && !check(d)) throw fail('Unexpected response', res.status, data, false);
        return data as T;
      } catch (e) {
        if (method != 'GET' || n >= (o.retries ?? 2) || !(e as ApiError).retryable || signal?.aborted) throw e;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
      await (o.delay ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))))(500 * 2 ** n * (0.5 + (o.random ?? Math.random)()));
    }
  };

export type RestClient = ReturnType<typeof restClient>;
