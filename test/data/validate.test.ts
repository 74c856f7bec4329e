import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COLLECTIONS, createDataset, explainRecord, fieldsOf } from '../../src/data/index.js';
import { campaignSchema, orderSchema, schemas, validateCollection } from '../../src/schema/index.js';
import { readRecord, newFields } from '../../src/data/validate.js';
import { readInstant as fastIso, zoneFor } from '../../src/core/time.js';
import { referenceInstant as parseInstant } from './iso-reference.js';

/** 2025-01-01T00:00:00Z: small test times are offsets from it. */
const T0 = Date.UTC(2025, 0, 1);

const good = {
  id: 'O1',
  customerId: 'K1',
  time: '2025-03-01T10:15:00+07:00',
  revenue: 100,
  discount: 5,
  cogs: 60,
  campaignId: 'C1',
  channel: 'web',
};

/** The messages a dataset built from one bad order reports. */
function orderMessages(patch: Record<string, unknown>, drop: string[] = []): string[] {
  const rec: Record<string, unknown> = { ...good, ...patch };
  for (const k of drop) delete rec[k];
  const ds = createDataset({
    campaigns: [{ id: 'C1', name: 'Tet', start: '2025-01-01', end: '2025-12-31' }],
    orders: [good, rec],
  });
  assert.equal(ds.orders.length, 1, 'the bad record is left out, the good one kept');
  return ds.issues.map((i) => i.message);
}

test('orders: each bad field gives its own plain message with collection, index and path', () => {
  assert.deepEqual(orderMessages({ id: 'O2', revenue: '12,5' }), [
    'orders[1].revenue: expected a number >= 0, got "12,5"',
  ]);
  assert.deepEqual(orderMessages({ id: 'O2', revenue: -3 }), ['orders[1].revenue: expected a number >= 0, got -3']);
  assert.deepEqual(orderMessages({ id: 'O2', revenue: NaN }), ['orders[1].revenue: expected a number >= 0, got NaN']);
  assert.deepEqual(orderMessages({ id: 'O2' }, ['revenue']), [
    'orders[1].revenue: expected a number >= 0, got nothing',
  ]);
  assert.deepEqual(orderMessages({ id: '' }), ['orders[1].id: expected a non-empty string, got ""']);
  assert.deepEqual(orderMessages({ id: 'O2', customerId: null }), [
    'orders[1].customerId: expected a non-empty string, got null',
  ]);
  assert.match(
    orderMessages({ id: 'O2', time: '2025-02-30T10:00:00' })[0]!,
    /^orders\[1\]\.time: expected an ISO-8601 time .* got "2025-02-30T10:00:00"$/,
  );
  assert.match(
    orderMessages({ id: 'O2', time: 'yesterday' })[0]!,
    /^orders\[1\]\.time: expected .*epoch milliseconds.*, got "yesterday"$/,
  );
  assert.match(
    orderMessages({ id: 'O2', time: 1000 })[0]!,
    /^orders\[1\]\.time: expected .*between 1970-01-02 and 2149-06-04, got 1000$/,
  );
  assert.deepEqual(orderMessages({ id: 'O2', discount: -1 }), ['orders[1].discount: expected a number >= 0, got -1']);
  assert.deepEqual(orderMessages({ id: 'O2', cogs: '60' }), ['orders[1].cogs: expected a number >= 0, got "60"']);
  assert.deepEqual(orderMessages({ id: 'O2', campaignId: true }), [
    'orders[1].campaignId: expected a non-empty string, got true',
  ]);
  assert.deepEqual(orderMessages({ id: 'O2', channel: 7 }), ['orders[1].channel: expected a string, got 7']);
  assert.deepEqual(orderMessages({ id: 'O2', revenue: 'x', channel: 7 }), [
    'orders[1].revenue: expected a number >= 0, got "x"',
    'orders[1].channel: expected a string, got 7',
  ]);
});

