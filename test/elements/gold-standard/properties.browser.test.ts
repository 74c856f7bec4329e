/**
 * Every element, every public property, from custom-elements.json: what frameworks set as
 * properties is read like the attribute; a value the element can't read is reported and the
 * default kept; a removed attribute gives the default; public names never meet internals.
 */
import { expect } from '@open-wc/testing';
import type { LitElement, PropertyDeclaration } from 'lit';
import '../../../src/index.js';
import { queryFromParams } from '../../../src/elements/kpi-board/query.js';
import type { ValueKind } from '../../../src/elements/shared/converters.js';
import type { PromoConfigErrorDetail } from '../../../src/elements/shared/element.js';

interface Member {
  kind: 'field' | 'method';
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  type?: { text: string };
  readonly?: boolean;
}
interface Decl {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
}

const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Decl[] }[] };
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is Decl & { tagName: string } => !!d.customElement && !!d.tagName);

const publicFields = (d: Decl) =>
  (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && m.name !== 'styles');

/** A property Lit manages, with its declaration. */
function declaration(tag: string, name: string): PropertyDeclaration | undefined {
  const ctor = customElements.get(tag) as unknown as { elementProperties: Map<PropertyKey, PropertyDeclaration> };
  return ctor.elementProperties.get(name);
}

const isStringType = (text: string) => /^(string)( \| (undefined|null))*$/.test(text.trim());

/** Samples of the string form each kind of value takes, and what it reads as. */
function samples(kind: ValueKind<unknown>): { text: string; value: unknown }[] {
  switch (kind.expected) {
    case 'number':
      return [
        { text: '1284500000', value: 1284500000 },
        { text: ' -0.25 ', value: -0.25 },
        { text: '1.5e9', value: 1.5e9 },
      ];
    case 'boolean':
      return [
        { text: '', value: true },
        { text: 'true', value: true },
        { text: 'false', value: false },
      ];
    case 'list':
      return [
        { text: 'TET', value: ['TET'] },
        { text: 'revenue, roi,aov', value: ['revenue', 'roi', 'aov'] },
      ];
    case 'object':
      return [{ text: '{"revenue": 5000000000, "roi": 1.5}', value: { revenue: 5000000000, roi: 1.5 } }];
    case 'date':
      return [{ text: '2026-11-03', value: '2026-11-03' }];
    case 'oneOf':
      return kind.values!.map((v) => ({ text: v, value: v }));
    case 'bounds':
      return [
        { text: '7,14,28', value: [7, 14, 28] },
        { text: ' 3, 10 ', value: [3, 10] },
      ];
    default:
      return [];
  }
}

/** A value of each kind the element can't read. */
function unreadable(kind: ValueKind<unknown>): string | null {
  switch (kind.expected) {
    case 'number':
      return 'abc';
    case 'boolean':
      return 'maybe';
    case 'object':
      return '{oops';
    case 'json':
      return 'garbage';
    case 'date':
      return '2026-02-30';
    case 'oneOf':
      return 'last-30';
    case 'timeZone':
      return 'Mars/Olympus';
    case 'bounds':
      return '14,7';
    default:
      return null;
  }
}

const host = document.createElement('div');
document.body.append(host);

async function make(tag: string, setup: (el: LitElement & Record<string, unknown>) => void) {
  const el = document.createElement(tag) as LitElement & Record<string, unknown>;
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => host.replaceChildren());

