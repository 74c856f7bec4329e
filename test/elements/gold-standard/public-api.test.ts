/**
 * The elements' public surface in `custom-elements.json` only grows: every tag, attribute,
 * public property and method, event, CSS part, CSS custom property and slot of the recorded
 * list is still there (deprecated members stay listed). Members marked private or protected
 * are not part of it. An addition is made on purpose: a fact missing from the recorded list
 * fails too (a member left public by mistake shows here first). After adding to the surface,
 * record it anew:
 * `UPDATE_PUBLIC_API=1 node --import tsx --test test/elements/gold-standard/public-api.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const recorded = join(import.meta.dirname, 'public-api.json');

interface Named {
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Named[];
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** One line per public fact of each element, e.g. `promo-kpi-tile attribute kpi`. */
export function publicSurface(manifest: Manifest): string[] {
  const lines = new Set<string>();
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const tag = d.tagName;
      lines.add(`${tag} class ${d.name}`);
      for (const m of d.members ?? [])
        if (m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'))
          lines.add(`${tag} ${m.static ? 'static ' : ''}member ${m.name}`);
      for (const [kind, list] of [
        ['attribute', d.attributes],
        ['event', d.events],
        ['part', d.cssParts],
        ['css-property', d.cssProperties],
        ['slot', d.slots],
      ] as const)
        for (const x of list ?? []) lines.add(`${tag} ${kind} ${x.name}`);
    }
  return [...lines].sort();
}

test('custom-elements.json keeps every public fact of the recorded surface', () => {
  const now = publicSurface(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest);
  if (process.env.UPDATE_PUBLIC_API) writeFileSync(recorded, `${JSON.stringify(now, null, 2)}\n`);
  const before = JSON.parse(readFileSync(recorded, 'utf8')) as string[];
  const kept = new Set(now);
  assert.deepEqual(
    before.filter((line) => !kept.has(line)),
    [],
    'removed from the public surface (deprecate instead, or record the surface anew on purpose)',
  );
  assert.deepEqual(
    now.filter((line) => !before.includes(line)),
    [],
    'added to the public surface without being recorded (make it private or protected, or record the surface anew)',
  );
  // The surface read is the real one: every element, with its attributes and events.
  for (const tag of ['promo-kpi-board', 'promo-kpi-tile', 'promo-campaign-chart'])
    assert.ok(
      now.some((l) => l.startsWith(`${tag} attribute `)) && now.some((l) => l.startsWith(`${tag} event `)),
      tag,
    );
});
