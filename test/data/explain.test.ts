import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DataIssue } from '../../src/core/issues.js';
import { COLLECTIONS, type CollectionName } from '../../src/data/records.js';
import { explainRecord, idOf } from '../../src/data/validate.js';
import { schemas, validateCollection } from '../../src/schema/index.js';

/**
 * The reference: what the kit reported before the explaining path was written by hand.
 * It runs the zod schema and turns every zod issue into a DataIssue.
 */
function zodExplain(collection: CollectionName, record: unknown, index: number): DataIssue[] {
  const r = schemas[collection].safeParse(record);
  if (r.success) return [];
  const id =
    record !== null && typeof record === 'object' && (collection === 'orders' || collection === 'campaigns')
      ? idOf((record as Record<string, unknown>).id)
      : undefined;
  return r.error.issues.map((iss) => {
    const path = iss.path.map(String).join('.');
    const issue: DataIssue = {
      collection,
      index,
      path,
      message: `${collection}[${index}]${path ? `.${path}` : ''}: ${iss.message}`,
    };
    if (id !== undefined) issue.id = id;
    return issue;
  });
}

function same(collection: CollectionName, record: unknown, index = 0): DataIssue[] {
  const ours = explainRecord(collection, record, index);
  assert.deepEqual(ours, zodExplain(collection, record, index), `${collection}: ${describe(record)}`);
  return ours;
}

function describe(v: unknown): string {
  try {
    return JSON.stringify(v, (_, x: unknown) =>
      typeof x === 'number' && !Number.isFinite(x)
        ? String(x)
        : typeof x === 'bigint'
          ? `${x}n`
          : typeof x === 'symbol' || typeof x === 'function'
            ? String(x)
            : x,
    );
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------------------------------
// Values. Good values of each kind, so a record is often valid but for one or two fields,
// and junk of every sort.

const SAFE = Number.MAX_SAFE_INTEGER;

const goodId = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: -1e6, max: 1e6 }));
const goodDate = fc
  .tuple(fc.integer({ min: 1969, max: 2151 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const goodTime = fc.oneof(
  fc.integer({ min: Date.UTC(1969, 0, 1), max: Date.UTC(2150, 0, 1) }),
  fc.integer({ min: Date.UTC(1969, 11, 1), max: Date.UTC(2151, 0, 1) }).map((t) => new Date(t).toISOString()),
  fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((t) => new Date(t).toISOString().slice(0, 19)),
  fc.constantFrom(
    '2025-03-01T10:15:00+07:00',
    '2025-03-01 10:15',
    '2025-03-01T24:00:00Z',
    '2025-02-29T10:00:00Z',
    '1970-01-01T23:59:59Z',
    '2149-06-04T23:00:00-05:00',
    ' 2025-03-01T10:15:00Z ',
  ),
);
const goodAmount = fc.oneof(
  fc.integer({ min: 0, max: 1e9 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, SAFE, SAFE + 1, SAFE + 2),
);
const goodCount = fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(0, -0, SAFE, 2 ** 53, 2 ** 60));
const goodType = fc.constantFrom('discount', 'gift', 'bundle', 'points', 'voucher', 'other', 'Discount', 'coupon');
const goodTargets = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom('roi', 'revenue', 'aov', '0', '10', 'a.b', '__proto__', 'constructor'),
      fc.oneof(fc.double(), fc.integer(), fc.constantFrom<unknown>('1', null, undefined, [], {})),
      { maxKeys: 4 },
    ),
    fc.constantFrom('none', 'symbol', 'hidden', 'bare', 'parsed'),
  )
  .map(([t, extra]) => {
    // Keys JSON never makes, and objects without the usual prototype.
    if (extra === 'symbol') return { ...t, [Symbol('k')]: 1, [Symbol('v')]: 'x' };
    if (extra === 'hidden') return Object.defineProperty({ ...t }, 'hidden', { value: 'x', enumerable: false });
    if (extra === 'bare') return Object.assign(Object.create(null) as object, t);
    if (extra === 'parsed') return JSON.parse('{"__proto__": "x", "roi": 1}') as unknown;
    return t;
  });

class Box {
  id = 'B1';
  length = 0;
}

/** Anything at all: what a broken export or a careless caller may pass. */
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom<unknown>(undefined, null, '', ' ', '0', '12,5', 'NaN', 'true', true, false),
    fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, -1, -1e-9, 1e20, -1e20, 1.5, SAFE, SAFE + 1, 2 ** 53),
    fc.constantFrom<unknown>(-SAFE, -(2 ** 53), Number.MIN_VALUE, Number.MAX_VALUE, 10n, 0n),
    fc.string({ maxLength: 8 }),
    fc.string({ minLength: 61, maxLength: 70 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom<unknown>(
      [],
      [1],
      [''],
      {},
      { length: 0 },
      { length: 3 },
      { length: null },
      { length: 'x' },
      new Date(0),
      new Map(),
      new Box(),
      Object.create(null),
      new String(''),
      new String('abc'),
      Symbol('s'),
      () => 1,
      function named(a: unknown) {
        return a;
      },
    ),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 3 }),
  ),
})).node;

