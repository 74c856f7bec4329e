import { defineConfig, type Plugin, type PluginOption } from 'vite';
import dts from 'vite-plugin-dts';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const storybook = process.env.STORYBOOK === 'true';

/** Every public entry: the whole kit, the engine, the zod schemas, the server helper, and one per element. */
function entries(): Record<string, string> {
  const out: Record<string, string> = {
    index: resolve(here, 'src/index.ts'),
    'engine/index': resolve(here, 'src/engine/index.ts'),
    'schema/index': resolve(here, 'src/schema/index.ts'),
    // The report worker's script, loaded by URL next to engine/report-worker.js.
    'engine/worker': resolve(here, 'src/engine/worker.ts'),
  };
  if (existsSync(resolve(here, 'src/server/index.ts'))) out['server/index'] = resolve(here, 'src/server/index.ts');
  for (const name of readdirSync(resolve(here, 'src/elements'))) {
    const define = resolve(here, 'src/elements', name, 'define.ts');
    if (existsSync(define)) out[`elements/${name}/define`] = define;
  }
  return out;
}

/**
 * The library keeps `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`
 * as written: that is the shape the app's bundler (Vite, webpack 5, Rollup, Parcel, esbuild)
 * recognises and emits the worker from. Vite's own worker plugin would bundle the worker into
 * `assets/` and leave an absolute URL the app's bundler cannot follow, so the library build
 * goes without it, and without the asset plugin that would inline the file as a data URL
 * (`dist/engine/worker.js` is an entry of its own).
 */
const keepWorkerUrls: Plugin = {
  name: 'promo-kpi-kit:keep-worker-urls',
  apply: 'build',
  configResolved(config) {
    const list = config.plugins as Plugin[];
    for (const name of ['vite:worker-import-meta-url', 'vite:asset-import-meta-url']) {
      const i = list.findIndex((p) => p.name === name);
      if (i >= 0) list.splice(i, 1);
    }
  },
};

const plugins: PluginOption[] = [];
if (!storybook) {
  plugins.push(keepWorkerUrls);
  plugins.push(
    dts({
      tsconfigPath: './tsconfig.build.json',
      entryRoot: 'src',
      outDirs: 'dist',
      exclude: ['test', 'stories', 'demo', 'scripts', '**/*.test.ts'],
    }),
  );
}

export default defineConfig(({ command }) => ({
  // `npm start` serves the demo; the library build reads src/.
  root: command === 'serve' && !storybook ? resolve(here, 'demo') : here,
  server: { port: 5173, strictPort: false, fs: { allow: [here] } },
  // The demo's dependencies are found from its page alone: the framework pages in demo/ import
  // the built package, which a fresh clone does not have, and a failed scan means reloads.
  optimizeDeps: command === 'serve' && !storybook ? { entries: ['index.html'] } : {},
  plugins,
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: false,
    lib: { entry: entries(), formats: ['es'] },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^d3-/, /^node:/, 'pg', '@duckdb/node-api'],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
}));
