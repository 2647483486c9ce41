// The printed table: section, metric, median, spread (interquartile range), target, verdict.

/** A figure with its unit, as the tables show it. */
export const num = (v, unit) => {
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'B') return `${Math.round(v).toLocaleString('en-US')} B`;
  if (unit === 'KB') return `${Math.round(v)} KB`;
  if (unit === 'MB') return `${v.toFixed(2)} MB`;
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === 'ms') return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
  if (unit === '%') return `${v.toFixed(1)} %`;
  return `${Math.round(v * 100) / 100}${unit ? ` ${unit}` : ''}`;
};

/** The interquartile range of repeated measurements (`p25–p75 unit`), or '' for one measurement. */
export const spread = (s, unit) =>
  s.n > 1 && Number.isFinite(s.p25) ? `${num(s.p25, unit).replace(/ \S+$/, '')}–${num(s.p75, unit)}` : '';

/** One row per measured figure; returns the text. */
export function table(sections) {
  const head = ['section', 'metric', 'median', 'spread (IQR)', 'n', 'target', 'verdict'];
  const lines = [];
  for (const {name, rows} of sections)
    for (const r of rows)
      lines.push([
        name,
        r.metric,
        num(r.value.median, r.unit),
        spread(r.value, r.unit),
        String(r.value.n ?? ''),
        r.target || '',
        r.pass === true ? 'PASS' : r.pass === false ? 'MISS' : '—',
      ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l) => '| ' + l.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  const out = [fmt(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(fmt)];
  return out.join('\n');
}

/** The notes under the table, one line per row that has one. */
export function notes(sections) {
  const out = [];
  for (const {name, rows} of sections) for (const r of rows) if (r.note) out.push(`- ${name} / ${r.metric}: ${r.note}`);
  return out.join('\n');
}