/** Order attributes: good names and values, bad names, bad values, too many names. */
const attrName = fc.constantFrom('store', 'region', 'category', 'a', 'Z9_x', 'x'.repeat(32));
const badAttrName = fc.constantFrom('1store', '_x', 'x'.repeat(33), 'a-b', '', 'cửa_hàng', 'length');
const attrValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      '',
      'x'.repeat(200),
      'x'.repeat(201),
      '😀'.repeat(200),
      '😀'.repeat(201),
      null,
      undefined,
      1,
      ['a'],
    ),
  },
);
const goodAttributes = fc.oneof(
  fc.dictionary(attrName, attrValue, { maxKeys: 4 }),
  fc.dictionary(fc.oneof(attrName, badAttrName), attrValue, { maxKeys: 4 }),
  fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
    fc.string({ minLength: 1, maxLength: 3 }),
    {
      minKeys: 7,
      maxKeys: 10,
    },
  ),
  fc.constant(JSON.parse('{"__proto__": "x", "store": "Q1"}') as unknown),
);

/** A value for a field of the given kind: mostly good, sometimes junk. */
function field(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: junk });
}

const KINDS: Record<CollectionName, Record<string, fc.Arbitrary<unknown>>> = {
  campaigns: {
    id: goodId,
    name: fc.string({ maxLength: 5 }),
    start: goodDate,
    end: goodDate,
    budget: goodAmount,
    type: goodType,
    targets: goodTargets,
  },
  orders: {
    id: goodId,
    customerId: goodId,
    time: goodTime,
    revenue: goodAmount,
    discount: goodAmount,
    cogs: goodAmount,
    campaignId: goodId,
    channel: fc.string({ maxLength: 4 }),
    attributes: goodAttributes,
  },
  costs: { campaignId: goodId, date: goodDate, amount: goodAmount, category: fc.string({ maxLength: 4 }) },
  exposures: {
    campaignId: goodId,
    date: goodDate,
    impressions: goodCount,
    reach: goodCount,
    clicks: goodCount,
    engagements: goodCount,
    channel: fc.string({ maxLength: 4 }),
  },
  loyalty: {
    customerId: goodId,
    time: goodTime,
    earned: goodAmount,
    redeemed: goodAmount,
    channel: fc.string({ maxLength: 4 }),
  },
};

/** A record of the collection: its fields (some missing), extra fields, in any order. */
function recordOf(collection: CollectionName): fc.Arbitrary<unknown> {
  const fields = Object.entries(KINDS[collection]).map(([k, good]) => [k, field(good)] as const);
  const extra = fc.dictionary(fc.constantFrom('extra', 'note', 'Id', 'revenue ', 'length'), junk, { maxKeys: 2 });
  return fc
    .tuple(fc.record(Object.fromEntries(fields), { requiredKeys: [] }), extra, fc.boolean())
    .map(([rec, more, reversed]) => {
      const entries = Object.entries({ ...more, ...rec });
      return Object.fromEntries(reversed ? entries.reverse() : entries);
    });
}

test('property: the hand explainer reports exactly the issues of the zod schemas, for every collection', () => {
  for (const collection of COLLECTIONS) {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 6, arbitrary: recordOf(collection) }, { weight: 1, arbitrary: junk }),
        fc.nat(100_000),
        (record, index) => {
          same(collection, record, index);
        },
      ),
      { numRuns: 6000 },
    );
  }
});

test('property: a campaign ending before its start is reported after its other issues, unless one ends the checks', () => {
  const date = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
  const fields = KINDS.campaigns;
  const amountish = fc.oneof(goodAmount, fc.double({ min: -1e6, max: 0 }), fc.constantFrom(-1, 1e300, Infinity));
  fc.assert(
    fc.property(
      fc.record(
        {
          id: fc.oneof(fields.id!, fc.constantFrom<unknown>('', [], {}, 1.5)),
          name: fc.oneof(fields.name!, fc.constantFrom<unknown>([], { length: 0 }, 3)),
          start: date,
          end: date,
          budget: amountish,
          type: fc.oneof(goodType, fc.constantFrom<unknown>(null, '', 1)),
          targets: fc.oneof(goodTargets, fc.constantFrom<unknown>(null, [], 'roi')),
        },
        { requiredKeys: ['start', 'end'] },
      ),
      (record) => {
        same('campaigns', record);
      },
    ),
    { numRuns: 4000 },
  );
});

