/**
 * Property-based tests of the widgets (fast-check, in Chromium): reports computed from
 * random adversarial data (ids such as `__proto__` and `constructor`, markup in names), some
 * then corrupted (numbers replaced by NaN, Infinity, huge values or null), never make a
 * widget throw, and no widget ever shows NaN, Infinity, undefined or [object ...].
 * 1 200 cases (300 per widget).
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/kpi-tile/define.js';
import '../../src/elements/budget-gauge/define.js';
import '../../src/elements/campaign-chart/define.js';
import '../../src/elements/cohort-heatmap/define.js';
import { computeReport } from '../../src/engine/report.js';
import type { Report } from '../../src/engine/report-types.js';
import type { PromoWidget } from '../../src/elements/shared/widget.js';
import { deepText } from './dom-audit.js';

const SEED = 20261124;
const NASTY = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const CAMPAIGN_IDS = ['C1', '__proto__', 'constructor', '<img src=x onerror=alert(1)>'];

const label = fc.oneof(
  fc.constantFrom(...NASTY, 'web', 'store', '<svg onload=alert(1)>'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);

const orders = fc.array(
  fc.record({
    customerId: label,
    day: fc.integer({ min: 1, max: 28 }),
    revenue: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e15, noNaN: true })),
    cogs: fc.option(fc.double({ min: 0, max: 1e12, noNaN: true }), { nil: undefined }),
    campaign: fc.integer({ min: -1, max: CAMPAIGN_IDS.length - 1 }),
    channel: fc.option(label, { nil: undefined }),
  }),
  { maxLength: 25 },
);

/** A report from random data over February 2026. */
const report = fc
  .record({
    orders,
    budgets: fc.array(fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e12, noNaN: true })), {
      minLength: CAMPAIGN_IDS.length,
      maxLength: CAMPAIGN_IDS.length,
    }),
    costs: fc.array(
      fc.record({
        c: fc.nat(CAMPAIGN_IDS.length - 1),
        day: fc.integer({ min: 1, max: 28 }),
        amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
      }),
      { maxLength: 5 },
    ),
    grain: fc.constantFrom('month', 'week'),
  })
  .map(({ orders: list, budgets, costs, grain }) =>
    computeReport(
      {
        campaigns: CAMPAIGN_IDS.map((id, i) => ({
          id,
          name: `${id} name`,
          start: '2026-01-15',
          end: '2026-03-10',
          budget: budgets[i],
        })),
        orders: list.map((o, i) => ({
          id: `o${i}`,
          customerId: o.customerId,
          time: `2026-02-${String(o.day).padStart(2, '0')}T10:00:00Z`,
          revenue: o.revenue,
          cogs: o.cogs,
          campaignId: o.campaign < 0 ? null : CAMPAIGN_IDS[o.campaign],
          channel: o.channel,
        })),
        costs: costs.map((c) => ({
          campaignId: CAMPAIGN_IDS[c.c],
          date: `2026-02-${String(c.day).padStart(2, '0')}`,
          amount: c.amount,
        })),
      } as never,
      { from: '2026-02-01', to: '2026-02-28', timeZone: 'UTC', cohortGrain: grain as 'month' | 'week' },
    ),
  );

const junk = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 1e308, -1e308, -0, -1, null, Number.MIN_VALUE);

/** The report with some numbers replaced by NaN, Infinity, huge or null (a report from a buggy producer, e.g. a custom pushdown). */
const corrupted = fc.tuple(report, fc.array(fc.tuple(fc.nat(), junk), { maxLength: 8 })).map(([r, edits]) => {
  const copy = structuredClone(r) as unknown as Record<string, unknown>;
  const slots: [Record<string, unknown>, string][] = [];
  const walk = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    for (const k of Object.keys(o)) {
      const v = (o as Record<string, unknown>)[k];
      if (typeof v === 'number' || v === null) slots.push([o as Record<string, unknown>, k]);
      walk(v);
    }
  };
  walk(copy);
  for (const [n, value] of edits) {
    if (!slots.length) break;
    const [obj, key] = slots[n % slots.length]!;
    obj[key] = value;
  }
  return copy as unknown as Report;
});