test('orders: a record that is not an object is reported at the record path', () => {
  const ds = createDataset({ orders: [{ ...good, campaignId: null }, 42, null, 'O9'] as never[] });
  assert.deepEqual(
    ds.issues.map((i) => [i.index, i.path, i.message]),
    [
      [1, '', 'orders[1]: expected an object, got 42'],
      [2, '', 'orders[2]: expected an object, got null'],
      [3, '', 'orders[3]: expected an object, got "O9"'],
    ],
  );
  assert.equal(ds.orders.length, 1);
});

test('issues carry the record id when known', () => {
  const ds = createDataset({ orders: [{ ...good, campaignId: undefined, revenue: -1 }] });
  assert.equal(ds.issues[0]!.id, 'O1');
  assert.equal(ds.issues[0]!.collection, 'orders');
});

test('optional fields: absent, null and "" mean absent; defaults applied', () => {
  const ds = createDataset({
    orders: [
      { id: 'A', customerId: 'K', time: T0 + 0, revenue: 10 },
      {
        id: 'B',
        customerId: 'K',
        time: T0 + 1,
        revenue: 10,
        discount: null,
        cogs: null,
        campaignId: null,
        channel: '',
      },
      { id: 7, customerId: 8, time: T0 + 2, revenue: 0 },
    ],
  });
  assert.deepEqual(ds.issues, []);
  assert.equal(ds.orders.length, 3);
  assert.deepEqual([...ds.orders.discount.subarray(0, 3)], [0, 0, 0]);
  assert.ok(Number.isNaN(ds.orders.cogs[0]) && Number.isNaN(ds.orders.cogs[1]));
  assert.deepEqual([...ds.orders.campaign.subarray(0, 3)], [-1, -1, -1]);
  assert.deepEqual([...ds.orders.channel.subarray(0, 3)], [-1, -1, -1]);
  assert.equal(ds.customers.value(ds.orders.customer[2]!), '8', 'an integer id is read as its decimal string');
});

test('campaigns: required fields, real dates, start <= end, budget, type, targets, duplicates', () => {
  const base = { id: 'C1', name: 'Tet', start: '2025-01-20', end: '2025-02-10' };
  const ds = createDataset({
    campaigns: [
      { ...base, budget: 1000, type: 'discount', targets: { roi: 2 } },
      { ...base, id: 'C2', start: '2025-02-10', end: '2025-02-01' },
      { ...base, id: 'C3', start: '2025-02-30' },
      { ...base, id: 'C4', budget: -5 },
      { ...base, id: 'C5', type: 'coupon' },
      { ...base, id: 'C6', targets: { roi: 'high' } },
      { ...base, id: 'C7', name: '' },
      { ...base, name: 'again' },
    ],
  });
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    [
      'campaigns[1].end: expected a date on or after start "2025-02-10", got "2025-02-01"',
      'campaigns[2].start: expected a local date YYYY-MM-DD, got "2025-02-30"',
      'campaigns[3].budget: expected a number >= 0, got -5',
      'campaigns[4].type: expected one of discount, gift, bundle, points, voucher, other, got "coupon"',
      'campaigns[5].targets.roi: expected a number, got "high"',
      'campaigns[6].name: expected a non-empty string, got ""',
      'campaigns[7].id: duplicate campaign id "C1": the first one is kept',
    ],
  );
  assert.equal(ds.campaigns.length, 1);
  assert.deepEqual(ds.campaigns[0], {
    id: 'C1',
    name: 'Tet',
    start: 20108,
    end: 20129,
    budget: 1000,
    type: 'discount',
    targets: { roi: 2 },
  });
  assert.equal(ds.campaignIndex.get('C1'), 0);
});

