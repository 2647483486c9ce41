// 1. Size: min+gzip bytes of the script-tag bundle beside the floor (Lit + reconnecting-websocket
// alone, through the same rollup plugins), and the published start-up JavaScript of other widgets.
import {gzipSize} from './lib/build.mjs';

const BUDGET = 20480;
const MAX_RATIO = 2.3;
/** Gzipped JavaScript loaded at start, as published (KB). */
const OTHERS = [
  ['Chatwoot', 346],
  ['Intercom', 344],
  ['Crisp', 90],
];

export default async function size({bundle, floor, source}) {
  const ours = gzipSize(bundle);
  const base = gzipSize(floor);
  const ratio = ours / base;
  const exact = (v) => ({median: v, p25: v, p75: v, n: 1});
  const rows = [
    {metric: 'akece-chat.js min+gzip', value: exact(ours), unit: 'B', target: `≤ ${BUDGET} B`, pass: ours <= BUDGET, note: `${bundle.length} B minified; built from ${source}`},
    {metric: 'floor: Lit + reconnecting-websocket', value: exact(base), unit: 'B', target: '', pass: null, note: `${floor.length} B minified`},
    {metric: 'ratio to the floor', value: exact(ratio), unit: '×', target: `≤ ${MAX_RATIO}×`, pass: ratio <= MAX_RATIO, note: `our own code: ${ours - base} B`},
    ...OTHERS.map(([name, kb]) => ({
      metric: `${name} widget JS at start (published)`,
      value: exact(kb),
      unit: 'KB',
      target: '',
      pass: null,
      note: `${((kb * 1024) / ours).toFixed(0)}× ours`,
    })),
  ];
  return {rows, data: {bytes: bundle.length, gzip: ours, floorBytes: floor.length, floorGzip: base, ratio, budget: BUDGET, source, others: Object.fromEntries(OTHERS)}};
}
