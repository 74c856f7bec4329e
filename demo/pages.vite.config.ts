/**
 * Dev server for the framework pages (demo/html, demo/react, demo/vue): they import the kit
 * by its package name, resolved to the BUILT files in dist/ (run `npm run build` first; the
 * `demo:*` scripts do).
 */
import { defineConfig } from 'vite';
import { basename, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
/** The page served (`vite demo/react ...`): each page gets its own dependency cache, so they can run side by side. */
const page = basename(process.argv.find((a) => /^(\.\/)?demo\/\w+\/?$/.test(a)) ?? 'pages');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^promo-kpi-kit$/, replacement: resolve(repo, 'dist/index.js') },
      { find: /^promo-kpi-kit\/kpi-board$/, replacement: resolve(repo, 'dist/elements/kpi-board/define.js') },
      { find: /^promo-kpi-kit\/engine$/, replacement: resolve(repo, 'dist/engine-entry.js') },
    ],
  },
  cacheDir: resolve(repo, 'node_modules/.vite', `demo-${page}`),
  optimizeDeps: { include: ['lit', '@lit/context', 'react', 'react-dom/client', 'vue'] },
  server: { strictPort: true, fs: { allow: [repo] } },
});