test('costs, exposures and loyalty: bad fields reported, defaults applied', () => {
  const ds = createDataset({
    campaigns: [{ id: 'C1', name: 'Tet', start: '2025-01-01', end: '2025-12-31' }],
    costs: [
      { campaignId: 'C1', date: '2025-03-01', amount: 500, category: 'media' },
      { campaignId: 'C1', date: '2025-03-01', amount: '500' },
      { campaignId: 'C1', date: '01/03/2025', amount: 5 },
      { date: '2025-03-01', amount: 5 },
    ],
    exposures: [
      { campaignId: 'C1', date: '2025-03-01', impressions: 1000, clicks: 30 },
      { campaignId: 'C1', date: '2025-03-01', reach: 1.5 },
      { campaignId: 'C1', date: '2025-03-01', clicks: -1 },
    ],
    loyalty: [
      { customerId: 'K1', time: '2025-03-01T08:00:00', earned: 10, channel: 'app' },
      { customerId: 'K1', time: '2025-03-01T08:00:00', redeemed: -2 },
      { customerId: 'K1', time: 'soon' },
    ],
  });
  assert.deepEqual(
    ds.issues.map((i) => i.message.replace(/expected an ISO-8601 time.*, got/, 'expected a time, got')),
    [
      'costs[1].amount: expected a number >= 0, got "500"',
      'costs[2].date: expected a local date YYYY-MM-DD, got "01/03/2025"',
      'costs[3].campaignId: expected a non-empty string, got nothing',
      'exposures[1].reach: expected an integer >= 0, got 1.5',
      'exposures[2].clicks: expected an integer >= 0, got -1',
      'loyalty[1].redeemed: expected a number >= 0, got -2',
      'loyalty[2].time: expected a time, got "soon"',
    ],
  );
  assert.equal(ds.costs.length, 1);
  assert.equal(ds.costs.amount[0], 500);
  assert.equal(ds.costCategories.value(ds.costs.category[0]!), 'media');
  assert.equal(ds.exposures.length, 1);
  assert.deepEqual(
    [ds.exposures.impressions[0], ds.exposures.reach[0], ds.exposures.clicks[0], ds.exposures.engagements[0]],
    [1000, 0, 30, 0],
  );
  assert.equal(ds.loyalty.length, 1);
  assert.deepEqual([ds.loyalty.earned[0], ds.loyalty.redeemed[0]], [10, 0]);
  assert.equal(ds.channels.value(ds.loyalty.channel[0]!), 'app');
  assert.equal(ds.firstOrder[ds.loyalty.customer[0]!], -1, 'a loyalty-only customer has no first order');
});

test('a collection that is not a list, and an unknown time zone, are reported', () => {
  const ds = createDataset({ orders: { id: 'O1' } as never }, { timeZone: 'Mars/Olympus' });
  assert.equal(ds.timeZone, 'UTC');
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    [
      'timeZone: expected an IANA time zone such as "Asia/Ho_Chi_Minh", got "Mars/Olympus"; UTC is used',
      'orders: expected a list of records, got an object',
    ],
  );
});

test('beyond maxListedIssues, one summary counts the rest', () => {
  const orders = Array.from({ length: 10 }, (_, i) => ({ id: `O${i}`, customerId: 'K', time: T0 + i, revenue: -1 }));
  const ds = createDataset({ orders }, { maxListedIssues: 3 });
  assert.equal(ds.issues.length, 4);
  assert.equal(ds.issues[3]!.message, '7 more invalid orders are not listed (from orders[3])');
});

test('the summary of unlisted issues names the records of each collection', () => {
  const bad = Array.from({ length: 3 }, () => ({}));
  const ds = createDataset(
    { campaigns: bad, orders: bad, costs: bad, exposures: bad, loyalty: bad },
    { maxListedIssues: 1 },
  );
  assert.deepEqual(
    ds.issues.filter((i) => i.message.includes('not listed')).map((i) => i.message),
    [
      '2 more invalid campaigns are not listed (from campaigns[1])',
      '2 more invalid orders are not listed (from orders[1])',
      '2 more invalid costs are not listed (from costs[1])',
      '2 more invalid exposures are not listed (from exposures[1])',
      '2 more invalid loyalty events are not listed (from loyalty[1])',
    ],
  );
});

