import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');

/** The files of node_modules/zod a bundle of `entry` holds. */
async function zodFilesIn(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return Object.keys(r.metafile.inputs).filter((path) => /(^|\/)node_modules\/zod\//.test(path));
}

test('the kit, the engine and every element load no zod; promo-kpi-kit/schema does', async () => {
  const elements = readdirSync(join(root, 'src/elements'))
    .map((name) => `src/elements/${name}/define.ts`)
    .filter((define) => existsSync(join(root, define)));
  for (const entry of ['src/index.ts', 'src/engine-entry.ts', ...elements])
    assert.deepEqual(await zodFilesIn(entry), [], entry);
  assert.ok((await zodFilesIn('src/schema/index.ts')).length > 0);
});
