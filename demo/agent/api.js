// The agent API (`/agent/api/…`, see demo/server/README.md) as the console calls it.

export class ApiError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export class AgentApi {
  /** @param {string} base the agent API's URL, `/agent/api` on the server's own pages */
  constructor(base) {
    this.base = base.replace(/\/$/, '');
  }

  /**
   * A JSON request (or multipart, when `body` is FormData); rejects with the server's message.
   * @param {string} path @param {{method?: string, body?: unknown}} [init]
   */
  async request(path, {method = 'GET', body} = {}) {
    const form = body instanceof FormData;
    const response = await fetch(this.base + path, {
      method,
      headers: body === undefined || form ? {} : {'content-type': 'application/json'},
      body: body === undefined ? undefined : form ? /** @type {FormData} */ (body) : JSON.stringify(body),
    });
    const json = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(json?.message ?? json?.error ?? `HTTP ${response.status}`, response.status);
    return json;
  }

  /** The live stream of everything that happens in the inbox. */
  events() {
    return new EventSource(`${this.base}/events`);
  }
}
