/**
 * Property-based tests of the data layer and the engine (fast-check): random and
 * adversarial records never make `createDataset` or `computeReport` throw, every bad record
 * is reported, the good records are all computed, and every number of the report is finite
 * or null. 12 000 cases in all, seeded so a failure can be replayed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDataset } from '../../src/data/dataset.js';
import { computeReport } from '../../src/engine/report.js';
import type { Report } from '../../src/engine/report-types.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const FROM = '2025-03-01';
const TO = '2025-03-31';
const OPTIONS = { from: FROM, to: TO, timeZone: 'Asia/Ho_Chi_Minh' };

/** Keys that break naive `obj[key] = ...` code. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

/** Every number found anywhere in a report, with its path. */
function numbersOf(value: unknown, path = 'report', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const k of Object.keys(value)) numbersOf((value as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

function assertAllFinite(report: Report): void {
  for (const [path, n] of numbersOf(report)) assert.ok(Number.isFinite(n), `${path} is ${n}`);
  for (const [id, k] of Object.entries(report.kpis))
    assert.ok(k.value === null || Number.isFinite(k.value), `kpis.${id}.value is ${k.value}`);
}

/** Adversarial scalars: wrong types, NaN, Infinity, huge and tiny numbers, odd strings. */
const nastyScalar = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1,
    '',
    ' ',
    '12,5',
    '1e3',
    'NaN',
    'Infinity',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    '2025-02-30',
    '2025-03-05T25:00:00',
    '9999-12-31T00:00:00Z',
    true,
    false,
    null,
    undefined,
    ...NASTY_KEYS,
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((b) => b as unknown),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('x'.repeat(5000), '\u{1D54F}'.repeat(3000), '<'.repeat(4000), '\u0000'.repeat(2048)),
  fc.date({ noInvalidDate: false }).map((d) => d.getTime()),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** A record-like object: known field names mixed with nasty keys, each holding anything. */
const FIELDS = [
  'id',
  'name',
  'customerId',
  'time',
  'revenue',
  'discount',
  'cogs',
  'campaignId',
  'channel',
  'date',
  'amount',
  'category',
  'impressions',
  'reach',
  'clicks',
  'engagements',
  'earned',
  'redeemed',
  'start',
  'end',
  'budget',
  'type',
  'targets',
];
const junkRecord = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS, ...NASTY_KEYS), nastyScalar, { maxKeys: 12 }) },
  { weight: 1, arbitrary: nastyScalar },
  // JSON.parse makes an own "__proto__" key (an object literal would set the prototype).
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__":{"polluted":1},"id":"p","customerId":"c","time":"2025-03-02T10:00:00","revenue":1}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":1}},"id":"q","revenue":"1"}'),
    ),
  },
);
const junkCollection = fc.oneof(
  { weight: 6, arbitrary: fc.array(junkRecord, { maxLength: 8 }) },
  { weight: 1, arbitrary: nastyScalar },
);
const junkInput = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        campaigns: junkCollection,
        orders: junkCollection,
        costs: junkCollection,
        exposures: junkCollection,
        loyalty: junkCollection,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: nastyScalar },
  { weight: 1, arbitrary: fc.anything() },
);

const junkOptions = fc.oneof(
  { weight: 6, arbitrary: fc.constant(OPTIONS) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        from: fc.oneof(fc.constant(FROM), nastyScalar),
        to: fc.oneof(fc.constant(TO), nastyScalar),
        timeZone: fc.oneof(fc.constantFrom('UTC', 'Asia/Ho_Chi_Minh', 'Mars/Olympus', ''), nastyScalar),
        campaignIds: fc.oneof(fc.array(fc.oneof(fc.constantFrom('C1', ...NASTY_KEYS), nastyScalar)), nastyScalar),
        channels: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...NASTY_KEYS), nastyScalar)), nastyScalar),
        returnWindowDays: nastyScalar,
        lifetimeDays: nastyScalar,
        cohortGrain: fc.oneof(fc.constantFrom('month', 'week'), nastyScalar),
        asOf: fc.oneof(fc.constant(TO), nastyScalar),
      },
      { requiredKeys: ['from', 'to'] },
    ),
  },
);

test('junk input and junk options: never throws, every number finite, nothing polluted', () => {
  fc.assert(
    fc.property(junkInput, junkOptions, (input, options) => {
      const report = computeReport(input as never, options as never);
      assert.ok(report && typeof report === 'object');
      assert.ok(Array.isArray(report.issues));
      assertAllFinite(report);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
      // createDataset alone never throws either, and the dataset rows are all usable.
      const ds = createDataset(input as never, { timeZone: 'UTC' });
      for (let i = 0; i < ds.orders.length; i++) {
        assert.ok(Number.isFinite(ds.orders.revenue[i]!) && ds.orders.revenue[i]! >= 0);
        assert.ok(Number.isFinite(ds.orders.time[i]!));
      }
    }),
    { numRuns: 3000, seed: SEED },
  );
});