test('validateCollection (zod only) agrees with the dataset', () => {
  const r = validateCollection('orders', [good, { ...good, revenue: '12,5' }]);
  assert.equal(r.valid.length, 1);
  assert.deepEqual(
    r.issues.map((i) => i.message),
    ['orders[1].revenue: expected a number >= 0, got "12,5"'],
  );
  assert.deepEqual(explainRecord('orders', good, 0), []);
});

// The fast path and the zod schemas must accept exactly the same records.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom(
    '2025-03-01',
    '2025-02-30',
    '2025-03-01T10:00:00',
    '2025-03-01T10:00:00Z',
    '12,5',
    'web',
    'discount',
    'x',
  ),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant({ roi: 1 }),
  fc.constant({ roi: 'a' }),
  fc.constant([1]),
  // Objects the schemas do not take as records, and keys they skip or refuse.
  fc.constant(new Date(0)),
  fc.constant(new Map([['roi', 1]])),
  fc.constant(JSON.parse('{"__proto__": "x", "roi": 1}') as unknown),
  fc.constant({ roi: 1, [Symbol('k')]: 1 }),
  // Order attributes: valid, a bad name, a bad value, nine names, long values.
  fc.constant({ store: 'Q1-01', region: 'HCM' }),
  fc.constant({ '1store': 'x' }),
  fc.constant({ store: '' }),
  fc.constant({ store: 7 }),
  fc.constant({ a: '1', b: '1', c: '1', d: '1', e: '1', f: '1', g: '1', h: '1' }),
  fc.constant({ a: '1', b: '1', c: '1', d: '1', e: '1', f: '1', g: '1', h: '1', i: '1' }),
  fc.constant({ store: 'x'.repeat(200) }),
  fc.constant({ store: 'x'.repeat(201) }),
  fc.constant({ store: '😀'.repeat(200) }),
  fc.constant({ store: '😀'.repeat(201) }),
  fc.constant({ ['x'.repeat(32)]: 'v' }),
  fc.constant({ ['x'.repeat(33)]: 'v' }),
);

/** A list carrying a record's fields: the schemas refuse it as they refuse any list. */
function listOf(rec: unknown): unknown {
  return rec !== null && typeof rec === 'object' ? Object.assign([], rec) : rec;
}

function recordOf(keys: string[]) {
  return fc.record(Object.fromEntries(keys.map((k) => [k, anyValue])), { requiredKeys: [] });
}

test('property: fast path validity equals zod validity for every collection', () => {
  const zone = zoneFor('UTC');
  // Every field of the declaration, so a field added there is covered here at once.
  for (const name of COLLECTIONS) {
    const arb = recordOf(fieldsOf(name).map(([key]) => key));
    const out = newFields(name);
    const fast = (r: unknown) => readRecord(name, r, zone, out);
    fc.assert(
      fc.property(fc.oneof(arb, anyValue, arb.map(listOf)), (rec) => {
        const z = schemas[name].safeParse(rec).success;
        assert.equal(fast(rec), z, `${name}: ${JSON.stringify(rec)}`);
      }),
      { numRuns: 3000, seed: 42 },
    );
  }
  assert.equal(orderSchema.safeParse(good).success, true);
});

