/** The request an {@link ApiError} came from. */
export interface ApiRequest {
  readonly method: string;
  readonly url: string;
}

/**
 * A failed REST call: a non-2xx answer, a body of the wrong shape, a network error or a
 * timeout. `status` is 0 when no HTTP answer came. `retryable` says whether trying again
 * later may help (network errors, timeouts, 429, 5xx). A caller's own abort is not retryable and
 * has the body `'aborted'`.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
    readonly request: ApiRequest,
    readonly retryable = !status || status == 429 || status >= 500
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
