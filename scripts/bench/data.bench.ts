/**
 * Data layer benchmark: 1M orders from CSV text into a dataset, 1M orders from JSON
 * objects into a dataset, appending 10k orders to a 1M dataset; medians over several runs,
 * and bytes held per order. Baseline, same process: zod-parse every record into an array
 * of objects (what a straightforward implementation would do). Floors, same process: what
 * any reader must spend at least (every character of the CSV text read once; every field
 * of the appended records read once), to show how far each figure is from it.
 */
import { createDataset, type LiveDataset } from '../../src/data/index.js';
import { orderSchema } from '../../src/schema/index.js';
import { csvToDataset } from '../../src/adapters/csv.js';
import { fmtMs, gc, heapUsed, isBrowser, median, report } from './util.js';
import { campaigns, generate as generateOrders, toCsv as ordersCsv } from './order-data.js';

const N = Number((globalThis as { process?: { env: Record<string, string> } }).process?.env.N ?? 1_000_000);
const CUSTOMERS = N / 5;
const label = N === 1_000_000 ? '1M' : N.toLocaleString('en');
const generate = (n: number, seed: number, idBase = 0) => generateOrders(n, seed, CUSTOMERS, idBase);
const toCsv = (n: number, seed: number) => ordersCsv(n, seed, CUSTOMERS);

/** A floor: every character of a text read once (no reader of the text can do less). */
function readChars(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

/** A floor: every field of every record read once, strings to their last character. */
function readFields(records: Record<string, unknown>[]): number {
  let sum = 0;
  const last = (v: unknown) => (typeof v === 'string' ? v.charCodeAt(v.length - 1) : 0);
  for (const o of records)
    sum +=
      last(o.id) +
      last(o.customerId) +
      last(o.time) +
      last(o.campaignId) +
      last(o.channel) +
      (o.revenue as number) +
      (o.discount as number) +
      (o.cogs as number);
  return sum;
}

/** The baseline: split lines and cells, zod-parse each record into an array of objects. */
function baselineCsv(text: string): unknown[] {
  const lines = text.split('\n');
  const keys = lines[0]!.split(',');
  const out: unknown[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    const rec: Record<string, unknown> = {};
    keys.forEach((k, j) => {
      const v = cells[j];
      rec[k] = v === '' ? undefined : ['revenue', 'discount', 'cogs'].includes(k) ? Number(v) : v;
    });
    const r = orderSchema.safeParse(rec);
    if (r.success) out.push(r.data);
  }
  return out;
}

function baselineJson(orders: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const o of orders) {
    const r = orderSchema.safeParse(o);
    if (r.success) out.push(r.data);
  }
  return out;
}

const runs = isBrowser ? 5 : 5;
const tz = 'Asia/Ho_Chi_Minh';
console.log(`generating ${N.toLocaleString('en')} orders (${CUSTOMERS.toLocaleString('en')} customers), seed 1 ...`);
const csv = toCsv(N, 1);
const campaignCsv = [
  'id,name,start,end,budget',
  ...campaigns.map((c) => `${c.id},${c.name},${c.start},${c.end},${c.budget}`),
].join('\n');
console.log(`CSV text: ${(csv.length / 1e6).toFixed(1)} MB`);

let ds: LiveDataset | undefined;

const csvMs = await median(() => {
  ds = csvToDataset({ campaigns: campaignCsv, orders: csv }, tz);
}, runs);
report(`${label} orders, CSV text -> dataset`, csvMs, 600);
if (ds!.orders.length !== N || ds!.issues.length !== 0)
  throw new Error(`CSV: ${ds!.orders.length} rows, ${ds!.issues.length} issues`);
const baseCsvMs = await median(() => baselineCsv(csv), 3, 0);
report('baseline: split + zod per record (CSV)', baseCsvMs, undefined, `ratio ${(baseCsvMs / csvMs).toFixed(1)}x`);
report('floor: every character of the CSV read once', await median(() => readChars(csv), runs));

{
  // JSON objects: generated here and released after, so later measurements run on a small heap.
  const orders = generate(N, 1);
  const jsonMs = await median(() => {
    ds = createDataset({ campaigns, orders }, { timeZone: tz });
  }, runs);
  report(`${label} orders, JSON objects -> dataset`, jsonMs);
  const baseJsonMs = await median(() => baselineJson(orders), 3, 0);
  report(
    'baseline: zod per record (JSON objects)',
    baseJsonMs,
    undefined,
    `ratio ${(baseJsonMs / jsonMs).toFixed(1)}x`,
  );
}

// Bytes held: structural count, and the heap growth of keeping one more dataset (built from
// the CSV text, which is already in memory).
gc();
const h0 = heapUsed();
const held = csvToDataset({ campaigns: campaignCsv, orders: csv }, tz);
const h1 = heapUsed();
console.log(
  `bytes held per order: ${(held.byteLength / N).toFixed(1)} (columns, dictionaries, dedupe), heap growth ${((h1 - h0) / N).toFixed(1)}  (target ≤ 60)`,
);

// Append 10k to a 1M dataset: fresh batches each run (ids continue), on the same dataset.
const batches = Array.from({ length: 8 }, (_, b) => generate(10_000, 100 + b, N + b * 10_000));
let b = 0;
const appendTimes: number[] = [];
const appendMs = await median(
  () => {
    const t = performance.now();
    held.append({ orders: batches[b++]! });
    appendTimes.push(performance.now() - t);
  },
  7,
  1,
);
report(`append 10k orders to a ${label} dataset`, appendMs, 2, `(max ${fmtMs(Math.max(...appendTimes))})`);
if (held.orders.length !== N + 80_000) throw new Error(`append: ${held.orders.length} rows`);
{
  // The floor, on batches made the same way (read after a collection, as the appends are).
  const more = Array.from({ length: 10 }, (_, i) => generate(10_000, 200 + i, 2 * N + i * 10_000));
  let m = 0;
  report('floor: every field of 10k records read once', await median(() => readFields(more[m++]!), 7, 3));
}
