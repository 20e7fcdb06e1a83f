#!/usr/bin/env node
// Checks a built jaarverslag site the way readers meet it: in a real browser (Debian's Chromium,
// driven by playwright-core) and with the Nu HTML checker. Builds nothing itself.
//
//   node check_site.mjs <site dir> [--artifacts <dir>] [--chromium /usr/bin/chromium]
//
// For every .html page below <site dir>, served over HTTP on 127.0.0.1 under /jaarverslag/:
//   axe       zero axe-core violations for wcag2a, wcag2aa, wcag21a, wcag21aa
//   overflow  no horizontal scrolling at 375 px and 1280 px (screenshots of both in artefacts)
//   keyboard  Tab reaches every focusable element, each with a visible focus indicator
//   links     every href/src resolves to a served file, every #fragment exists on its target
//   file      opened from file://: stylesheets load, no broken internal links or resources
//   vnu       the Nu HTML checker (--errors-only) reports nothing
// Prints one line per problem (page and problem), a summary, and exits 1 on any failure
// (2 on wrong usage or a missing tool).

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const BASE = '/jaarverslag/';
const WIDTHS = [375, 1280];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

// ---------------------------------------------------------------------------------------------
// Arguments and dependencies

function parseArgs(argv) {
  const opts = { site: null, artifacts: null, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--artifacts') opts.artifacts = argv[++i];
    else if (a === '--chromium') opts.chromium = argv[++i];
    else if (a === '--help' || a === '-h') usage(0);
    else if (a.startsWith('-') || opts.site) usage(2, `unexpected argument: ${a}`);
    else opts.site = a;
  }
  if (!opts.site) usage(2, 'missing <site dir>');
  opts.site = path.resolve(opts.site);
  opts.artifacts = path.resolve(opts.artifacts || path.join(opts.site, '..', 'browser-artifacts'));
  return opts;
}

function usage(code, message) {
  if (message) console.error(`check_site: ${message}`);
  console.error('usage: node check_site.mjs <site dir> [--artifacts <dir>] [--chromium <path>]');
  process.exit(code);
}