test('property: a valid record has no issues, and a campaign ending before its start one issue on end', () => {
  fc.assert(
    fc.property(goodId, fc.string({ minLength: 1, maxLength: 4 }), goodDate, goodDate, (id, name, start, end) => {
      const issues = same('campaigns', { id, name, start, end });
      if (issues.length > 0) assert.ok(issues.every((i) => ['start', 'end'].includes(i.path)));
    }),
    { numRuns: 2000 },
  );
});

test('the schemas finer points are reported as the schemas report them', () => {
  const order = { id: 'O1', customerId: 'K1', time: '2025-03-01T10:15:00+07:00', revenue: 100 };
  const messages = (c: CollectionName, r: unknown) => same(c, r).map((i) => i.message);

  assert.deepEqual(messages('orders', order), []);
  assert.deepEqual(messages('orders', null), ['orders[0]: expected an object, got null']);
  assert.deepEqual(messages('orders', [order]), ['orders[0]: expected an object, got a list']);
  assert.deepEqual(messages('orders', { ...order, revenue: '12,5', channel: 3 }), [
    'orders[0].revenue: expected a number >= 0, got "12,5"',
    'orders[0].channel: expected a string, got 3',
  ]);
  // A required string given an empty list: not a string, and too short.
  assert.deepEqual(messages('orders', { ...order, customerId: [] }), [
    'orders[0].customerId: expected a non-empty string, got a list',
    'orders[0].customerId: expected a non-empty string, got a list',
  ]);
  assert.deepEqual(messages('orders', { ...order, customerId: ['K'] }), [
    'orders[0].customerId: expected a non-empty string, got a list',
  ]);
  // An integer beyond the safe range: outside it, and above the maximum.
  const exposure = { campaignId: 7, date: '2025-03-01' };
  assert.deepEqual(messages('exposures', { ...exposure, clicks: 2 ** 53 }), [
    'exposures[0].clicks: expected an integer >= 0, got 9007199254740992',
    'exposures[0].clicks: expected an integer >= 0 and at most 9007199254740991 (sums of larger counts would overflow), got 9007199254740992',
  ]);
  assert.deepEqual(messages('exposures', { ...exposure, clicks: 1.5, reach: -2 }), [
    'exposures[0].reach: expected an integer >= 0, got -2',
    'exposures[0].clicks: expected an integer >= 0, got 1.5',
  ]);
  // The end is compared with the start after a range issue, not after a type issue.
  const campaign = { id: 'C1', name: 'Tet', start: '2025-03-10', end: '2025-03-01' };
  const endMessage = 'campaigns[0].end: expected a date on or after start "2025-03-10", got "2025-03-01"';
  assert.deepEqual(messages('campaigns', campaign), [endMessage]);
  assert.deepEqual(messages('campaigns', { ...campaign, budget: -1 }), [
    'campaigns[0].budget: expected a number >= 0, got -1',
    endMessage,
  ]);
  assert.deepEqual(messages('campaigns', { ...campaign, name: '' }), [
    'campaigns[0].name: expected a non-empty string, got ""',
    endMessage,
  ]);
  assert.deepEqual(messages('campaigns', { ...campaign, type: 'coupon' }), [
    'campaigns[0].type: expected one of discount, gift, bundle, points, voucher, other, got "coupon"',
  ]);
  // Targets: a plain object of finite numbers; a symbol key is a bad key.
  assert.deepEqual(messages('campaigns', { ...campaign, end: '2025-03-20', targets: { roi: NaN, aov: 1 } }), [
    'campaigns[0].targets.roi: expected a number, got NaN',
  ]);
  assert.deepEqual(messages('campaigns', { ...campaign, end: '2025-03-20', targets: new Date(0) }), [
    'campaigns[0].targets: expected an object of KPI id to number, got an object',
  ]);
  assert.deepEqual(messages('campaigns', { ...campaign, end: '2025-03-20', targets: { [Symbol('k')]: 1 } }), [
    'campaigns[0].targets.Symbol(k): expected an object of KPI id to number, got symbol',
  ]);
  // The id of an issue is the record's readable id.
  assert.deepEqual(
    same('orders', { ...order, id: 17, revenue: -1 }, 4).map((i) => [i.id, i.path]),
    [['17', 'revenue']],
  );
});

test('validateCollection (promo-kpi-kit/schema) reports what the kit reports', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...COLLECTIONS),
      fc.array(fc.oneof(recordOf('orders'), junk), { maxLength: 6 }),
      (c, records) => {
        const r = validateCollection(c, records);
        const expected = records.flatMap((rec, i) => explainRecord(c, rec, i));
        assert.deepEqual(r.issues, expected);
        assert.equal(r.valid.length, records.filter((rec) => schemas[c].safeParse(rec).success).length);
      },
    ),
    { numRuns: 500 },
  );
});
