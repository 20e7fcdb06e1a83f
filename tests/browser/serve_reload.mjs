#!/usr/bin/env node
// `jaarverslag serve` in real headless Chromium (Debian's, driven by playwright-core): starts the
// server on a free port with a copy of the example data, opens the home page, and then
//   reload   a corrected figure in a values CSV: the open tab reloads by itself and shows it
//   overlay  a broken JSON file: without reloading, the tab shows the error overlay naming the
//            file and line over the last good page
//   fixed    the file repaired: the tab reloads and the overlay is gone
//   stop     SIGTERM ends the server with exit code 0
//
//   node serve_reload.mjs <jaarverslag binary> <source dir> [--artifacts <dir>] [--chromium <path>]
//
// Prints one line per step and exits 1 on any failure (2 on wrong usage or a missing tool).
// Waits poll with generous limits: a build takes seconds, much longer on a loaded machine.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];
const LIMIT_MS = 300_000;

function usage(code, message) {
  if (message) console.error(`serve_reload: ${message}`);
  console.error('usage: node serve_reload.mjs <jaarverslag binary> <source dir> [--artifacts <dir>] ' +
    '[--chromium <path>]');
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { binary: null, source: null, artifacts: null,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--artifacts') opts.artifacts = argv[++i];
    else if (argv[i] === '--chromium') opts.chromium = argv[++i];
    else if (argv[i].startsWith('-')) usage(2, `unexpected argument: ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2) usage(2, 'expected <jaarverslag binary> <source dir>');
  [opts.binary, opts.source] = positional.map((p) => path.resolve(p));
  return opts;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `condition` (async; an exception, e.g. while the page navigates, counts as "not yet").
async function eventually(condition, limit = LIMIT_MS) {
  const end = Date.now() + limit;
  while (Date.now() < end) {
    try {
      if (await condition()) return true;
    } catch { /* the page is reloading */ }
    await sleep(200);
  }
  return false;
}

// Replaces the first `from` in a file; returns the old text.
function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
  return text;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    console.error("serve_reload: npm package 'playwright-core' is missing; run: sh .ci/setup");
    process.exit(2);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'jv-serve-reload-'));
  const data = path.join(work, 'data');
  cpSync(path.join(opts.source, 'data'), data, { recursive: true });

  let output = '';
  const server = spawn(opts.binary, ['serve', '--data', data, '--templates', path.join(opts.source, 'templates'),
    '--out', path.join(work, 'site'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let exitCode = null;
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => {
    exitCode = code ?? signal;
    resolve();
  }));
  server.stdout.on('data', (chunk) => { output += chunk; });
  server.stderr.on('data', (chunk) => { output += chunk; });

  const failures = [];
  const started = Date.now();
  const step = (name, ok, detail = '') => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name} (${seconds} s)${ok || !detail ? '' : `: ${detail}`}`);
    if (!ok) failures.push(name);
    return ok;
  };

  let browser = null;
  let page = null;
  try {
    let url = null;
    await eventually(async () => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      url = m && m[1];
      return url !== null || exitCode !== null;
    });
    if (!step('start', url !== null, output)) return;

    browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_FLAGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(url, { timeout: LIMIT_MS });
    const text = () => page.evaluate(() => document.body.innerText);
    if (!step('open', (await text()).includes('98,8%'), 'home page lacks 98,8%')) return;
    // A mark on the window: gone after a reload, kept while the page stays.
    const mark = () => page.evaluate(() => { window.jvMark = true; });
    const marked = () => page.evaluate(() => window.jvMark === true);
    await mark();

    edit(path.join(data, 'values/jaarverslag-2023.csv'), 'bereik-0-jarigen,amsterdam,2023,98.8,',
      'bereik-0-jarigen,amsterdam,2023,97.3,');
    const reloaded = await eventually(async () => !(await marked()) && (await text()).includes('97,3%'));
    step('reload', reloaded, output);

    await mark();
    const good = edit(path.join(data, 'indicators.json'), '"id": "bereik-0-jarigen",', '"id": "bereik-0-jarigen",,');
    const overlay = () => page.evaluate(() => document.getElementById('jv-live-overlay')?.innerText ?? null);
    const shown = await eventually(async () => (await overlay())?.includes('indicators.json:4:'));
    step('overlay', shown && (await marked()) && (await text()).includes('97,3%') &&
      (await overlay()).includes('Bouwen mislukt'), `overlay: ${await overlay().catch(() => '?')}\n${output}`);
    if (opts.artifacts) {
      mkdirSync(opts.artifacts, { recursive: true });
      await page.screenshot({ path: path.join(opts.artifacts, 'overlay.png') });
    }

    writeFileSync(path.join(data, 'indicators.json'), good);
    const fixed = await eventually(async () => !(await marked()) && (await overlay()) === null &&
      (await text()).includes('97,3%'));
    step('fixed', fixed, `overlay: ${await overlay().catch(() => '?')}\n${output}`);
  } catch (error) {
    step('run', false, String(error && error.stack || error));
  } finally {
    if (browser) await browser.close();
    if (exitCode === null) server.kill('SIGTERM');
    let timer;
    const stopped = await Promise.race([exited.then(() => true),
      new Promise((resolve) => { timer = setTimeout(() => resolve(false), 60_000); })]);
    clearTimeout(timer);
    step('stop', stopped && exitCode === 0, `exit: ${exitCode}\n${output}`);
    if (!stopped) server.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    console.log(failures.length === 0 ? 'serve_reload: all passed' : `serve_reload: ${failures.length} failed`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  }
}

await main();
