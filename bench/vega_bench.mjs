// Vega-Lite side of the chart benchmark: the same 8-bar chart as chart_bench.cc
// (chart_data.json), compiled once with vega-lite, then per iteration a new vega.View
// (renderer 'none', i.e. headless) with that iteration's figures, and view.toSVG(). One Node
// process; prints
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
  data: { name: 'table' },
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

// 165968 -> "165.968", as chart_bench.cc formats its value labels.
const dutchInteger = (v) => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

// The data of iteration i: the values scaled as in chart_bench.cc's SpecForIteration, so both
// benchmarks lay out a chart with new figures every time.
function valuesFor(i) {
  return data.categories.map((c, k) => {
    const v = Math.round(data.values[k] * (1 + 0.001 * (i % 500)));
    return { stadsdeel: c, inwoners: v, label: dutchInteger(v) };
  });
}

async function renderOnce(i) {
  const view = new vega.View(runtime, { renderer: 'none' }).data('table', valuesFor(i));
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

if (writeDir) {
  const svg = await renderOnce(0);
  writeFileSync(join(writeDir, 'vega.svg'), svg);
  const m = svg.match(/width="([\d.]+)" height="([\d.]+)"/);
  console.log(`SIZE renderer=vega-lite width=${m[1]} height=${m[2]}`);
} else {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += (await renderOnce(i)).length;
  sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += (await renderOnce(warmup + i)).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`RESULT renderer=vega-lite output=svg n=${n} seconds=${seconds.toFixed(6)} ` +
              `charts_per_second=${(n / seconds).toFixed(2)} bytes=${sink}`);
}