function loadDependency(name) {
  try {
    return require(name);
  } catch {
    console.error(`check_site: npm package '${name}' is missing; run: sh .ci/setup ` +
      '(or npm ci --prefix tests/browser)');
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Results

const failures = []; // { page, check, message }
const checkCounts = {}; // check -> { passed, failed }
const checkMillis = {}; // check -> time spent, to see what makes the run slow

async function timed(check, fn) {
  const t = Date.now();
  try { return await fn(); } finally { checkMillis[check] = (checkMillis[check] || 0) + Date.now() - t; }
}

function record(check, page, problems) {
  const c = (checkCounts[check] ||= { passed: 0, failed: 0 });
  if (problems.length === 0) { c.passed++; return; }
  c.failed++;
  for (const message of problems) {
    failures.push({ page, check, message });
    console.log(`FAIL ${page} [${check}] ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Site files and the static server

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...await listFiles(path.join(dir, entry.name), rel + '/'));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.pdf': 'application/pdf', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json',
  '.otf': 'font/otf', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

/// Maps a URL path under BASE to a file of the site, as a static web server would; null if none.
/// A path ending in '/' serves that folder's index.html.
function resolveServed(siteDir, urlPath) {
  if (!urlPath.startsWith(BASE)) return null;
  let rel;
  try { rel = decodeURIComponent(urlPath.slice(BASE.length)); } catch { return null; }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(siteDir, rel);
  if (!file.startsWith(siteDir + path.sep)) return null;
  try {
    const st = statSync(file);
    if (st.isFile()) return file;
  } catch { /* not there */ }
  return null;
}

function startServer(siteDir) {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = resolveServed(siteDir, urlPath);
    if (!file) {
      // A folder without its slash: redirect, as common static servers do.
      const dir = urlPath.startsWith(BASE) && resolveServed(siteDir, urlPath + '/');
      if (dir) { res.writeHead(301, { Location: urlPath + '/' }); res.end(); return; }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// The Nu HTML checker, run beside the browser checks

function runVnu(siteDir, htmlFiles) {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  return new Promise((resolve) => {
    const args = ['-jar', jar, '--errors-only', '--format', 'json',
      ...htmlFiles.map((f) => path.join(siteDir, f))];
    let child;
    try {
      child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ error: `could not start java: ${e.message}` });
      return;
    }
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (e) => resolve({ error: `could not start java: ${e.message}` }));
    child.on('close', (code) => {
      const start = out.indexOf('{');
      try {
        resolve({ code, messages: JSON.parse(out.slice(start)).messages || [] });
      } catch {
        resolve({ error: `vnu exited ${code} with unreadable output: ${out.slice(0, 500)}` });
      }
    });
  });
}

function recordVnu(siteDir, htmlFiles, result) {
  if (result.error) { record('vnu', '(all pages)', [result.error]); return; }
  const byPage = new Map(htmlFiles.map((f) => [f, []]));
  for (const m of result.messages) {
    const rel = m.url ? path.relative(siteDir, fileURLToPath(m.url)) : '(unknown)';
    if (!byPage.has(rel)) byPage.set(rel, []);
    byPage.get(rel).push(`${m.type}${m.subType ? '/' + m.subType : ''} line ${m.lastLine ?? '?'}: ${m.message}`);
  }
  for (const [page, problems] of byPage) record('vnu', page, problems);
}

// ---------------------------------------------------------------------------------------------
// In-page helpers (run inside Chromium)

/// Marks every element a keyboard user should reach with data-jv-focus="<n>" and returns
/// their descriptions, in document order.
function markFocusables() {
  const selector = 'a[href], area[href], button, input, select, textarea, iframe, summary, ' +
    '[tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
  const describe = (el) => {
    const name = el.tagName.toLowerCase();
    const id = el.id ? `#${el.id}` : '';
    const href = el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${name}${id}${href}>${text ? ' "' + text + '"' : ''}`;
  };
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.matches('[tabindex^="-"]') || el.disabled || el.closest('[inert]')) continue;
    if (el.matches('summary') && el.parentElement?.tagName !== 'DETAILS') continue;
    if (el.matches('summary') && el.parentElement.querySelector(':scope > summary') !== el) continue;
    // Rendered and not hidden: what the browser would put in the sequential focus order.
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    el.setAttribute('data-jv-focus', String(out.length));
    out.push(describe(el));
  }
  return out;
}

/// Describes document.activeElement and whether it shows a focus indicator.
function describeActive() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 &&
    cs.outlineColor !== 'transparent' && cs.outlineColor !== 'rgba(0, 0, 0, 0)';
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const name = el.tagName.toLowerCase();
  const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return {
    index: el.getAttribute('data-jv-focus'),
    label: `<${name}${el.id ? '#' + el.id : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}>${text ? ' "' + text + '"' : ''}`,
    indicator: Boolean(outline || shadow),
  };
}

/// Every URL the page refers to (href, src, srcset, SVG links), resolved by the browser,
/// with the element it came from; and every id or anchor name on the page.
function collectRefs() {
  const refs = [];
  const add = (el, raw, resolved) => refs.push({ tag: el.tagName.toLowerCase(), raw, url: resolved });
  for (const el of document.querySelectorAll('[href], [src], [srcset], [*|href]')) {
    for (const attr of ['href', 'src']) {
      const raw = el.getAttribute(attr);
      if (raw === null) continue;
      add(el, raw, new URL(raw, document.baseURI).href);
    }
    const xlink = el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (xlink !== null) add(el, xlink, new URL(xlink, document.baseURI).href);
    const srcset = el.getAttribute('srcset');
    if (srcset) {
      for (const part of srcset.split(',')) {
        const raw = part.trim().split(/\s+/)[0];
        if (raw) add(el, raw, new URL(raw, document.baseURI).href);
      }
    }
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
  return { refs, ids: [...ids, ...names] };
}

// ---------------------------------------------------------------------------------------------
// Per-page checks

async function checkAxe(page, rel, axeSource) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : ''}`),
    }));
  }, AXE_TAGS);
  record('axe', rel, result.map((v) =>
    `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s): ${v.nodes.slice(0, 5).join(' | ')}` +
    (v.nodes.length > 5 ? ` | … ${v.nodes.length - 5} more` : '')));
}

