// Repeat counts and durations, from the environment. BENCH_QUICK=1 is a short smoke run for
// development (about two minutes); the full run keeps to about ten minutes on two cores.
const env = process.env;
export const QUICK = env.BENCH_QUICK === '1';

/** A positive number from BENCH_<NAME>, else the quick or full default. */
export function setting(name, full, quick) {
  const v = Number(env[`BENCH_${name}`]);
  return Number.isFinite(v) && v > 0 ? v : QUICK ? quick : full;
}

/** BENCH_ONLY=size,latency runs only those sections. */
export const only = (env.BENCH_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `every` ms until truthy; throws `what` after `ms`. */
export async function until(check, what, ms = 15000, every = 20) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(every);
  }
}
