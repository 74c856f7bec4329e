import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdapterError, csvToDataset, detectSeparator, parseNumberCell, readCsv } from '../../src/adapters/index.js';
import { plainNumberAt } from '../../src/adapters/csv-parse.js';

function rows(text: string, separator?: ',' | ';' | '\t'): string[][] {
  const out: string[][] = [];
  readCsv(
    text,
    (h) => out.push(h),
    (row) => out.push(Array.from({ length: row.count }, (_, i) => row.get(i))),
    separator ? { separator } : {},
  );
  return out;
}

test('readCsv: quotes, escaped quotes, separators and line breaks inside quotes, CRLF, BOM, empty lines', () => {
  assert.deepEqual(rows('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n'), [
    ['a', 'b', 'c'],
    ['1', 'x, y', 'say "hi"'],
    ['2', 'two\nlines', ''],
  ]);
  assert.deepEqual(rows('a;b\n1,5;2'), [
    ['a', 'b'],
    ['1,5', '2'],
  ]);
  assert.equal(detectSeparator('a\tb\tc\n1\t2\t3'), '\t');
  assert.equal(detectSeparator('"a;b",c,d\n'), ',');
  assert.throws(
    () => rows('a,b\n1,"open\n2,3\n'),
    (e: unknown) =>
      e instanceof AdapterError && e.kind === 'parse' && /line 2: a quoted field is never closed/.test(e.message),
  );
});

test('numbers: decimal point and decimal comma, grouping, anything else stays text', () => {
  assert.equal(parseNumberCell('1234.5', '.'), 1234.5);
  assert.equal(parseNumberCell('1,234.5', '.'), 1234.5);
  assert.equal(parseNumberCell('12,5', '.'), '12,5');
  assert.equal(parseNumberCell('1.234,5', ','), 1234.5);
  assert.equal(parseNumberCell('1 234 567,25', ','), 1234567.25);
  assert.equal(parseNumberCell('1\u00a0234,5', ','), 1234.5);
  assert.equal(parseNumberCell('12,5', ','), 12.5);
  assert.equal(parseNumberCell(' 7 ', ','), 7);
  assert.equal(parseNumberCell('1.2.3', ','), '1.2.3');
  assert.equal(parseNumberCell('abc', '.'), 'abc');
  assert.equal(parseNumberCell('', '.'), undefined);
  assert.equal(parseNumberCell('  ', '.'), undefined);
});

test('property: reading a plain number from the text equals Number()', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 999_999_999_999_999n }),
      fc.integer({ min: 0, max: 15 }),
      fc.boolean(),
      (m, k, neg) => {
        const digits = m.toString().padStart(k + 1, '0');
        const text = `${neg ? '-' : ''}${k ? `${digits.slice(0, -k)}.${digits.slice(-k)}` : digits}`;
        const v = plainNumberAt(text, 0, text.length, 46);
        if (v === v) assert.equal(v, Number(text), text);
        else assert.ok(digits.length > 15, text);
      },
    ),
    { numRuns: 20000, seed: 3 },
  );
});

test('csvToDataset: header names matched loosely, time as epoch ms or ISO, bad rows reported', () => {
  const ds = csvToDataset(
    {
      orders: [
        'ID,Customer_ID,TIME,Revenue,cogs',
        'O1,K1,1735689600000,100,60',
        'O2,K2,2025-01-01T07:00:00,"1,234.5",',
        'O3,K3,2025-01-01,-1,',
        'O1,K1,1735689600000,100,60',
      ].join('\n'),
    },
    'Asia/Ho_Chi_Minh',
  );
  assert.equal(ds.orders.length, 2);
  assert.deepEqual([...ds.orders.time.subarray(0, 2)], [1735689600000, Date.UTC(2025, 0, 1)]);
  assert.deepEqual([...ds.orders.revenue.subarray(0, 2)], [100, 1234.5]);
  assert.ok(Number.isNaN(ds.orders.cogs[1]));
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    [
      'orders[2].revenue: expected a number >= 0, got -1',
      'orders[3].id: duplicate order id "O1": the first one is kept',
    ],
  );
});

test('csvToDataset: a mapping naming a header that is not there is a parse error naming the headers', () => {
  assert.throws(
    () =>
      csvToDataset({ orders: 'Mã đơn,Khách,Lúc,Tiền\nD1,K,2025-01-01,5' }, 'UTC', {
        columns: { orders: { id: 'Mã đơn', customerId: 'Khách', time: 'Lúc', revenue: 'Doanh thu' } },
      }),
    (e: unknown) =>
      e instanceof AdapterError &&
      e.kind === 'parse' &&
      e.message ===
        'orders.csv has no column for revenue (mapped to "Doanh thu"); its headers are "Mã đơn", "Khách", "Lúc", "Tiền". Rename the headers or map them with columns.orders',
  );
  // Decomposed (NFD) headers, as some exports write them, still match a mapping typed in NFC.
  const ds = csvToDataset({ orders: 'Mã đơn,Khách,Lúc,Tiền\nD1,K,2025-01-01,5'.normalize('NFD') }, 'UTC', {
    columns: { orders: { id: 'Mã đơn', customerId: 'Khách', time: 'Lúc', revenue: 'Tiền' } },
  });
  assert.equal(ds.orders.revenue[0], 5);
});