test('fast path and schemas agree on lists and odd targets of otherwise valid records', () => {
  const zone = zoneFor('UTC');
  const readCampaign = (r: unknown) => {
    const out = newFields('campaigns');
    return readRecord('campaigns', r, zone, out) ? out : null;
  };
  const valid = {
    orders: [good, (r: unknown) => readRecord('orders', r, zone, newFields('orders'))],
    campaigns: [
      { id: 'C1', name: 'Tet', start: '2025-01-01', end: '2025-01-31', targets: { roi: 2 } },
      (r: unknown) => readCampaign(r) !== null,
    ],
    costs: [
      { campaignId: 'C1', date: '2025-01-02', amount: 10 },
      (r: unknown) => readRecord('costs', r, zone, newFields('costs')),
    ],
    exposures: [
      { campaignId: 'C1', date: '2025-01-02', impressions: 10 },
      (r: unknown) => readRecord('exposures', r, zone, newFields('exposures')),
    ],
    loyalty: [
      { customerId: 'K1', time: T0, earned: 5 },
      (r: unknown) => readRecord('loyalty', r, zone, newFields('loyalty')),
    ],
  } as const;
  for (const [name, [rec, fast]] of Object.entries(valid)) {
    assert.equal(fast(rec), true, `${name}: the valid record`);
    assert.equal(schemas[name as keyof typeof valid].safeParse(rec).success, true, `${name}: schema`);
    // The same fields carried by a list: refused by both.
    const list = Object.assign([], rec);
    assert.equal(fast(list), false, `${name}: a list`);
    assert.equal(schemas[name as keyof typeof valid].safeParse(list).success, false, `${name}: schema, a list`);
  }
  const campaign = valid.campaigns[0];
  const oddTargets: [string, unknown, boolean][] = [
    ['a Date', new Date(0), false],
    ['a Map', new Map([['roi', 1]]), false],
    ['an enumerable symbol key', { roi: 1, [Symbol('k')]: 1 }, false],
    ['an own __proto__ key holding text', JSON.parse('{"__proto__": "x", "roi": 1}'), true],
    ['no prototype', Object.assign(Object.create(null), { roi: 1 }), true],
  ];
  for (const [what, targets, ok] of oddTargets) {
    const rec = { ...campaign, targets };
    assert.equal(campaignSchema.safeParse(rec).success, ok, `schema, targets ${what}`);
    assert.equal(readCampaign(rec) !== null, ok, `fast path, targets ${what}`);
    assert.equal(explainRecord('campaigns', rec, 0).length === 0, ok, `explained, targets ${what}`);
  }
  // The own __proto__ key is skipped, not kept as a target.
  assert.deepEqual(
    Object.keys(readCampaign({ ...campaign, targets: JSON.parse('{"__proto__": 1, "roi": 1}') })!.targets!),
    ['roi'],
  );
});

test('property: the fast ISO reader gives parseInstant results', () => {
  const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/London'].map(zoneFor);
  const d2 = (a: number, b: number) => fc.integer({ min: a, max: b }).map((n) => String(n).padStart(2, '0'));
  const isoLike = fc
    .tuple(
      fc.integer({ min: 1969, max: 2200 }).map(String),
      d2(0, 13),
      d2(0, 32),
      fc.constantFrom('T', ' ', 't'),
      d2(0, 25),
      d2(0, 61),
      fc.option(d2(0, 61)),
      fc.option(fc.stringMatching(/^[.,]\d{1,10}$/)),
      fc.constantFrom('', 'Z', 'z', '+07:00', '-05:00', '+0530', '+07', '+24:00', '-00:60', '+7:00', 'X'),
    )
    .map(
      ([y, mo, d, t, h, mi, s, f, z]) =>
        `${y}-${mo}-${d}${t}${h}:${mi}${s === null ? '' : `:${s}`}${s === null ? '' : (f ?? '')}${z}`,
    );
  fc.assert(
    fc.property(isoLike, fc.integer({ min: 0, max: zones.length - 1 }), (text, z) => {
      const zone = zones[z]!;
      const fast = fastIso(text, zone);
      const slow = parseInstant(text, zone);
      if (fast === fast) assert.equal(fast, slow, text);
      // The one reader declines exactly what the reference declines.
      else assert.equal(slow, null, text);
    }),
    { numRuns: 20000, seed: 7 },
  );
  // The common export shapes are read by the fast path itself.
  assert.equal(fastIso('2025-03-01T10:15:00+07:00', zones[0]!), Date.UTC(2025, 2, 1, 3, 15));
  assert.equal(fastIso('2025-03-01T10:15:00.250Z', zones[0]!), Date.UTC(2025, 2, 1, 10, 15, 0, 250));
  assert.equal(fastIso('2025-03-01 10:15', zones[1]!), Date.UTC(2025, 2, 1, 3, 15));
});