const anyReport = fc.oneof({ weight: 1, arbitrary: report }, { weight: 2, arbitrary: corrupted });

const BAD_TEXT = /\bNaN\b|Infinity|undefined|\[object /;

async function check(el: PromoWidget, r: Report, errors: unknown[]): Promise<void> {
  el.report = r;
  await el.updateComplete;
  await el.updateComplete;
  expect(errors, 'uncaught errors').to.deep.equal([]);
  const text = deepText(el);
  expect(BAD_TEXT.test(text), `shows ${BAD_TEXT.exec(text)?.[0]}: ${text.slice(0, 300)}`).to.equal(false);
  const labels = [...el.shadowRoot!.querySelectorAll('[aria-label]')]
    .map((e) => e.getAttribute('aria-label'))
    .join(' ');
  expect(BAD_TEXT.test(labels), `label shows ${BAD_TEXT.exec(labels)?.[0]}: ${labels.slice(0, 300)}`).to.equal(false);
}

describe('widgets never throw and never show NaN on random and corrupted reports', function () {
  this.timeout(120_000);
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  const cases: [string, () => Promise<PromoWidget>, fc.Arbitrary<string>, string][] = [
    [
      'promo-kpi-tile',
      () => fixture(html`<promo-kpi-tile currency="VND"></promo-kpi-tile>`),
      fc.constantFrom('revenue', 'roi', 'aov', 'ctr', 'budgetUsed', 'cltv', 'nope', ...NASTY),
      'kpi',
    ],
    [
      'promo-budget-gauge',
      () => fixture(html`<promo-budget-gauge currency="VND"></promo-budget-gauge>`),
      fc.constantFrom('', ...CAMPAIGN_IDS, 'missing', ...NASTY),
      'campaign',
    ],
    [
      'promo-campaign-chart',
      () => fixture(html`<promo-campaign-chart currency="VND" style="width: 600px"></promo-campaign-chart>`),
      fc.constantFrom('revenue', 'roi', 'orders', 'ctr', 'nope', ...NASTY),
      'metric',
    ],
    [
      'promo-cohort-heatmap',
      () => fixture(html`<promo-cohort-heatmap show-recency style="width: 600px"></promo-cohort-heatmap>`),
      fc.constantFrom('retention', 'revenue', 'nope', ...NASTY),
      'mode',
    ],
  ];
  for (const [name, make, attr, key] of cases) {
    it(name, async () => {
      const el = await make();
      // On failure, report the cause and the shrunk case briefly (a whole report is long).
      const details = await fc.check(
        fc.asyncProperty(anyReport, attr, fc.boolean(), async (r, value, view) => {
          errors.length = 0;
          el.setAttribute(key, value);
          if (name === 'promo-campaign-chart') el.setAttribute('view', view ? 'trend' : 'bars');
          // A tile of one campaign, the id possibly hostile or unknown.
          if (name === 'promo-kpi-tile') {
            if (view) el.setAttribute('campaign', CAMPAIGN_IDS[value.length % CAMPAIGN_IDS.length]!);
            else el.removeAttribute('campaign');
          }
          await check(el, r, errors);
        }),
        { numRuns: 300, seed: SEED },
      );
      if (details.failed) {
        const [r, value] = details.counterexample as unknown as [Report, string];
        throw new Error(
          `${name} ${key}=${value}: ${(details.errorInstance as Error)?.message}\n` +
            `kpis: ${JSON.stringify(r.kpis)?.slice(0, 400)} pacing: ${JSON.stringify(r.pacing)?.slice(0, 300)} recency: ${JSON.stringify(r.recency)}`,
        );
      }
    });
  }
});
