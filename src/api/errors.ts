// The one error type of the REST layer. Every failure of a call (an HTTP error status, an answer
// of the wrong shape, a network failure, a timeout, the caller's own abort, a missing inbox
// identifier) becomes an ApiError, so callers switch on its fields instead of on error messages.

/** Why a call failed. */
export type ApiErrorReason =
  /** The server answered with a non-2xx status. */
  | 'http'
  /** The answer had the wrong shape (or was not JSON where JSON was needed). */
  | 'bad-response'
  /** No answer: the network failed. */
  | 'network'
  /** No answer within the client's timeout. */
  | 'timeout'
  /** The caller aborted the call through its AbortSignal. */
  | 'aborted'
  /** The client cannot make calls at all (no inbox identifier). */
  | 'config';

/** Failures that may pass if the same call is made again later. */
const RETRYABLE_STATUS = (status: number) => status == 429 || status >= 500;

/** What the client was asked to do when the call failed. */
export interface ApiRequest {
  readonly method: string;
  /** The full URL ('' when no request could be built). */
  readonly url: string;
}

/**
 * A failed REST call. `status` is the HTTP status, 0 when no HTTP answer came. `body` is the
 * answer's body (parsed JSON, else its text); for failures without an answer it is the reason
 * ('aborted', 'config', …), so that a body can always be logged. `retryable` says whether making
 * the same call later may succeed (network errors, timeouts, 429 and 5xx).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly retryable: boolean;

  constructor(
    message: string,
    readonly reason: ApiErrorReason,
    readonly request: ApiRequest,
    readonly status = 0,
    readonly body: unknown = reason
  ) {
    super(message);
    this.retryable = reason == 'network' || reason == 'timeout' || (reason == 'http' && RETRYABLE_STATUS(status));
  }

  /** The caller cancelled the call: nothing to report. */
  get aborted(): boolean {
    return this.reason == 'aborted';
  }

  /** The server answered that the resource does not exist. */
  get notFound(): boolean {
    return this.status == 404;
  }
}

/** Whether `error` is an ApiError the caller caused by aborting (nothing to report). */
export const isAbort = (error: unknown): boolean => error instanceof ApiError && error.aborted;
