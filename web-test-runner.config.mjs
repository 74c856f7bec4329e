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
 * `executeServerCommand('promo-block-paths', { paths })`: the test's page gets a 404 for the
 * files whose URL holds one of these paths (a chunk that cannot be loaded: a deploy that lost
 * it), until called again with other paths (`[]` lets everything through). The requests are
 * answered through the DevTools protocol on that page alone (other test files run beside it),
 * with its HTTP cache off meanwhile (a test file before it on the same page may have loaded
 * the file).
 */
function blockPathsCommand() {
  const sessions = new Map();
  return {
    name: 'promo-block-paths',
    async executeCommand({ command, payload, session }) {
      if (command !== 'promo-block-paths') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        cdp.on('Fetch.requestPaused', ({ requestId }) =>
          cdp
            .send('Fetch.fulfillRequest', { requestId, responseCode: 404, responseHeaders: [], body: '' })
            .catch(() => {}),
        );
        await cdp.send('Network.enable');
        sessions.set(session.id, cdp);
      }
      const paths = payload?.paths ?? [];
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: paths.length > 0 });
      if (paths.length) await cdp.send('Fetch.enable', { patterns: paths.map((p) => ({ urlPattern: `*${p}*` })) });
      else await cdp.send('Fetch.disable');
      return true;
    },
  };
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
