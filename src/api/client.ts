import {ApiError} from './errors.js';
import type {WireContact, WireConversation, WireMessage} from '../protocol/payloads.js';

export interface RestClientOptions {
  /** Origin of the Akece installation, e.g. `https://dash.akece.com`. */
  baseUrl: string;
  inboxIdentifier: string;
  fetch?: typeof fetch;
  /** Default per-request timeout in ms (15 s). */
  timeout?: number;
  /** How often a safe (GET) request is retried after a retryable failure (2). */
  retries?: number;
  /** Waits between retries; defaults to setTimeout. */
  delay?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Per-call options: every call can be cancelled and has a timeout. */
export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
}

/** Body of contact create/update (snake_case as the server wants it). */
export type ContactBody = Record<string, unknown>;

export interface NewMessage {
  content: string;
  echoId: string;
  files?: readonly File[];
}

type Check = (v: unknown) => unknown;
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);
const withId: Check = (v) => isObj(v) && typeof v.id == 'number';
const contact: Check = (v) => isObj(v) && typeof v.source_id == 'string' && typeof v.pubsub_token == 'string';
const list: Check = Array.isArray;

/**
 * Akece's public client API (`{baseUrl}/public/api/v1/inboxes/{inbox}/…`). JSON in and out;
 * every answer is shape-checked so garbage becomes an {@link ApiError}, never a crash later.
 * Only GETs are retried: a retried POST could create a second message, contact or conversation.
 */
export class RestClient {
  private readonly root: string;

  constructor(private readonly o: RestClientOptions) {
    this.root = `${o.baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(o.inboxIdentifier)}`;
  }

  getInbox(c?: CallOptions) {
    return this.req<Record<string, unknown>>('GET', '', isObj, c);
  }
  createContact(body: ContactBody, c?: CallOptions) {
    return this.req<WireContact & {source_id: string; pubsub_token: string}>('POST', '/contacts', contact, c, body);
  }
  getContact(sourceId: string, c?: CallOptions) {
    return this.req<WireContact & {source_id: string; pubsub_token: string}>('GET', this.ct(sourceId), contact, c);
  }
  updateContact(sourceId: string, body: ContactBody, c?: CallOptions) {
    return this.req<WireContact>('PATCH', this.ct(sourceId), isObj, c, body);
  }
  listConversations(sourceId: string, c?: CallOptions) {
    return this.req<WireConversation[]>('GET', this.ct(sourceId) + '/conversations', list, c);
  }
  createConversation(sourceId: string, c?: CallOptions, body: Record<string, unknown> = {}) {
    return this.req<WireConversation>('POST', this.ct(sourceId) + '/conversations', withId, c, body);
  }
  getConversation(sourceId: string, id: number, c?: CallOptions) {
    return this.req<WireConversation>('GET', this.cv(sourceId, id), withId, c);
  }
  toggleStatus(sourceId: string, id: number, c?: CallOptions) {
    return this.req<WireConversation>('POST', this.cv(sourceId, id) + '/toggle_status', withId, c);
  }
  toggleTyping(sourceId: string, id: number, status: 'on' | 'off', c?: CallOptions) {
    return this.req<unknown>('POST', this.cv(sourceId, id) + '/toggle_typing', 0, c, {typing_status: status});
  }
  updateLastSeen(sourceId: string, id: number, c?: CallOptions) {
    return this.req<unknown>('POST', this.cv(sourceId, id) + '/update_last_seen', 0, c);
  }
  /** The latest 20 messages, or the 20 before message `before`; oldest first. */
  listMessages(sourceId: string, convId: number, before?: number | null, c?: CallOptions) {
    const q = before != null ? `?before=${before}` : '';
    return this.req<WireMessage[]>('GET', this.cv(sourceId, convId) + '/messages' + q, list, c);
  }
  /** Posts as the visitor; multipart when files are attached. Never retried automatically. */
  createMessage(sourceId: string, convId: number, m: NewMessage, c?: CallOptions) {
    let body: Record<string, unknown> | FormData = {content: m.content, echo_id: m.echoId};
    if (m.files?.length) {
      body = new FormData();
      body.append('content', m.content);
      body.append('echo_id', m.echoId);
      for (const f of m.files) body.append('attachments[]', f, f.name);
    }
    return this.req<WireMessage>('POST', this.cv(sourceId, convId) + '/messages', withId, c, body);
  }
  /** Answers a bot or CSAT message (`submitted_values` as the server wants it). */
  updateMessage(sourceId: string, convId: number, msgId: number, submittedValues: unknown, c?: CallOptions) {
    const path = `${this.cv(sourceId, convId)}/messages/${msgId}`;
    return this.req<WireMessage>('PATCH', path, withId, c, {submitted_values: submittedValues});
  }

  private ct(sourceId: string) {
    return '/contacts/' + encodeURIComponent(sourceId);
  }
  private cv(sourceId: string, id: number) {
    return `${this.ct(sourceId)}/conversations/${id}`;
  }

  private async req<T>(method: string, path: string, check: Check | 0, c: CallOptions = {}, body?: unknown): Promise<T> {
    const {retries = 2, random = Math.random} = this.o;
    const delay = this.o.delay ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let n = 0; ; n++) {
      try {
        return (await this.once(method, path, check, c, body)) as T;
      } catch (e) {
        const err = e as ApiError;
        if (method != 'GET' || n >= retries || !err.retryable || c.signal?.aborted) throw err;
        await delay(500 * 2 ** n * (0.5 + random()));
      }
    }
  }

  private async once(method: string, path: string, check: Check | 0, c: CallOptions, body?: unknown) {
    const request = {method, url: this.root + path};
    const fail = (msg: string, status = 0, b: unknown = null, retry?: boolean) =>
      new ApiError(msg, status, b, request, retry);
    const ctl = new AbortController();
    let timedOut = false;
    const abort = () => ctl.abort();
    const timer = setTimeout(() => ((timedOut = true), abort()), c.timeout ?? this.o.timeout ?? 15000);
    c.signal?.addEventListener('abort', abort);
    if (c.signal?.aborted) abort();
    try {
      const json = body !== undefined && !(body instanceof FormData);
      let res: Response;
      try {
        res = await (this.o.fetch ?? fetch)(request.url, {
          method,
          headers: json ? {'Content-Type': 'application/json'} : {},
          body: json ? JSON.stringify(body) : (body as FormData | undefined),
          signal: ctl.signal,
        });
      } catch (e) {
        throw timedOut ? fail('Request timed out') : ctl.signal.aborted ? fail('Request aborted', 0, 'aborted', false) : fail(String((e as Error)?.message || e));
      }
      const text = await res.text().catch(() => '');
      let data: unknown = text;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        // keep the text: error bodies may be plain (a 429 from rack-attack)
      }
      if (!res.ok) {
        const d = data as {message?: unknown; error?: unknown} | null;
        throw fail(String((isObj(d) && (d.message || d.error)) || `HTTP ${res.status}`), res.status, data);
      }
      if (check && !check(data)) throw fail('Unexpected response', res.status, data, false);
      return data;
    } finally {
      clearTimeout(timer);
      c.signal?.removeEventListener('abort', abort);
    }
  }
}
