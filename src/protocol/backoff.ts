/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter,
 * `random() * min(30 s, 0.5 s * 2^attempt)`, floored at 0.5 s so a dead server is never hammered.
 */
export const backoff = (attempt: number, random: () => number = Math.random): number =>
  Math.max(500, random() * Math.min(3e4, 500 * 2 ** attempt));