describe('every element reads the string form of its properties (custom-elements.json)', () => {
  it('lists the elements of the kit', () => {
    expect(elements.map((e) => e.tagName)).to.include.members([
      'promo-kpi-board',
      'promo-kpi-tile',
      'promo-campaign-chart',
      'promo-budget-gauge',
      'promo-cohort-heatmap',
      'promo-breakdown',
      'promo-reactivation',
      'promo-loyalty-panel',
    ]);
  });

  for (const el of elements) {
    describe(`<${el.tagName}>`, () => {
      it('documents promo-config-error', () => {
        const events = (el as Decl & { events?: { name: string }[] }).events ?? [];
        expect(events.map((e) => e.name)).to.include('promo-config-error');
      });

      for (const field of publicFields(el)) {
        const type = field.type?.text ?? '';
        const decl = () => declaration(el.tagName, field.name);

        it(`${field.name}: named like its attribute`, () => {
          if (!field.attribute) return;
          const camel = field.attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
          expect(camel, `${el.tagName} attribute ${field.attribute}`).to.equal(field.name);
        });

        if (!decl || isStringType(type) || type.includes('string |') || field.readonly) continue;

        it(`${field.name} (${type}): a shared converter reads it`, () => {
          const d = decl();
          if (!d) return; // a getter, not a reactive property
          const kind = d.converter as Partial<ValueKind<unknown>> | undefined;
          expect(kind?.read, `${el.tagName}.${field.name} has no shared converter`).to.be.a('function');
        });

        it(`${field.name}: the string form set as property equals the attribute`, async () => {
          const d = decl();
          if (!d) return;
          const kind = d.converter as ValueKind<unknown>;
          for (const s of samples(kind)) {
            const byProp = await make(el.tagName, (e) => {
              e[field.name] = s.text;
            });
            expect(byProp[field.name], `${el.tagName}.${field.name} = ${JSON.stringify(s.text)}`).to.deep.equal(
              s.value,
            );
            if (field.attribute) {
              const byAttr = await make(el.tagName, (e) => e.setAttribute(field.attribute!, s.text));
              expect(byAttr[field.name], `${field.attribute}="${s.text}"`).to.deep.equal(s.value);
            }
            // The value itself (not its string form) is read as it is.
            const byValue = await make(el.tagName, (e) => {
              e[field.name] = s.value;
            });
            expect(byValue[field.name]).to.deep.equal(s.value);
          }
        });

        it(`${field.name}: a value it can't read is named on screen and in promo-config-error; the default stays`, async () => {
          const d = decl();
          if (!d) return;
          const kind = d.converter as ValueKind<unknown>;
          const bad = unreadable(kind);
          if (bad === null) return;
          const fresh = await make(el.tagName, () => {});
          const fallback = structuredClone(fresh[field.name]);
          const paths: [string, (e: LitElement & Record<string, unknown>) => void][] = [
            ['property', (e) => (e[field.name] = bad)],
          ];
          if (field.attribute) paths.push(['attribute', (e) => e.setAttribute(field.attribute!, bad)]);
          for (const [how, set] of paths) {
            const events: PromoConfigErrorDetail[] = [];
            const on = (e: Event) => events.push((e as CustomEvent<PromoConfigErrorDetail>).detail);
            host.addEventListener('promo-config-error', on);
            const e = (await make(el.tagName, set)) as LitElement &
              Record<string, unknown> & { configErrors: { property: string }[] };
            await e.updateComplete;
            host.removeEventListener('promo-config-error', on);
            expect(events, `${how}: ${el.tagName}.${field.name} = ${bad}`).to.have.length(1);
            expect(events[0]!.property).to.equal(field.name);
            expect(events[0]!.value).to.equal(bad);
            expect(events[0]!.element).to.equal(el.tagName);
            expect(e.configErrors.map((x) => x.property)).to.include(field.name);
            expect(e[field.name], 'the default is kept').to.deep.equal(fallback);
            const shown = e.shadowRoot!.textContent ?? '';
            expect(shown, 'the message names the value on screen').to.include(bad);
            expect(shown).to.include(field.attribute ?? field.name);
            // A value it can read clears the message.
            const good = samples(kind)[0];
            if (good) {
              e[field.name] = good.value;
              await e.updateComplete;
              expect(e.shadowRoot!.textContent ?? '').not.to.include(`="${bad}"`);
            }
          }
        });
      }

      it('a removed attribute gives the documented default (string properties too)', async () => {
        const fresh = await make(el.tagName, () => {});
        for (const field of publicFields(el)) {
          if (!field.attribute || field.readonly) continue;
          const d = declaration(el.tagName, field.name);
          if (!d) continue;
          const kind = d.converter as Partial<ValueKind<unknown>> | undefined;
          const sample = kind?.read ? samples(kind as ValueKind<unknown>).at(-1)?.text : 'sample';
          if (sample === undefined) continue;
          const e = await make(el.tagName, (x) => x.setAttribute(field.attribute!, sample));
          e.removeAttribute(field.attribute);
          await e.updateComplete;
          expect(e[field.name], `${el.tagName} without ${field.attribute}`).to.deep.equal(fresh[field.name]);
        }
      });
    });
  }
});

