#!/usr/bin/env node
/**
 * `npm test`: the Node tests (engine and adapters headless, package entry points) and the
 * browser tests (headless Chromium), then one closing line `N passed, N failed`.
 * The browser is `CHROME_PATH`, else the first Chrome or Chromium found; on a machine
 * without one it is installed (root on Debian/Ubuntu) or the run stops with one line saying
 * what to install (scripts/find-browser.mjs). The host-app matrix (test/hosts) is not part of
 * `npm test`: run it with `npm run test:hosts`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

// Before anything runs: every runner below reads CHROME_PATH.
process.env.CHROME_PATH = findBrowser({ install: true });

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

const args = process.argv.slice(2);
const only = args.includes('--node')
  ? 'node'
  : args.includes('--browser')
    ? 'browser'
    : args.includes('--stories')
      ? 'stories'
      : 'all';

let passed = 0;
let failed = 0;
let skipped = 0;

/**
 * Tests live by module (test/<module>/...); the file name picks the runner: `*.browser.test.ts`
 * runs in Chromium (web-test-runner.config.mjs), any other `*.test.ts` in Node. The host-app
 * matrix (test/hosts) and the visual references (test/visual) have runners of their own.
 */
function nodeTestFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => String(f).split('\\').join('/'))
    .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts'))
    .filter((f) => !f.startsWith('hosts/') && !f.startsWith('visual/') && !f.includes('node_modules/'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

if (only === 'all' || only === 'node') {
  const files = nodeTestFiles('test');
  if (files.length) {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/node-summary-reporter.mjs',
        '--test-reporter-destination=.test-results/node.json',
        ...files,
      ],
      { stdio: 'inherit' },
    );
    const res = existsSync('.test-results/node.json')
      ? JSON.parse(readFileSync('.test-results/node.json', 'utf8'))
      : null;
    if (res) {
      passed += res.passed;
      failed += res.failed;
      skipped += res.skipped;
    }
    if (r.status !== 0 && (!res || res.failed === 0)) failed++;
  }
}

if (only === 'all' || only === 'browser') {
  const r = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { stdio: 'inherit' });
  const res = existsSync('.test-results/browser.json')
    ? JSON.parse(readFileSync('.test-results/browser.json', 'utf8'))
    : null;
  if (res) {
    passed += res.passed;
    failed += res.failed;
    skipped += res.skipped;
  }
  if (r.status !== 0 && (!res || res.failed === 0)) failed++;
}

// Every story rendered in Chromium with axe checks and no console errors (vitest + addon-vitest).
if (only === 'all' || only === 'stories') {
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.config.ts'], {
    stdio: 'inherit',
  });
  const file = '.test-results/stories-vitest.json';
  const res = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (res) {
    passed += res.numPassedTests;
    failed += res.numFailedTests;
    skipped += res.numPendingTests + res.numTodoTests;
  }
  if (r.status !== 0 && (!res || res.numFailedTests === 0)) failed++;
}

writeFileSync('.test-results/summary.json', JSON.stringify({ passed, failed, skipped }));
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
