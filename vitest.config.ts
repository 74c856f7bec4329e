/**
 * Stories as tests: every story in stories/ is rendered in headless Chromium by
 * @storybook/addon-vitest, with its play function, axe checks (addon-a11y) and a guard that
 * fails on console errors. Run with `npm run test:stories`.
 */
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

process.env.STORYBOOK = 'true';

export default defineConfig({
  plugins: [storybookTest({ configDir: '.storybook' })],
  test: {
    name: 'storybook',
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
    setupFiles: ['.storybook/vitest.setup.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/stories-vitest.json' }]],
  },
});
