// Shared by the cable's reconnects, the REST client's GET retries and the session's contact retries.

/** No retry comes sooner than this: it keeps a dead server from being hammered. */
const FLOOR_MS = 500;
/** The first retry spreads over [FLOOR_MS, FIRST_CEILING_MS]: a whole second. */
const FIRST_CEILING_MS = 1_500;
/** The ceiling doubles from this with every attempt… */
const BASE_MS = 1_000;
/** …up to this. */
const CAP_MS = 30_000;

/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter, uniform in
 * [0.5 s, min(30 s, max(1.5 s, 1 s * 2^attempt))]. The jitter starts at the first retry and
 * spreads it over a whole second, so clients that lost the same server come back a tenth at a
 * time in any 100 ms; later retries double.
 */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, Math.max(FIRST_CEILING_MS, BASE_MS * 2 ** attempt));
  return FLOOR_MS + random() * (ceiling - FLOOR_MS);
}
