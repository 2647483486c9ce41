import {backoff} from '../utils/backoff.js';
type Obj = Record<string, any>;

/**
 * A failed REST call: a non-2xx answer, a body of the wrong shape, a network error or a timeout.
 * `status` is 0 when no HTTP answer came. `retryable` says whether trying again later may help
 * (network errors, timeouts, 429, 5xx). `body` is 'aborted' for the caller's own abort and
 * 'config' when no inbox identifier is set (neither is retryable).
 */
export type ApiError = Error & {status: number; body: unknown; retryable: boolean};

const err = (message: string, status = 0, body: unknown = null, retryable = !status || status == 429 || status >= 500) =>
  Object.assign(Error(message), {status, body, retryable}) as ApiError;

/** What an answer must look like; 0 accepts anything (empty 200s). */
export type Check = ((v: any) => unknown) | 0;
/** A plain object (as JSON.parse makes them): not null, not an array. */
export const isObj = (v: any): v is Obj => v?.constructor == Object;
export const withId = (v: any) => Number.isFinite(v?.id);
export const contact = (v: any) => typeof v?.source_id == 'string' && typeof v.pubsub_token == 'string';
export const list: Check = Array.isArray;

/** The body of a visitor message: JSON, or multipart (`attachments[]`) when files are attached. */
export function messageBody(content: string, echo_id: string, files?: readonly File[]): Obj | FormData {
  if (!files?.length) return {content, echo_id};
  const f = new FormData();
  f.append('content', content);
  f.append('echo_id', echo_id);
  for (const x of files) f.append('attachments[]', x);
  return f;
}

/**
 * Akece's public client API: `api(method, sourceId, tail)` calls
 * `{baseUrl}/public/api/v1/inboxes/{inbox}/contacts[/{sourceId}]{tail}` (no sourceId: the contacts
 * collection). JSON in and out; every answer must pass `check`, so garbage becomes an
 * {@link ApiError}, never a crash later. Every call times out after 15 s and stops with `signal`.
 * Only GETs are retried (twice, with jittered backoff): a retried POST could create a second
 * message, contact or conversation.
 */
export const restClient =
  (o: {baseUrl: string; inboxIdentifier?: string}) =>
  async <T = any>(method: string, sourceId: string | undefined, tail: string, check: Check, body?: Obj | FormData, signal?: AbortSignal): Promise<T> => {
    const inbox = o.inboxIdentifier;
    if (!inbox) throw err('No inbox-identifier', 0, 'config', false);
    const json = body && !body.append; // FormData goes as it is (multipart)
    for (let n = 0; ; n++) {
      const ctl = new AbortController();
      const abort = () => ctl.abort();
      const timer = setTimeout(abort, 15000);
      signal?.addEventListener('abort', abort);
      if (signal?.aborted) abort();
      try {
        let res: Response;
        let data: any;
        try {
          res = await fetch(
            `${o.baseUrl.replace(/\/+$/, '')}/public/api/v1/inboxes/${encodeURIComponent(inbox)}/contacts${sourceId ? '/' + encodeURIComponent(sourceId) : ''}${tail}`,
            {method, headers: json ? {'Content-Type': 'application/json'} : {}, body: json ? JSON.stringify(body) : (body as FormData), signal: ctl.signal}
          );
          data = await res.text();
        } catch (e) {
          // Aborted by the caller, else by the timer; or the network failed.
          throw signal?.aborted ? err('Aborted', 0, 'aborted', false) : err(ctl.signal.aborted ? 'Timed out' : (e as Error).message);
        }
        try {
          data = JSON.parse(data);
        } catch {
          // keep the text: error bodies may be plain (a 429 from rack-attack); an empty 200 stays ''
        }
        if (!res.ok) throw err('' + (data?.message || data?.error || res.status), res.status, data);
        if (check && !check(data)) throw err('Bad response', res.status, data, false);
        return data;
      } catch (e) {
        // (an abort is not retryable)
        if (method != 'GET' || n > 1 || !(e as ApiError).retryable) throw e;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
      await new Promise((r) => setTimeout(r, backoff(n)));
    }
  };

export type RestClient = ReturnType<typeof restClient>;
