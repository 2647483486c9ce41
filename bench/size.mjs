// 1. Size: gzip bytes of each moment of contract §8 (what a page downloads for the widget at
// that moment, every file summed, as `npm run build` checks them), the floor (Lit +
// reconnecting-websocket alone, through the same rollup plugins) beside the page start, and the
// published start-up JavaScript of other widgets.
import {gzipSize} from './lib/build.mjs';

const MAX_RATIO = 2.3;
/** Gzipped JavaScript loaded at start, as published (KB). */
const OTHERS = [
  ['Chatwoot', 346],
  ['Intercom', 344],
  ['Crisp', 90],
];

export default async function size({bundle, floor, source, moments}) {
  const base = gzipSize(floor);
  const exact = (v) => ({median: v, p25: v, p75: v, n: 1});
  // Without moments (a bundle given by BENCH_BUNDLE), only the script itself is known.
  const shown = moments ?? [{name: 'akece-chat.js alone', budget: null, gzip: gzipSize(bundle), files: 1}];
  const start = shown[0].gzip;
  const ratio = start / base;
  const rows = [
    ...shown
      .filter((moment) => !moment.name.startsWith('on demand: src/i18n/locales/'))
      .map((moment) => ({
        metric: `${moment.name} (gzip)`,
        value: exact(moment.gzip),
        unit: 'B',
        target: moment.budget ? `≤ ${moment.budget} B` : '',
        pass: moment.budget ? moment.gzip <= moment.budget : null,
        note: `${moment.files} files; built from ${source}`,
      })),
    {metric: 'floor: Lit + reconnecting-websocket', value: exact(base), unit: 'B', target: '', pass: null, note: `${floor.length} B minified`},
    {metric: 'page start ÷ floor', value: exact(ratio), unit: '×', target: `≤ ${MAX_RATIO}×`, pass: ratio <= MAX_RATIO, note: `the page start holds Lit but not reconnecting-websocket`},
    ...OTHERS.map(([name, kb]) => ({
      metric: `${name} widget JS at start (published)`,
      value: exact(kb),
      unit: 'KB',
      target: '',
      pass: null,
      note: `${((kb * 1024) / start).toFixed(0)}× our page start`,
    })),
  ];
  // The 23 catalogues are one row: the largest against the budget every one has.
  const catalogues = shown.filter((moment) => moment.name.startsWith('on demand: src/i18n/locales/'));
  if (catalogues.length) {
    const largest = catalogues.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    const smallest = catalogues.reduce((a, b) => (b.gzip < a.gzip ? b : a));
    rows.splice(shown.length - catalogues.length, 0, {
      metric: `each catalogue, ${catalogues.length} languages (gzip)`,
      value: exact(largest.gzip),
      unit: 'B',
      target: `≤ ${largest.budget} B`,
      pass: largest.gzip <= largest.budget,
      note: `the largest (${largest.name.replace(/.*\//, '')}); the smallest ${smallest.gzip} B`,
    });
  }
  return {rows, data: {moments: shown, floorBytes: floor.length, floorGzip: base, ratio, source, others: Object.fromEntries(OTHERS)}};
}
