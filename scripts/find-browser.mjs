#!/usr/bin/env node
/**
 * Finds a Chrome or Chromium for the browser tests: `CHROME_PATH`, then the usual install
 * paths and the names on `PATH`. Where there is none, installs Debian's Chromium with apt-get
 * when running as root on Debian or Ubuntu; otherwise says in one line what to install.
 *
 *   import { findBrowser } from './find-browser.mjs';
 *   const path = findBrowser({ install: true }); // or exits 1 with one line
 *
 * Run directly, it prints the path (and installs when allowed; not with `--no-install`):
 * `node scripts/find-browser.mjs`. `PROMO_KPI_BROWSER_PATHS` (paths separated by the path
 * delimiter) replaces the list of usual install paths, for tests of this script.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const FIXED = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env.LOCALAPPDATA ?? '', 'Google\\Chrome\\Application\\chrome.exe'),
  ],
};
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function executable(path) {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chrome or Chromium found, or null. */
export function locateBrowser(env = process.env) {
  const fixed =
    env.PROMO_KPI_BROWSER_PATHS !== undefined
      ? env.PROMO_KPI_BROWSER_PATHS.split(delimiter).filter(Boolean)
      : (FIXED[process.platform] ?? []);
  for (const p of fixed) if (executable(p)) return p;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of NAMES) {
      const p = join(dir, process.platform === 'win32' ? `${name}.exe` : name);
      if (executable(p)) return p;
    }
  return null;
}

function debianLike() {
  if (process.platform !== 'linux') return false;
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function stop(line) {
  console.error(line);
  process.exit(1);
}

/**
 * The browser to test in. `CHROME_PATH` wins (and must exist); else a found one; else, with
 * `install`, Debian's Chromium installed by apt-get (root on Debian/Ubuntu only). Exits 1
 * with one line when there is none.
 */
export function findBrowser({ install = false } = {}) {
  const given = process.env.CHROME_PATH;
  if (given) {
    if (executable(given)) return given;
    stop(`CHROME_PATH=${given} is not an executable: point it at Chrome or Chromium, or unset it.`);
  }
  const found = locateBrowser();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && root && debianLike()) {
    console.error('No Chrome or Chromium found: installing Debian’s chromium with apt-get (about 30 s)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const add =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const now = locateBrowser();
    if (add && add.status === 0 && now) return now;
    stop('Installing chromium with apt-get failed: run `apt-get install chromium`, or set CHROME_PATH to Chrome.');
  }
  stop(
    process.platform === 'linux'
      ? 'No Chrome or Chromium found: install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome executable.'
      : 'No Chrome or Chromium found: install Google Chrome, or set CHROME_PATH to a Chrome or Chromium executable.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(findBrowser({ install: !process.argv.includes('--no-install') }));
