/**
 * A page's own element extending one of the kit's: every public element class, with its own
 * reactive properties declared the ways compilers write a static field. TypeScript with
 * `useDefineForClassFields: false` (Lit's advised setting with decorators) and Babel's loose
 * mode write it as an assignment; standard class fields define it. Both keep the kit's
 * properties and add the subclass's.
 */
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { PropertyDeclarations } from 'lit';
import * as kit from '../../../src/index.js';

/** Every element class the package exports, with one of its own attributes (named as its property) and a value it reads. */
const CLASSES: [string, CustomElementConstructor, string, string][] = [
  ['PromoKpiTile', kit.PromoKpiTile, 'kpi', 'roi'],
  ['PromoBudgetGauge', kit.PromoBudgetGauge, 'campaign', 'c1'],
  ['PromoCampaignChart', kit.PromoCampaignChart, 'metric', 'orders'],
  ['PromoCohortHeatmap', kit.PromoCohortHeatmap, 'mode', 'revenue'],
  ['PromoBreakdown', kit.PromoBreakdown, 'by', 'store'],
  ['PromoReactivation', kit.PromoReactivation, 'of', 'returned'],
  ['PromoLoyaltyPanel', kit.PromoLoyaltyPanel, 'locale', 'vi'],
  ['PromoKpiBoard', kit.PromoKpiBoard, 'period', 'last-14'],
];

const OWN: PropertyDeclarations = { note: { attribute: 'note' } };
let n = 0;

/** A subclass of `base` whose static `properties` is written as `how` writes a static field. */
function subclass(base: CustomElementConstructor, how: 'assign' | 'define'): CustomElementConstructor {
  const Sub = class extends (base as unknown as typeof HTMLElement) {};
  if (how === 'assign') (Sub as unknown as { properties: PropertyDeclarations }).properties = OWN;
  else Object.defineProperty(Sub, 'properties', { value: OWN, writable: true, configurable: true, enumerable: true });
  customElements.define(`x-sub-${how}-${++n}`, Sub);
  return Sub;
}

describe("a page's subclass of a kit element", () => {
  for (const [name, base, attribute, value] of CLASSES)
    for (const how of ['assign', 'define'] as const)
      it(`${name}: its own static properties (${how === 'assign' ? 'assigned' : 'defined'}) beside the kit's`, async () => {
        const Sub = subclass(base, how);
        const tag = unsafeStatic(customElements.getName(Sub)!);
        const el = (await fixture(
          staticHtml`<${tag} note="hello" ${unsafeStatic(attribute)}=${value}></${tag}>`,
        )) as HTMLElement & Record<string, unknown> & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        expect(el.note, 'the subclass property reads its attribute').to.equal('hello');
        expect(el[attribute], `the kit's ${attribute} still reads its attribute`).to.equal(value);
        // Both are reactive properties of the subclass.
        const props = (Sub as unknown as { elementProperties: Map<PropertyKey, unknown> }).elementProperties;
        expect(props.has('note') && props.has(attribute)).to.equal(true);
      });
});
