import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { startTestServer } from './test/adapters/test-server.mjs';

/**
 * The adapter tests' real local server (HTTP, SSE, WebSocket), started with the runner;
 * test pages read its address from /__adapter-test-server.
 */
function adapterTestServer() {
  let server;
  return {
    name: 'adapter-test-server',
    async serverStart() {
      server = await startTestServer();
    },
    async serverStop() {
      await server?.close();
    },
    serve(context) {
      if (context.path === '/__adapter-test-server')
        return { body: JSON.stringify({ url: server.url, wsUrl: server.wsUrl }), type: 'json' };
    },
  };
}

/**
 * `executeServerCommand('promo-forced-colors', { active })`: emulates forced-colors mode
 * (Windows high contrast) in the test's page through the DevTools protocol (the runner's own
 * emulateMedia command has no forced-colors for Chrome).
 */
function forcedColorsCommand() {
  return {
    name: 'promo-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'promo-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * `executeServerCommand('promo-block-paths', { paths })`: the dev server answers 404 for these
 * paths (a chunk that cannot be loaded: offline, a deploy that lost it) until called again
 * with other paths (`[]` lets everything through). The page's HTTP cache is off meanwhile: a
 * test file before this one on the same page may have loaded the file.
 */
const blockedPaths = new Set();
function blockPathsCommand() {
  return {
    name: 'promo-block-paths',
    async executeCommand({ command, payload, session }) {
      if (command !== 'promo-block-paths') return undefined;
      blockedPaths.clear();
      for (const path of payload?.paths ?? []) blockedPaths.add(path);
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: blockedPaths.size > 0 });
      return true;
    },
  };
}
/** Koa middleware of the dev server: 404 for the blocked paths. */
async function blockPaths(context, next) {
  if (blockedPaths.has(context.path)) {
    context.status = 404;
    context.body = 'blocked by the test';
    return;
  }
  await next();
}

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Browser tests: every test/<module>/**\/*.browser.test.ts in headless Chromium; any other *.test.ts runs in Node. */
export default {
  files: ['test/**/*.browser.test.ts', '!test/hosts/**'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    adapterTestServer(),
    forcedColorsCommand(),
    blockPathsCommand(),
  ],
  middleware: [blockPaths],
  browsers: [
    chromeLauncher({
      // One browser context (its own window) per page: with concurrency 2, a second tab in
      // one window is hidden, and hidden pages get no animation frames or ResizeObserver
      // callbacks, so tests that wait for a frame or a resize hang there.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Reliability tests measure the heap after a full collection (performance.memory, gc()).
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