// ---- good records among bad ones: the good are all computed, the bad all reported ----

/** Strings that must survive as ids, names and channels: any Unicode, nasty keys, markup. */
const label = fc.oneof(
  fc.constantFrom(...NASTY_KEYS, '<svg onload=alert(1)>', '"><script>alert(1)</script>', '=1+1', 'Tết 🎉', 'web'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

interface GoodOrder {
  id: string;
  customerId: string;
  time: string;
  revenue: number;
  discount: number;
  cogs: number;
  campaignId: string;
  channel: string;
}

const goodOrders = fc
  .array(
    fc.record({
      customerId: label,
      day: fc.integer({ min: 1, max: 31 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      // Amounts from 0 to 1e12 (about 2^40): sums stay exact enough for a relative check.
      revenue: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true })),
      discount: fc.double({ min: 0, max: 1e6, noNaN: true }),
      cogs: fc.double({ min: 0, max: 1e12, noNaN: true }),
      campaign: fc.integer({ min: 0, max: 2 }),
      channel: label,
    }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map((o, i): GoodOrder => ({
      id: `good-${i}`,
      customerId: o.customerId,
      time: `2025-03-${String(o.day).padStart(2, '0')}T${String(Math.floor(o.minute / 60)).padStart(2, '0')}:${String(o.minute % 60).padStart(2, '0')}:00`,
      revenue: o.revenue,
      discount: o.discount,
      cogs: o.cogs,
      campaignId: CAMPAIGN_IDS[o.campaign]!,
      channel: o.channel,
    })),
  );

/** Campaign ids include keys that break plain-object maps. */
const CAMPAIGN_IDS = ['__proto__', 'constructor', 'C <b>1</b>'];
const CAMPAIGNS = CAMPAIGN_IDS.map((id, i) => ({
  id,
  name: `<img src=x onerror=alert(${i})>`,
  start: '2025-02-01',
  end: '2025-04-30',
  budget: 1000 * (i + 1),
}));

/**
 * Orders that are certainly invalid, each for a different reason (the id keeps them apart
 * from the good ones, so a bad record can never hide a good one as a "duplicate").
 */
const badOrder = fc.oneof(
  fc.record({
    id: fc.string().map((s) => `bad-${s}`),
    customerId: label,
    time: fc.constant('2025-03-02T10:00:00'),
    revenue: fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, -1, '12,5', '100', null, true),
      fc.double({ max: -Number.MIN_VALUE }),
    ),
  }),
  fc.record({
    id: fc.string().map((s) => `bad-${s}`),
    customerId: fc.constantFrom('', null, 12.5, {}, []),
    time: fc.constant('2025-03-02T10:00:00'),
    revenue: fc.constant(1),
  }),
  fc.record({
    id: fc.string().map((s) => `bad-${s}`),
    customerId: label,
    time: fc.constantFrom(
      '2025-02-30T00:00:00',
      'yesterday',
      '',
      NaN,
      Infinity,
      -5,
      1e20,
      '9999-01-01T00:00:00Z',
      null,
    ),
    revenue: fc.constant(1),
  }),
  fc.record({
    id: fc.constantFrom('', null, undefined, {}, 1.5, NaN),
    customerId: label,
    time: fc.constant('2025-03-02T10:00:00'),
    revenue: fc.constant(1),
  }),
  fc.record({
    id: fc.string().map((s) => `bad-${s}`),
    customerId: label,
    time: fc.constant('2025-03-02T10:00:00'),
    revenue: fc.constant(1),
    discount: fc.constantFrom(-1, NaN, Infinity, 'x'),
  }),
  fc.constantFrom(null, 42, 'order', [], true),
);

