import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const script = join(root, 'scripts/find-browser.mjs');

/** Runs a script with an empty PATH (node is started by its full path) and no usual browser paths. */
function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: '/nonexistent', PROMO_KPI_BROWSER_PATHS: '', ...env },
  });
}

test('no browser anywhere: one line saying what to install, exit 1, no stack trace', () => {
  const r = run([script, '--no-install'], {});
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /No Chrome or Chromium found: install Chromium .*apt-get install chromium.* CHROME_PATH/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('CHROME_PATH wins, and a wrong one stops at once with one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
  try {
    const fake = join(dir, 'my-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const ok = run([script, '--no-install'], { CHROME_PATH: fake });
    assert.equal(ok.status, 0);
    assert.equal(ok.stdout.trim(), fake);
    const bad = run([script, '--no-install'], { CHROME_PATH: join(dir, 'missing') });
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.match(bad.stderr, /CHROME_PATH=.*missing is not an executable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the usual paths, then the names on PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
  try {
    const onPath = join(dir, 'chromium');
    writeFileSync(onPath, '#!/bin/sh\n');
    chmodSync(onPath, 0o755);
    const usual = join(dir, 'usual-chrome');
    writeFileSync(usual, '#!/bin/sh\n');
    chmodSync(usual, 0o755);
    const byName = run([script, '--no-install'], { PATH: `/nonexistent:${dir}` });
    assert.equal(byName.stdout.trim(), onPath);
    const fixed = run([script, '--no-install'], {
      PATH: `/nonexistent:${dir}`,
      PROMO_KPI_BROWSER_PATHS: `${join(dir, 'absent')}:${usual}`,
    });
    assert.equal(fixed.stdout.trim(), usual);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm test stops at once, with one line, when CHROME_PATH is wrong', () => {
  // Run from an empty folder: the runner clears .test-results of its working directory.
  const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
  const r = spawnSync(process.execPath, [join(root, 'scripts/test.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: '/nonexistent', PROMO_KPI_BROWSER_PATHS: '', CHROME_PATH: '/nonexistent/chrome' },
  });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /CHROME_PATH=\/nonexistent\/chrome is not an executable/);
  assert.equal(r.stdout, '');
});
