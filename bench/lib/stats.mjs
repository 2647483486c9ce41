// Small statistics for the benchmarks: every figure is a median of repeated runs with its
// spread (the interquartile range), and latencies are read as percentiles.

/** Linear-interpolated quantile of `values` (0 ≤ q ≤ 1); NaN for an empty list. */
export function quantile(values, q) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const percentile = (values, p) => quantile(values, p / 100);

/** `{median, p25, p75, min, max, n}` of repeated measurements. */
export function summary(values) {
  const v = values.filter(Number.isFinite);
  return {
    median: median(v),
    p25: quantile(v, 0.25),
    p75: quantile(v, 0.75),
    min: v.length ? Math.min(...v) : NaN,
    max: v.length ? Math.max(...v) : NaN,
    n: v.length,
  };
}

/** Largest number of `times` (ms) that fall in any window of `width` ms. */
export function densestWindow(times, width) {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= width) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Counts per `width`-ms bin from 0 to the last time. */
export function histogram(times, width) {
  const bins = [];
  for (const t of times) {
    const i = Math.max(0, Math.floor(t / width));
    while (bins.length <= i) bins.push(0);
    bins[i]++;
  }
  return bins;
}
