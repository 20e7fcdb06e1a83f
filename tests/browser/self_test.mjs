#!/usr/bin/env node
// Proves that check_site.mjs finds what it is meant to find: runs it over fixtures/broken-site
// (a tiny site broken on purpose, one fault per check) and expects every fault to be named.
//
//   node self_test.mjs [--artifacts <dir>]

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, [path.join(here, 'check_site.mjs'), path.join(here, 'fixtures/broken-site'), ...args],
  { encoding: 'utf8', timeout: 240000 });
const out = `${run.stdout}${run.stderr}`;

const expected = [
  ['exit code 1', run.status === 1],
  ['axe: contrast', /index\.html \[axe\] color-contrast/.test(out)],
  ['overflow at 375 px', /index\.html \[overflow\] scrolls horizontally at 375 px/.test(out)],
  ['keyboard: no focus indicator', /index\.html \[keyboard\] no visible focus indicator/.test(out)],
  ['links: missing page', /index\.html \[links\] <a> "missing\.html" does not resolve/.test(out)],
  ['links: missing anchor', /index\.html \[links\] .*no element with id "nowhere" on other\.html/.test(out)],
  ['links: leaves the sub-path', /index\.html \[links\] .*leaves the sub-path/.test(out)],
  ['load: missing stylesheet', /other\.html \[load\] resource failed to load: .*missing-style\.css/.test(out)],
  ['file: folder link', /other\.html \[file\] <a> "sub\/" does not resolve to a file/.test(out)],
  ['vnu: duplicate id', /index\.html \[vnu\] error .*Duplicate ID/.test(out)],
  ['no false alarm on the good page', !/sub\/index\.html \[(axe|overflow|links|file|vnu|load)\]/.test(out)],
];
let failed = 0;
for (const [name, ok] of expected) {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}
if (failed) console.log(`\n--- check_site.mjs output (exit ${run.status}) ---\n${out}`);
console.log(`${expected.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