describe('public names never meet internals (custom-elements.json)', () => {
  const allPublic = new Set(
    elements.flatMap((d) => (d.members ?? []).filter((m) => !m.privacy && !m.static).map((m) => m.name)),
  );

  for (const el of elements) {
    it(`<${el.tagName}>: each public member is what it says at every level of the class chain`, () => {
      const ctor = customElements.get(el.tagName)!;
      for (const m of (el.members ?? []).filter((x) => !x.privacy && !x.static)) {
        for (
          let proto = ctor.prototype as object;
          proto !== HTMLElement.prototype;
          proto = Object.getPrototypeOf(proto)
        ) {
          const desc = Object.getOwnPropertyDescriptor(proto, m.name);
          if (!desc) continue;
          if (m.kind === 'field')
            expect(typeof desc.value, `${el.tagName}.${m.name} is a method in ${proto.constructor.name}`).not.to.equal(
              'function',
            );
          else expect(typeof desc.value, `${el.tagName}.${m.name}()`).to.equal('function');
        }
      }
    });

    it(`<${el.tagName}>: no internal member takes a name public on any element of the kit`, () => {
      const ctor = customElements.get(el.tagName)!;
      const own = new Set((el.members ?? []).filter((m) => !m.privacy && !m.static).map((m) => m.name));
      const found: string[] = [];
      for (let proto = ctor.prototype as object; proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto))
        for (const name of Object.getOwnPropertyNames(proto))
          if (allPublic.has(name) && !own.has(name) && !(name in HTMLElement.prototype))
            found.push(`${proto.constructor.name}.${name}`);
      const instance = document.createElement(el.tagName);
      for (const name of Object.keys(instance))
        if (allPublic.has(name) && !own.has(name)) found.push(`instance.${name}`);
      // Protected members listed in the manifest count as internal too.
      for (const m of (el.members ?? []).filter((x) => x.privacy))
        if (allPublic.has(m.name)) found.push(`${m.privacy} ${m.name}`);
      expect(found).to.deep.equal([]);
    });
  }

  it('React/Vue style: chart.view = "trend" and chart.data = {...} do not break the chart', async () => {
    const chart = await make('promo-campaign-chart', (e) => {
      e.view = 'trend';
      e.data = { anything: 1 };
    });
    expect(chart.view).to.equal('trend');
    expect(chart.shadowRoot!.textContent).not.to.include('could not be shown');
  });

  it('a URL list parameter is read as the list attribute is', () => {
    const q = queryFromParams(new URLSearchParams('from=2026-11-01&to=2026-11-07&campaigns=TET,%20FLASH&channels='));
    expect(q.campaignIds).to.deep.equal(['TET', 'FLASH']);
    expect(q.channels).to.equal(undefined);
  });

  it('board.campaigns = "TET" filters on ["TET"]', async () => {
    const board = await make('promo-kpi-board', (e) => {
      e.campaigns = 'TET';
    });
    expect(board.campaigns).to.deep.equal(['TET']);
    expect((board as unknown as { query: { campaignIds: string[] } }).query.campaignIds).to.deep.equal(['TET']);
  });
});
