import {backoff} from '../utils/backoff.js';
import {ApiError, type ApiRequest} from './errors.js';
import type {AnswerShape, JsonObject} from './types.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface RestClientOptions {
  /** The Akece server, e.g. `https://chat.example` (trailing slashes are ignored). */
  readonly baseUrl: string;
  /** The API inbox; without it every call fails with reason 'config'. */
  readonly inboxIdentifier?: string;
  /** How long one attempt may take before it fails with reason 'timeout'. */
  readonly timeoutMs?: number;
}

/** One call, relative to the inbox's contacts collection. */
export interface RestRequest<T> {
  readonly method: HttpMethod;
  /** The contact's source id; none: the contacts collection itself. */
  readonly contact?: string;
  /** What follows `/contacts[/{source_id}]`, query string included. */
  readonly path?: string;
  /** The answer must pass this check, else the call fails with reason 'bad-response'. */
  readonly expect: AnswerShape<T>;
  /** A JSON body, or multipart form data (files). */
  readonly body?: JsonObject | FormData;
  /** Aborts the call (then it fails with reason 'aborted'). */
  readonly signal?: AbortSignal;
}

/** How many times a GET is tried in all. POSTs and PATCHes are tried once. */
const GET_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 15_000;
/** A message with files (up to 15 of 40 MB) may take minutes on a slow line. */
const UPLOAD_TIMEOUT_MS = 600_000;

/** The message of an error answer: Akece's `message` (422) or `error` (404), else the status. */
function errorMessage(body: unknown, status: number): string {
  if (typeof body == 'object' && body != null) {
    const {message, error} = body as {message?: unknown; error?: unknown};
    for (const text of [message, error]) if (typeof text == 'string' && text) return text;
  }
  return String(status);
}

/** JSON when it parses, else the text itself: error bodies may be plain (a 429 from rack-attack),
 * and an empty 200 stays ''. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Akece's public client API over `fetch`: every call goes to
 * `{baseUrl}/public/api/v1/inboxes/{inbox}/contacts[/{source_id}]{path}`, sends JSON (or multipart
 * form data as it is), times out, stops with the caller's AbortSignal, and checks the answer's
 * shape, so that garbage becomes an {@link ApiError} here instead of a crash later. Only GETs are
 * retried (with jittered backoff): a retried POST could create a second message, contact or
 * conversation.
 */
export class RestClient {
  /**
   * Sends the calls whose body is form data (files) in fetch's place once set: the on-demand
   * src/api/form-upload.ts sets an XMLHttpRequest sender, which reports upload progress (fetch
   * reports none). Declared only, so it costs the session's chunk nothing until then.
   */
  static sendForm?: (url: string, init: RequestInit) => Promise<Response>;

  private readonly inboxUrl: string | null;
  private readonly timeoutMs: number;

  constructor(options: RestClientOptions) {
    const {baseUrl, inboxIdentifier} = options;
    this.inboxUrl = inboxIdentifier
      ? `${baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(inboxIdentifier)}`
      : null;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Whether calls can be made at all (an inbox identifier is set). */
  get configured(): boolean {
    return this.inboxUrl != null;
  }

  /** Makes the call (GETs up to three times); resolves with the checked answer. */
  async request<T>(request: RestRequest<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (error) {
        const mayRetry = request.method == 'GET' && attempt + 1 < GET_ATTEMPTS && error instanceof ApiError && error.retryable;
        if (!mayRetry) throw error;
      }
      await sleep(backoff(attempt));
    }
  }

  /** The URL of a call. */
  urlOf(contact: string | undefined, path = ''): string {
    const contactPath = contact ? '/' + encodeURIComponent(contact) : '';
    return `${this.inboxUrl}/contacts${contactPath}${path}`;
  }

  private async attempt<T>({method, contact, path, expect, body, signal}: RestRequest<T>): Promise<T> {
    if (!this.inboxUrl) throw new ApiError('No inbox-identifier', 'config', {method, url: ''});
    const request: ApiRequest = {method, url: this.urlOf(contact, path)};
    if (signal?.aborted) throw new ApiError('Aborted', 'aborted', request);

    // One controller per attempt: aborted by the caller's signal or by the timeout.
    const controller = new AbortController();
    const abort = () => controller.abort();
    const isJson = body != null && !(body instanceof FormData);
    const timeout = setTimeout(abort, body && !isJson ? UPLOAD_TIMEOUT_MS : this.timeoutMs);
    signal?.addEventListener('abort', abort);
    try {
      let response: Response;
      let text: string;
      try {
        response = await ((!isJson && body && RestClient.sendForm) || fetch)(request.url, {
          method,
          headers: isJson ? {'Content-Type': 'application/json'} : {},
          body: isJson ? JSON.stringify(body) : body,
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw new ApiError('Aborted', 'aborted', request);
        if (controller.signal.aborted) throw new ApiError('Timed out', 'timeout', request);
        throw new ApiError(error instanceof Error ? error.message : String(error), 'network', request);
      }
      const answer = parseBody(text);
      if (!response.ok) throw new ApiError(errorMessage(answer, response.status), 'http', request, response.status, answer);
      if (!expect(answer)) throw new ApiError('Bad response', 'bad-response', request, response.status, answer);
      return answer;
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', abort);
    }
  }
}
