// Sends of form data (a message with files) that report their upload progress. fetch says
// nothing while a request body leaves the browser; XMLHttpRequest does (`upload.onprogress`).
// An on-demand module: the panel loads it with the first message that has files and installs
// its sender into RestClient (RestClient.sendForm), which otherwise keeps using fetch.
import {RestClient} from './client.js';

/** Hears one message's uploads: the first attempt and every retry of it. */
export interface UploadListener {
  /** `sent` of `total` bytes of the request have left the browser. */
  progress(sent: number, total: number): void;
  /** The attempt ended: answered with a 2xx status (`ok`), else failed. */
  finished(ok: boolean): void;
}

/** Listeners by file: a retried message sends the same File objects again. */
const listeners = new WeakMap<File, UploadListener>();

/** An upload that sends nothing for this long has stalled: it fails (and may be retried). */
const STALL_MS = 30_000;

/** Statuses whose Response must have no body. */
const BODILESS = [101, 204, 205, 304];

/** Reports the uploads of form data carrying these files to `listener`, from now on. */
export function watchUpload(files: readonly File[], listener: UploadListener): void {
  RestClient.sendForm ??= sendForm;
  for (const file of files) listeners.set(file, listener);
}

/** The listener of the first watched file in `body`, if any. */
function listenerOf(body: RequestInit['body']): UploadListener | undefined {
  if (!(body instanceof FormData)) return undefined;
  for (const value of body.values()) {
    // Not `instanceof File`: a file may come from another realm (a frame's, a test's).
    const listener = typeof value == 'string' ? undefined : listeners.get(value);
    if (listener) return listener;
  }
  return undefined;
}

/**
 * One request as fetch would make it (method, body, signal; the browser sets the multipart
 * Content-Type), over XMLHttpRequest. Resolves with a Response of the answer's status and text;
 * rejects with a TypeError on a network failure and an AbortError when the signal aborts, as
 * fetch does. An upload that stalls for 30 s fails as a network failure (RestClient gives a
 * message with files minutes in all, so that a slow line that still moves is not cut off).
 */
export function sendForm(url: string, init: RequestInit): Promise<Response> {
  const listener = listenerOf(init.body);
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    let stalled = false;
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    const watchStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        request.abort();
      }, STALL_MS);
    };
    const settle = (ok: boolean) => {
      clearTimeout(stallTimer);
      signal?.removeEventListener('abort', abort);
      listener?.finished(ok);
    };
    request.open(init.method ?? 'POST', url);
    request.upload.onprogress = (event) => {
      watchStall();
      listener?.progress(event.loaded, event.total);
    };
    // Once the body has gone, the answer is the server's to give: RestClient's timeout applies.
    request.upload.onload = () => clearTimeout(stallTimer);
    request.onload = () => {
      const {status, statusText, responseText} = request;
      settle(status >= 200 && status < 300);
      resolve(new Response(BODILESS.includes(status) ? null : responseText, {status, statusText}));
    };
    request.onerror = request.ontimeout = () => {
      settle(false);
      reject(new TypeError('Network error'));
    };
    const aborted = () => {
      settle(false);
      reject(stalled ? new TypeError('Upload stalled') : new DOMException('Aborted', 'AbortError'));
    };
    request.onabort = aborted;
    if (signal?.aborted) {
      aborted();
      return;
    }
    signal?.addEventListener('abort', abort);
    watchStall();
    request.send(init.body as XMLHttpRequestBodyInit);
  });
}