async function checkOverflow(page, rel, artifacts) {
  const problems = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const m = await page.evaluate(() => {
      const d = document.documentElement;
      // The widest elements sticking out on the right, to say what causes the overflow.
      const culprits = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > d.clientWidth + 0.5 && r.width > 0) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(r.right)})`);
        }
      }
      // Text can stick out of its box (a long word that cannot wrap).
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n && culprits.length < 8; n = walker.nextNode()) {
        if (!n.textContent.trim()) continue;
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.right > d.clientWidth + 0.5) {
          culprits.push(`text "${n.textContent.trim().slice(0, 30)}" in <${n.parentElement.tagName.toLowerCase()}> (right ${Math.round(r.right)})`);
        }
      }
      return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, culprits: culprits.slice(0, 4) };
    });
    if (m.scrollWidth > m.clientWidth) {
      problems.push(`scrolls horizontally at ${width} px: scrollWidth ${m.scrollWidth} > clientWidth ` +
        `${m.clientWidth}; sticking out: ${m.culprits.join(', ') || '?'}`);
    }
    const shot = path.join(artifacts, 'screenshots', `${rel.replace(/\.html$/, '').replace(/\//g, '__')}-${width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
  }
  record('overflow', rel, problems);
}

async function checkKeyboard(page, rel) {
  const expected = await page.evaluate(markFocusables);
  // Start from the top of the document with nothing focused.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const reached = new Set();
  const problems = [];
  const noIndicator = [];
  const limit = expected.length * 2 + 10;
  let first = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const active = await page.evaluate(describeActive);
    if (!active) { if (reached.size > 0 || i > 0) break; else continue; }
    const key = active.index ?? active.label;
    if (first === null) first = key;
    else if (key === first) break; // wrapped around
    if (reached.has(key)) continue;
    reached.add(key);
    if (!active.indicator) noIndicator.push(active.label);
  }
  const missed = expected.filter((_, i) => !reached.has(String(i)));
  if (missed.length) {
    problems.push(`Tab does not reach ${missed.length} of ${expected.length} focusable element(s): ` +
      missed.slice(0, 6).join(', ') + (missed.length > 6 ? ', …' : ''));
  }
  if (noIndicator.length) {
    problems.push(`no visible focus indicator (outline or box-shadow) on ${noIndicator.length} element(s): ` +
      noIndicator.slice(0, 6).join(', ') + (noIndicator.length > 6 ? ', …' : ''));
  }
  record('keyboard', rel, problems);
  return expected.length;
}

/// Checks references of one page against the site's files. `mode` is 'http' (served under BASE)
/// or 'file' (opened from disk: a folder link does not open its index.html there).
function checkRefs(rel, refs, siteDir, origin, pageIds, mode) {
  const problems = [];
  const fragmentChecks = [];
  for (const r of refs) {
    const u = new URL(r.url);
    let file = null;
    if (mode === 'http') {
      if (u.origin !== origin) continue; // external: not ours to check
      if (!u.pathname.startsWith(BASE)) {
        problems.push(`<${r.tag}> "${r.raw}" leaves the sub-path ${BASE} (${u.pathname})`);
        continue;
      }
      file = resolveServed(siteDir, u.pathname);
    } else {
      if (u.protocol !== 'file:') continue;
      const p = decodeURIComponent(u.pathname);
      if (!p.startsWith(siteDir + '/')) {
        problems.push(`<${r.tag}> "${r.raw}" points outside the site folder (${p})`);
        continue;
      }
      try { if (statSync(p).isFile()) file = p; } catch { /* missing */ }
    }
    if (!file) {
      problems.push(`<${r.tag}> "${r.raw}" does not resolve to a file` +
        (mode === 'file' && u.pathname.endsWith('/') ? ' (a folder link does not open index.html from file://)' : ''));
      continue;
    }
    const fragment = decodeURIComponent(u.hash.slice(1));
    if (fragment && fragment !== 'top' && file.endsWith('.html')) {
      fragmentChecks.push({ r, target: path.relative(siteDir, file), fragment });
    }
  }
  for (const { r, target, fragment } of fragmentChecks) {
    const ids = pageIds.get(target);
    if (ids && !ids.has(fragment)) {
      problems.push(`<${r.tag}> "${r.raw}": no element with id "${fragment}" on ${target}`);
    }
  }
  return problems;
}