function close(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(actual !== null && actual !== undefined, `${what} is ${actual}`);
  const tol = Math.max(1e-6, Math.abs(expected) * 1e-9);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} != ${expected}`);
}

test('good records among bad ones: every bad one reported, every good one computed', () => {
  fc.assert(
    fc.property(
      goodOrders,
      fc.array(badOrder, { maxLength: 8 }),
      fc.array(fc.integer(), { maxLength: 20 }),
      (good, bad, order) => {
        // Shuffle good and bad together, deterministically from the generated integers.
        const all: { good: boolean; rec: unknown }[] = [
          ...good.map((rec) => ({ good: true, rec })),
          ...bad.map((rec) => ({ good: false, rec })),
        ];
        order.forEach((n, i) => {
          const j = Math.abs(n) % all.length;
          const k = i % Math.max(1, all.length);
          if (all.length) [all[j], all[k]] = [all[k]!, all[j]!];
        });
        // A bad record repeating an earlier bad id is still bad; make bad ids unique anyway.
        const input = { campaigns: CAMPAIGNS, orders: all.map((a) => a.rec) };
        const report = computeReport(input as never, OPTIONS);
        assertAllFinite(report);
        const orderIssues = report.issues.filter((i) => i.collection === 'orders');
        assert.ok(orderIssues.length >= bad.length, `${orderIssues.length} order issues for ${bad.length} bad orders`);
        // No good record is reported.
        for (const iss of orderIssues) {
          const rec = input.orders[iss.index] as { id?: unknown } | null;
          assert.ok(
            !(rec && typeof rec === 'object' && typeof rec.id === 'string' && rec.id.startsWith('good-')),
            `a good order was reported: ${iss.path} ${iss.message}`,
          );
        }
        // The good ones are all computed.
        const sum = (f: (o: GoodOrder) => number, list = good) => list.reduce((s, o) => s + f(o), 0);
        assert.equal(report.kpis.orders!.value, good.length);
        close(
          report.kpis.revenue!.value,
          sum((o) => o.revenue),
          'revenue',
        );
        close(
          report.kpis.discountCost!.value,
          sum((o) => o.discount),
          'discountCost',
        );
        if (good.length)
          close(
            report.kpis.cogs!.value,
            sum((o) => o.cogs),
            'cogs',
          );
        assert.equal(report.kpis.buyers!.value, new Set(good.map((o) => o.customerId)).size);
        for (const id of CAMPAIGN_IDS) {
          const mine = good.filter((o) => o.campaignId === id);
          assert.ok(Object.hasOwn(report.byCampaign, id), `byCampaign has no own ${id}`);
          assert.equal(report.byCampaign[id]!.orders!.value, mine.length, `byCampaign.${id}.orders`);
          close(
            report.byCampaign[id]!.revenue!.value,
            sum((o) => o.revenue, mine),
            `byCampaign.${id}.revenue`,
          );
        }
        const channels = new Set(good.map((o) => o.channel));
        assert.deepEqual(new Set(Object.keys(report.byChannel)), channels);
        for (const ch of channels) {
          const mine = good.filter((o) => o.channel === ch);
          assert.ok(Object.hasOwn(report.byChannel, ch), `byChannel has no own ${JSON.stringify(ch)}`);
          assert.equal(report.byChannel[ch]!.orders, mine.length, `byChannel.${ch}.orders`);
        }
        for (const id of CAMPAIGN_IDS) {
          const perDay = report.daily.map((d) => (Object.hasOwn(d.byCampaign, id) ? d.byCampaign[id]!.orders : NaN));
          assert.equal(
            perDay.reduce((s, n) => s + n, 0),
            good.filter((o) => o.campaignId === id).length,
            `daily byCampaign.${id}`,
          );
        }
        const dailyOrders = report.daily.reduce((s, d) => s + d.orders, 0);
        assert.equal(dailyOrders, good.length);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      },
    ),
    { numRuns: 5000, seed: SEED },
  );
});

test('duplicated deliveries: an order id seen before is reported and never counted twice', () => {
  fc.assert(
    fc.property(goodOrders, fc.array(fc.nat(), { maxLength: 10 }), (good, repeats) => {
      const ds = createDataset({ campaigns: CAMPAIGNS, orders: good }, { timeZone: OPTIONS.timeZone });
      const before = computeReport(ds, OPTIONS);
      const again = good.length ? repeats.map((r) => ({ ...good[r % good.length]!, revenue: 999 })) : [];
      const res = (ds as unknown as { append(r: unknown): { issues: unknown[] } }).append({ orders: again });
      assert.equal(res.issues.length, again.length);
      const after = computeReport(ds, OPTIONS);
      assert.equal(after.kpis.orders!.value, before.kpis.orders!.value);
      assert.equal(after.kpis.revenue!.value, before.kpis.revenue!.value);
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test('huge amounts: above 2^53 reported; up to it, summed without overflow', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 6 }),
      fc.double({ min: 1e15, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
      (n, big) => {
        const orders = Array.from({ length: n }, (_, i) => ({
          id: `o${i}`,
          customerId: `c${i}`,
          time: '2025-03-02T10:00:00',
          revenue: big,
          cogs: big,
          discount: Number.MIN_VALUE,
          campaignId: '__proto__',
          channel: 'web',
        }));
        const budgets = [{ ...CAMPAIGNS[0]!, budget: Number.MIN_VALUE }, CAMPAIGNS[1]!, CAMPAIGNS[2]!];
        const costs = [{ campaignId: '__proto__', date: '2025-03-02', amount: big }];
        const report = computeReport({ campaigns: budgets, orders, costs } as never, OPTIONS);
        assertAllFinite(report);
        const ok = big <= Number.MAX_SAFE_INTEGER;
        assert.equal(report.kpis.orders!.value, ok ? n : 0);
        // Every order reported (one issue per bad field), none counted.
        const reported = new Set(report.issues.filter((i) => i.collection === 'orders').map((i) => i.index));
        assert.equal(reported.size, ok ? 0 : n);
        if (ok) close(report.kpis.revenue!.value, big * n, 'revenue');
      },
    ),
    { numRuns: 1000, seed: SEED },
  );
});
