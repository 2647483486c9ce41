import {BACKOFF_BASE_MS, BACKOFF_CAP_MS} from './constants.js';

/**
 * Delay before retry number `attempt` (0-based): exponential with full jitter,
 * `random() * min(cap, base * 2^attempt)`, floored at `base` so a dead server is never hammered.
 */
export const backoff = (attempt: number, random: () => number = Math.random): number =>
  Math.max(BACKOFF_BASE_MS, random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