async function checkFilePage(context, rel, siteDir, pageIds) {
  const page = await context.newPage();
  const failed = [];
  page.on('requestfailed', (req) => failed.push(`${req.url()} (${req.failure()?.errorText})`));
  const problems = [];
  try {
    const url = pathToFileURL(path.join(siteDir, rel)).href;
    await page.goto(url, { waitUntil: 'load' });
    const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel~="stylesheet"]')]
      .map((l) => ({ href: l.getAttribute('href'), loaded: l.sheet !== null })));
    if (sheets.length === 0) problems.push('no stylesheet linked');
    for (const s of sheets) if (!s.loaded) problems.push(`stylesheet "${s.href}" does not load from file://`);
    const { refs } = await page.evaluate(collectRefs);
    problems.push(...checkRefs(rel, refs, siteDir, null, pageIds, 'file'));
    for (const f of failed) problems.push(`request failed from file://: ${f}`);
  } finally {
    await page.close();
  }
  record('file', rel, problems);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.site) || !statSync(opts.site).isDirectory()) usage(2, `no site folder at ${opts.site}`);
  if (!existsSync(opts.chromium)) {
    console.error(`check_site: no Chromium at ${opts.chromium}; run: sh .ci/setup (Debian package chromium)`);
    process.exit(2);
  }
  const { chromium } = loadDependency('playwright-core');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  loadDependency('vnu-jar/package.json');

  const files = await listFiles(opts.site);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  if (htmlFiles.length === 0) usage(2, `no .html pages below ${opts.site}`);
  await mkdir(path.join(opts.artifacts, 'screenshots'), { recursive: true });
  console.log(`checking ${htmlFiles.length} pages of ${opts.site}`);

  const vnuStart = Date.now();
  // Runs in Java while Chromium works.
  const vnu = runVnu(opts.site, htmlFiles).then((r) => { checkMillis.vnu = Date.now() - vnuStart; return r; });
  const server = await startServer(opts.site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  // playwright-core starts Chromium with a fresh, temporary --user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_FLAGS, headless: true });
  const pageIds = new Map();
  const pageRefs = new Map();
  let focusables = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    for (const rel of htmlFiles) {
      const page = await context.newPage();
      const failedRequests = [];
      page.on('requestfailed', (req) => {
        // A 404 is reported by its response already; Chromium then also aborts the request.
        if (!failedRequests.some((f) => f.startsWith(req.url() + ' '))) failedRequests.push(`${req.url()} (${req.failure()?.errorText})`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400 && res.url().startsWith(origin)) failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
      });
      const response = await page.goto(origin + BASE + rel, { waitUntil: 'load' });
      if (!response || !response.ok()) record('load', rel, [`HTTP ${response?.status()}`]);
      else record('load', rel, failedRequests.map((f) => `resource failed to load: ${f}`));
      const { refs, ids } = await page.evaluate(collectRefs);
      pageIds.set(rel, new Set(ids));
      pageRefs.set(rel, refs);
      await timed('axe', () => checkAxe(page, rel, axeSource));
      await timed('overflow', () => checkOverflow(page, rel, opts.artifacts));
      await page.setViewportSize({ width: 1280, height: 900 });
      focusables += await timed('keyboard', () => checkKeyboard(page, rel));
      await page.close();
    }
    await context.close();
    // Links need every page's ids, so they are checked once all pages were visited.
    for (const rel of htmlFiles) record('links', rel, checkRefs(rel, pageRefs.get(rel), opts.site, origin, pageIds, 'http'));
    const fileContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const rel of htmlFiles) await timed('file', () => checkFilePage(fileContext, rel, opts.site, pageIds));
    await fileContext.close();
  } finally {
    await browser.close();
    server.close();
  }
  recordVnu(opts.site, htmlFiles, await vnu);

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  let passed = 0; let failedCount = 0;
  console.log('\nsummary');
  for (const [check, c] of Object.entries(checkCounts)) {
    passed += c.passed; failedCount += c.failed;
    const ms = checkMillis[check] !== undefined ? ` (${(checkMillis[check] / 1000).toFixed(1)} s)` : '';
    console.log(`  ${check.padEnd(9)} ${String(c.passed).padStart(3)} pages passed, ${c.failed} failed${ms}`);
  }
  console.log(`${htmlFiles.length} pages, ${focusables} focusable elements, ` +
    `${Object.keys(checkCounts).length} checks per page, ${failures.length} problems, ${seconds} s; ` +
    `screenshots in ${path.join(opts.artifacts, 'screenshots')}`);
  await writeFile(path.join(opts.artifacts, 'report.json'), JSON.stringify({ pages: htmlFiles, checkCounts, failures }, null, 2));
  console.log(`${passed} passed, ${failedCount} failed`);
  process.exit(failedCount === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`check_site: ${e.stack || e}`);
  process.exit(2);
});
