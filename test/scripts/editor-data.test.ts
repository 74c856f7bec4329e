/**
 * The editor hints for HTML files (`types/vscode.html-custom-data.json`, made by
 * scripts/host-types.mjs from custom-elements.json) against the manifest and the constants the
 * elements read their values with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { THEMES } from '../../src/context/context.js';
import { KPI_UNITS } from '../../src/core/vocabulary.js';
import { HEATMAP_MODES } from '../../src/elements/cohort-heatmap/layout.js';
import { PERIOD_PRESETS } from '../../src/elements/kpi-board/query.js';
import { REACTIVATION_LISTS } from '../../src/elements/reactivation/layout.js';
import { WIDGET_STATES } from '../../src/elements/shared/widget.js';

const root = join(import.meta.dirname, '../..');
// VS Code's HTML language service ships as UMD, whose names Node's ESM loader cannot see.
const { getLanguageService, newHTMLDataProvider, TextDocument } = createRequire(import.meta.url)(
  'vscode-html-languageservice',
) as typeof import('vscode-html-languageservice');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Attribute {
  name: string;
  description?: string;
  values?: { name: string }[];
  valueSet?: string;
}
interface Tag {
  name: string;
  description: { kind: string; value: string };
  attributes: Attribute[];
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: { name: string; description?: string }[];
  events?: { name?: string }[];
  cssParts?: { name: string }[];
}

const data = read('types/vscode.html-custom-data.json') as { version: number; tags: Tag[] };
const manifest = read('custom-elements.json') as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const tag = (name: string) => data.tags.find((t) => t.name === name)!;
const values = (tagName: string, attribute: string) =>
  tag(tagName)
    .attributes.find((a) => a.name === attribute)
    ?.values?.map((v) => v.name);
const sorted = (list: readonly string[]) => [...list].sort();

test('every element of the manifest, each attribute with its description; summary, events and parts in the tag', () => {
  assert.equal(data.version, 1.1);
  assert.deepEqual(data.tags.map((t) => t.name).sort(), elements.map((d) => d.tagName).sort());
  assert.ok(data.tags.length >= 8);
  for (const d of elements) {
    const t = tag(d.tagName!);
    assert.deepEqual(
      t.attributes.map((a) => [a.name, a.description]),
      (d.attributes ?? []).map((a) => [a.name, a.description]),
      d.tagName,
    );
    assert.equal(t.description.kind, 'markdown');
    assert.ok(t.description.value.startsWith(d.summary!), d.tagName);
    for (const e of d.events ?? []) if (e.name) assert.ok(t.description.value.includes(`\`${e.name}\``), e.name);
    for (const p of d.cssParts ?? []) assert.ok(t.description.value.includes(`\`${p.name}\``), p.name);
  }
});

test('an attribute typed by a list of words offers those words; a boolean one takes no value', () => {
  assert.deepEqual(values('promo-cohort-heatmap', 'mode'), sorted(HEATMAP_MODES));
  assert.deepEqual(values('promo-kpi-board', 'period'), sorted(PERIOD_PRESETS));
  assert.deepEqual(values('promo-reactivation', 'of'), sorted(REACTIVATION_LISTS));
  assert.deepEqual(values('promo-kpi-tile', 'unit'), sorted(KPI_UNITS));
  for (const t of data.tags) {
    assert.deepEqual(values(t.name, 'theme'), sorted(THEMES), t.name);
    if (t.name !== 'promo-kpi-board') assert.deepEqual(values(t.name, 'state'), sorted(WIDGET_STATES), t.name);
  }
  assert.equal(tag('promo-kpi-tile').attributes.find((a) => a.name === 'compact')?.valueSet, 'v');
  assert.equal(tag('promo-cohort-heatmap').attributes.find((a) => a.name === 'show-recency')?.valueSet, 'v');
  // Free text (an id) offers no words.
  assert.equal(values('promo-kpi-tile', 'kpi'), undefined);
});

test("VS Code's HTML language service, given the file, completes the kit's tags, attributes and words", () => {
  const service = getLanguageService({ customDataProviders: [newHTMLDataProvider('promo-kpi-kit', data as never)] });
  /** The labels completed at the end of `text`. */
  const complete = (text: string) => {
    const doc = TextDocument.create('file:///page.html', 'html', 0, text);
    return service
      .doComplete(doc, doc.positionAt(text.length), service.parseHTMLDocument(doc))
      .items.map((i) => i.label);
  };
  const tags = complete('<promo-');
  for (const d of elements) assert.ok(tags.includes(d.tagName!), d.tagName);
  const attributes = complete('<promo-cohort-heatmap ');
  for (const name of ['mode', 'show-recency', 'theme', 'locale']) assert.ok(attributes.includes(name), name);
  assert.deepEqual(
    complete('<promo-cohort-heatmap mode="')
      .map((l) => l.replace(/"/g, ''))
      .sort(),
    sorted(HEATMAP_MODES),
  );
  // Hover shows the attribute's description.
  const text = '<promo-kpi-tile kpi="roi"></promo-kpi-tile>';
  const doc = TextDocument.create('file:///page.html', 'html', 0, text);
  const hover = service.doHover(doc, doc.positionAt(text.indexOf('kpi=') + 1), service.parseHTMLDocument(doc));
  assert.match(JSON.stringify(hover?.contents), /KPI id/);
});
