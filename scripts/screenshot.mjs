#!/usr/bin/env node
/**
 * Screenshot a page in headless Chromium: node scripts/screenshot.mjs URL OUT.png [width] [height] [waitSelector]
 * Prints console errors of the page. Uses CHROME_PATH or /usr/bin/chromium.
 */
import { chromium } from 'playwright';

const [url, out = 'shot.png', width = '1280', height = '800', wait] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [width] [height] [waitSelector]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  page.on('pageerror', (e) => console.log('page error:', String(e)));
  await page.goto(url, { waitUntil: 'load' });
  if (wait) await page.waitForSelector(wait, { timeout: 15_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
