import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvToDataset } from '../../src/adapters/index.js';
import type { LiveDataset } from '../../src/data/index.js';

/**
 * The in-place reader of order rows and the record path must build the same dataset and
 * the same issues from any file: plain rows take the first, anything unusual the second.
 */

const CAMPAIGNS = 'id,name,start,end\nC1,Tet,2025-01-01,2025-02-10\nC2,Women day,2025-03-01,2025-03-08';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const maybeQuoted = (cell: fc.Arbitrary<string>) =>
  fc.tuple(cell, fc.integer({ min: 0, max: 9 })).map(([c, q]) => (q === 0 ? quote(c) : c));

const ids = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => `O${n}`),
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.constantFrom('', ' O1', 'Đơn-1', 'O"1'),
);
const customers = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => `K${n}`),
  fc.constantFrom('', 'Khách 1', 'K1 ', '\u4e2d'),
);
const d2 = (a: number, b: number) => fc.integer({ min: a, max: b }).map((n) => String(n).padStart(2, '0'));
const times = fc.oneof(
  // Orders of one customer at one instant: the first order is the one of smaller id.
  { arbitrary: fc.constantFrom('2025-01-01T00:00:00Z', '1735689600000', '2025-01-01T07:00:00+07:00'), weight: 3 },
  fc
    .tuple(
      d2(1, 12),
      d2(1, 31),
      fc.constantFrom('T', ' '),
      d2(0, 23),
      fc.constantFrom('00', '30'),
      fc.constantFrom('', ':00', ':59', ':00.250', ':00,5'),
      fc.constantFrom('', 'Z', '+07:00', '-05:00', '+0530', '+07'),
    )
    .map(([mo, d, t, h, mi, s, z]) => `2025-${mo}-${d}${t}${h}:${mi}${s}${z}`),
  fc.integer({ min: 0, max: 20 }).map((k) => String(Date.UTC(2025, 0, 1) + k * 3_600_000)),
  fc.constantFrom('2025-03-01T10:00:00+07:00', '2025-03-01', '', 'yesterday', '-5', '12', '2025-02-30T10:00:00Z'),
  fc.constantFrom(' 2025-03-01T10:00:00Z', '2025-03-01t10:00:00z', '1735689600000.5', '99999999999999'),
  // Near the shape read at fixed positions: edges of each field, and what only looks like it.
  fc
    .tuple(
      fc.constantFrom('2025', '2024', '1900', '1899', '2299', '2300', '1969', '20x5'),
      fc.constantFrom('01', '02', '12', '00', '13'),
      fc.constantFrom('01', '28', '29', '30', '31', '00', '32'),
      fc.constantFrom('T', ' ', 't', '_'),
      fc.constantFrom('00:00:00', '23:59:59', '23:59:60', '24:00:00', '24:00:01', '12:60:00', '1:00:00', '12:00:5'),
      fc.constantFrom('Z', 'z', '+07:00', '-00:00', '+23:59', '+24:00', '-07:60', '+0700', '+07:00x', 'ZZ', ''),
    )
    .map(([y, mo, d, t, hms, z]) => `${y}-${mo}-${d}${t}${hms}${z}`),
);
const amounts = fc.oneof(
  fc.integer({ min: 0, max: 100000 }).map(String),
  fc.integer({ min: 0, max: 100000 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 100000 }).map((n) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`),
  fc.constantFrom('', '-1', '-0', '1.234,5', '1,234.5', '1 234', 'abc', '1e3', ' 7 ', '1234567890123456', '12.'),
  fc.constantFrom(
    '+5',
    '+0.5',
    '-',
    '+',
    '.',
    '.5',
    ',5',
    '5,',
    '1.2.3',
    '1,2,3',
    '0007.50',
    '123456789012345',
    '9.99999999999999',
  ),
  fc.constantFrom(
    '0.1',
    '0.3',
    '2.675',
    '1.005',
    '99999.99',
    '12345678901234.5',
    '4503599627370497',
    '9007199254740993',
  ),
);
const campaignIds = fc.constantFrom('', '', 'C1', 'C2', 'CX', 'CY', '7');
const channels = fc.constantFrom('', '', 'web', 'store', 'app', 'a;b', 'Cửa hàng');
// Attribute values: mostly absent or plain, some needing quotes, some breaking the rules (too long).
const attributeValues = fc.constantFrom('', '', '', 'Q1-01', 'HN-02', 'HCM', 'Bách hóa; tươi', ' ', 'x'.repeat(201));

type Field =
  | 'id'
  | 'customerId'
  | 'time'
  | 'revenue'
  | 'discount'
  | 'cogs'
  | 'campaignId'
  | 'channel'
  | 'Cửa hàng'
  | 'attributes.region';
const CELLS: Record<Field, fc.Arbitrary<string>> = {
  id: maybeQuoted(ids),
  customerId: maybeQuoted(customers),
  time: maybeQuoted(times),
  revenue: maybeQuoted(amounts),
  discount: maybeQuoted(amounts),
  cogs: maybeQuoted(amounts),
  campaignId: maybeQuoted(campaignIds),
  channel: maybeQuoted(channels),
  // Attribute columns: one mapped (columns.orders['attributes.store']), one found by its header.
  'Cửa hàng': maybeQuoted(attributeValues),
  'attributes.region': maybeQuoted(attributeValues),
};

/** A file: optional columns left out or in another order, an extra column, rows cut short, blank lines. */
const files = fc
  .record({
    optional: fc.subarray(['discount', 'cogs', 'campaignId', 'channel', 'Cửa hàng', 'attributes.region'] as const),
    extra: fc.boolean(),
    shuffle: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    sep: fc.constantFrom(',', ';', '\t'),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    headerCase: fc.boolean(),
    rows: fc.array(
      fc.record({
        cells: fc.record(CELLS),
        cut: fc.integer({ min: 0, max: 12 }),
        blank: fc.integer({ min: 0, max: 15 }),
      }),
      { maxLength: 60, size: 'max' },
    ),
  })
  .map((f) => {
    const cols: string[] = ['id', 'customerId', 'time', 'revenue', ...f.optional];
    if (f.extra) cols.push('note');
    const order = cols
      .map((c, i) => [c, f.shuffle[i]!] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
    const name = (c: string) => (f.headerCase && c === 'customerId' ? 'Customer ID' : c);
    const fix = (cell: string) =>
      // A separator inside an unquoted cell would shift the row: quote such cells.
      !cell.startsWith('"') && (cell.includes(f.sep) || cell.includes('\n')) ? quote(cell) : cell;
    const lines = [order.map(name).join(f.sep)];
    for (const r of f.rows) {
      const cells = order.map((c) => (c === 'note' ? 'x' : fix(r.cells[c as Field])));
      lines.push((r.cut < cells.length ? cells.slice(0, Math.max(1, r.cut)) : cells).join(f.sep));
      if (r.blank === 0) lines.push('');
    }
    return { text: (f.bom ? '\ufeff' : '') + lines.join(f.eol), sep: f.sep, hasStore: order.includes('Cửa hàng') };
  });

function snapshot(ds: LiveDataset) {
  const o = ds.orders;
  const n = o.length;
  const col = (a: ArrayLike<number>) => Array.from({ length: n }, (_, i) => a[i]);
  return {
    orders: {
      customer: col(o.customer).map((c) => ds.customers.value(c!)),
      time: col(o.time),
      day: col(o.day),
      revenue: col(o.revenue),
      discount: col(o.discount),
      cogs: col(o.cogs),
      campaign: col(o.campaign),
      channel: col(o.channel).map((c) => (c === -1 ? null : ds.channels.value(c!))),
    },
    attributes: Array.from({ length: n }, (_, row) => {
      const a = ds.attributes;
      const out: Record<string, string> = {};
      a?.names.forEach((name, k) => {
        const code = a.codes[k]![row] ?? 0;
        if (code > 0) out[name] = a.values[k]!.value(code - 1);
      });
      return out;
    }),
    customers: Array.from({ length: ds.customers.size }, (_, c) => ds.customers.value(c)),
    firstOrder: [...ds.firstOrder],
    issues: ds.issues,
  };
}

test('property: orders read in place equal the record path (values, order, issues)', () => {
  const zones = ['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York'];
  fc.assert(
    fc.property(files, fc.constantFrom(...zones), fc.constantFrom(undefined, '.', ','), (file, zone, decimal) => {
      const settings = {
        ...(decimal ? { decimal: decimal as '.' | ',' } : {}),
        columns: file.hasStore ? { orders: { 'attributes.store': 'Cửa hàng' } } : undefined,
      };
      const texts = { campaigns: CAMPAIGNS, orders: file.text };
      const fast = csvToDataset(texts, zone, settings);
      const slow = csvToDataset(texts, zone, { ...settings, inPlace: false });
      assert.deepEqual(snapshot(fast), snapshot(slow));
    }),
    { numRuns: 1000, seed: 11, endOnFailure: true },
  );
});

test('in place: a long file crosses the batch boundary with bad rows, duplicates and ties in between', () => {
  const lines = ['id;customerId;time;revenue;discount;campaignId;channel'];
  for (let i = 0; i < 2000; i++) {
    const id = i % 97 === 5 ? `O${i - 3}` : `O${i}`; // a repeat of an earlier id now and then
    const time =
      i % 13 === 0 ? '2024-12-31T10:00:00+07:00' : String(Date.UTC(2025, 0, 1) + ((i * 7919) % 5000) * 60_000);
    const revenue = i % 211 === 0 ? '"1.234,5"' : i % 307 === 0 ? 'n/a' : `${i % 1000},${i % 10}`;
    lines.push([id, `K${i % 37}`, time, revenue, i % 3 ? '1,5' : '', i % 5 ? `C${i % 4}` : '', 'web'].join(';'));
  }
  const texts = { campaigns: CAMPAIGNS, orders: lines.join('\n') };
  const fast = csvToDataset(texts, 'Asia/Ho_Chi_Minh');
  const slow = csvToDataset(texts, 'Asia/Ho_Chi_Minh', { inPlace: false });
  assert.deepEqual(snapshot(fast), snapshot(slow));
  assert.ok(fast.orders.length > 1900);
  assert.ok(fast.issues.some((i) => i.message.includes('duplicate order id')));
  assert.ok(fast.issues.some((i) => i.message.includes('unknown campaign C3')));
  // Appends after an in-place build go on from the same state.
  const more = [
    { id: 'O1', customerId: 'K1', time: 0, revenue: 1 },
    { id: 'N1', customerId: 'K1', time: Date.UTC(2024, 0, 1), revenue: 2 },
  ];
  const a = fast.append({ orders: more });
  const b = slow.append({ orders: more });
  assert.deepEqual(a, b);
  assert.deepEqual(snapshot(fast), snapshot(slow));
});

test('in place: times of the common shape, many on the same dates, equal the record path', () => {
  const lines = ['id,customerId,time,revenue'];
  // Each field at its edges, and characters just below and above the digits ('/' and ':') in each.
  const dates = ['2025-01-01', '2024-02-29', '2025-02-29', '1969-12-31', '1970-01-01', '2299-12-31', '2025-13-01'];
  dates.push('2O25-01-01', '2025-0:-01', '2025-01-/1', '202:-01-01');
  const clocks = ['00:00:00', '23:59:59', '23:59:60', '24:00:00', '12:07:33', '07:60:00', '9:00:00x'];
  clocks.push('12:00:0:', '1/:30:00', '12:3/:00', '12:00:/0');
  const zones = ['Z', 'z', '+07:00', '-05:30', '+00:00', '-23:59', '+24:00', '+07:00.5', '+0:00', '-07:/0'];
  const [d, c] = [dates.length, clocks.length];
  for (let i = 0; i < 3 * d * c * zones.length; i++) {
    const clock = clocks[Math.floor(i / d) % c];
    const time = `${dates[i % d]}${i % 11 ? 'T' : ' '}${clock}${zones[Math.floor(i / (d * c)) % zones.length]}`;
    lines.push(`O${i},K${i % 50},${time},${i % 100}.5`);
  }
  const texts = { orders: lines.join('\n') };
  for (const zone of ['UTC', 'Asia/Ho_Chi_Minh']) {
    const fast = csvToDataset(texts, zone);
    const slow = csvToDataset(texts, zone, { inPlace: false });
    assert.deepEqual(snapshot(fast), snapshot(slow));
    assert.ok(fast.orders.length > 150 && fast.issues.length > 500);
  }
});

test('in place: line numbers in parse errors count rows read in place (LF, CRLF and CR line ends)', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = [
      'id,customerId,time,revenue',
      'O1,K1,2025-01-01T00:00:00Z,1',
      'O2,K1,1735689600000,2',
      'O3,"K2,5',
    ].join(eol);
    assert.throws(
      () => csvToDataset({ orders: text }, 'UTC'),
      (e: unknown) => e instanceof Error && e.message.includes('line 4: a quoted field is never closed'),
      JSON.stringify(eol),
    );
  }
});
