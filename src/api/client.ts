import {ApiError} from './errors.js';
import type {WireContact, WireConversation, WireMessage} from '../protocol/payloads.js';

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

/** Body of contact create/update (snake_case as the server wants it). */
export type ContactBody = Record<string, unknown>;

export interface NewMessage {
  content: string;
  echoId: string;
  files?: readonly File[];
}

type Obj = Record<string, unknown>;
type Check = ((v: Obj) => unknown) | 0;
type Contact = WireContact & {source_id: string; pubsub_token: string};
const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);
const withId = (v: Obj) => isObj(v) && typeof v.id == 'number';
const contact = (v: Obj) => isObj(v) && typeof v.source_id == 'string' && typeof v.pubsub_token == 'string';
const list = Array.isArray;
const conv = (id: number, tail = '') => '/conversations/' + id + tail;

/**
 * Akece's public client API (`{baseUrl}/public/api/v1/inboxes/{inbox}/contacts…`). JSON in and out;
 * every answer is shape-checked so garbage becomes an {@link ApiError}, never a crash later.
 * Only GETs are retried: a retried POST could create a second message, contact or conversation.
 */
export function restClient(o: RestClientOptions) {
  /** `sourceId` '' is the contacts collection itself. */
  const req = async <T>(method: string, sourceId: string, tail: string, check: Check, c: CallOptions = {}, body?: Obj | FormData): Promise<T> => {
    const {signal} = c;
    const request = {method: '', url: ''};
    const fail = (msg: string, status = 0, b: unknown = null, retry?: boolean) => new ApiError(msg, status, b, request, retry);
    if (!o.inboxIdentifier) throw fail('inbox-identifier is required', 0, null, false);
    request.method = method;
    request.url = `${o.baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(o.inboxIdentifier)}/contacts${
      sourceId && '/' + encodeURIComponent(sourceId)
    }${tail}`;
    for (let n = 0; ; n++) {
      const ctl = new AbortController();
      const abort = () => ctl.abort();
      let late = false;
      const timer = setTimeout(() => ((late = true), abort()), c.timeout ?? 15000);
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
          throw late ? fail('Request timed out') : ctl.signal.aborted ? fail('Request aborted', 0, 'aborted', false) : fail((e as Error)?.message || '' + e);
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

  return {
    createContact: (body: ContactBody, c?: CallOptions) => req<Contact>('POST', '', '', contact, c, body),
    getContact: (sourceId: string, c?: CallOptions) => req<Contact>('GET', sourceId, '', contact, c),
    updateContact: (sourceId: string, body: ContactBody, c?: CallOptions) => req<WireContact>('PATCH', sourceId, '', isObj, c, body),
    listConversations: (sourceId: string, c?: CallOptions) => req<WireConversation[]>('GET', sourceId, '/conversations', list, c),
    createConversation: (sourceId: string, c?: CallOptions) => req<WireConversation>('POST', sourceId, '/conversations', withId, c, {}),
    getConversation: (sourceId: string, id: number, c?: CallOptions) => req<WireConversation>('GET', sourceId, conv(id), withId, c),
    toggleTyping: (sourceId: string, id: number, status: 'on' | 'off', c?: CallOptions) =>
      req<unknown>('POST', sourceId, conv(id, '/toggle_typing'), 0, c, {typing_status: status}),
    updateLastSeen: (sourceId: string, id: number, c?: CallOptions) => req<unknown>('POST', sourceId, conv(id, '/update_last_seen'), 0, c),
    /** The latest 20 messages, or the 20 before message `before`; oldest first. */
    listMessages: (sourceId: string, id: number, before?: number | null, c?: CallOptions) =>
      req<WireMessage[]>('GET', sourceId, conv(id, '/messages' + (before != null ? '?before=' + before : '')), list, c),
    /** Posts as the visitor; multipart when files are attached. Never retried automatically. */
    createMessage(sourceId: string, id: number, m: NewMessage, c?: CallOptions) {
      let body: Obj | FormData = {content: m.content, echo_id: m.echoId};
      if (m.files?.length) {
        body = new FormData();
        body.append('content', m.content);
        body.append('echo_id', m.echoId);
        for (const f of m.files) body.append('attachments[]', f, f.name);
      }
      return req<WireMessage>('POST', sourceId, conv(id, '/messages'), withId, c, body);
    },
    /** Answers a bot or CSAT message (`submitted_values` as the server wants it). */
    updateMessage: (sourceId: string, id: number, msgId: number, submittedValues: unknown, c?: CallOptions) =>
      req<WireMessage>('PATCH', sourceId, conv(id, '/messages/' + msgId), withId, c, {submitted_values: submittedValues}),
  };
}

export type RestClient = ReturnType<typeof restClient>;
