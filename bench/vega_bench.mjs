// Vega-Lite side of the chart benchmark: the same 8-bar chart as chart_bench.cc
// (chart_data.json), compiled once with vega-lite, then per iteration a new vega.View
// (renderer 'none', i.e. headless) and view.toSVG(). One Node process; prints
//   RESULT renderer=vega-lite output=svg n=N seconds=S charts_per_second=R bytes=B
// Usage: node vega_bench.mjs [--n N] [--warmup W] [--height H] [--write DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const n = Number(opt('--n', 100));
const warmup = Number(opt('--warmup', 5));
const height = Number(opt('--height', 400));
const writeDir = opt('--write', '');
const data = JSON.parse(readFileSync(opt('--data', join(here, 'chart_data.json')), 'utf8'));

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: data.description,
  title: { text: data.title, anchor: 'start', fontSize: 18, fontWeight: 'bold' },
  width: data.width,
  height,
  autosize: { type: 'fit', contains: 'padding' },  // the whole SVG is width x height
  padding: 16,
  data: {
    values: data.categories.map((c, i) => ({ stadsdeel: c, inwoners: data.values[i], label: data.labels[i] })),
  },
  encoding: {
    x: { field: 'stadsdeel', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0 } },
    y: { field: 'inwoners', type: 'quantitative', title: null, axis: { format: ',d' } },
  },
  layer: [
    { mark: { type: 'bar', color: '#0072b2' } },
    // The value labels come pre-formatted, as they do for jaarverslag.
    { mark: { type: 'text', dy: -6, baseline: 'bottom' }, encoding: { text: { field: 'label' } } },
  ],
  config: {
    font: 'Inter',
    axis: { labelFontSize: 13 },
    axisX: { grid: false },
    axisY: { grid: true },
    text: { fontSize: 13 },
    view: { stroke: null },
    // Dutch number formatting for the axis ticks: 150.000
    locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] } },
  },
};

const compiled = vl.compile(spec).spec;  // once
const runtime = vega.parse(compiled);    // once

async function renderOnce() {
  const view = new vega.View(runtime, { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

if (writeDir) {
  const svg = await renderOnce();
  writeFileSync(join(writeDir, 'vega.svg'), svg);
  const m = svg.match(/width="([\d.]+)" height="([\d.]+)"/);
  console.log(`SIZE renderer=vega-lite width=${m[1]} height=${m[2]}`);
} else {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += (await renderOnce()).length;
  sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += (await renderOnce()).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`RESULT renderer=vega-lite output=svg n=${n} seconds=${seconds.toFixed(6)} ` +
              `charts_per_second=${(n / seconds).toFixed(2)} bytes=${sink}`);
}
