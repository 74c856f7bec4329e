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
import { fmtMs, gc, heapUsed, isBrowser, median, report, seeded } from './util.js';

const N = Number((globalThis as { process?: { env: Record<string, string> } }).process?.env.N ?? 1_000_000);
const CUSTOMERS = N / 5;
const label = N === 1_000_000 ? '1M' : N.toLocaleString('en');
const CAMPAIGNS = 20;
const CHANNELS = ['store', 'web', 'app', 'marketplace', 'social'];
const T0 = Date.UTC(2025, 0, 1);
const YEAR = 365 * 86_400_000;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** ISO-8601 with the +07:00 offset of a Vietnamese export. */
function iso(t: number): string {
  const d = new Date(t + 7 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}+07:00`;
}

const rngs = new Map<number, () => number>();

function generate(n: number, seed: number, idBase = 0, rng?: () => number) {
  const rnd = rng ?? seeded(seed);
  rngs.set(seed, rnd);
  const orders: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const revenue = Math.round(rnd() * 2_000_000) / 10;
    const o: Record<string, unknown> = {
      id: `ORD-${pad(idBase + i, 8)}`,
      customerId: `CUS-${pad(Math.floor(rnd() * CUSTOMERS), 6)}`,
      time: iso(T0 + Math.floor(rnd() * YEAR)),
      revenue,
      discount: Math.round(revenue * 0.1 * 10) / 10,
      cogs: Math.round(revenue * 0.6 * 10) / 10,
      campaignId: rnd() < 0.4 ? `C${Math.floor(rnd() * CAMPAIGNS)}` : undefined,
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)],
    };
    orders[i] = o;
  }
  return orders;
}

const campaigns = Array.from({ length: CAMPAIGNS }, (_, i) => ({
  id: `C${i}`,
  name: `Campaign ${i}`,
  start: '2025-01-01',
  end: '2025-12-31',
  budget: 1_000_000,
}));

/** The same orders as CSV text, generated in chunks (the object array is not kept alive). */
function toCsv(n: number, seed: number): string {
  const chunks = ['id,customerId,time,revenue,discount,cogs,campaignId,channel'];
  for (let from = 0; from < n; from += 100_000) {
    const part = generate(Math.min(100_000, n - from), seed, from, from === 0 ? undefined : rngs.get(seed));
    chunks.push(
      part
        .map(
          (o) =>
            `${o.id},${o.customerId},${o.time},${o.revenue},${o.discount},${o.cogs},${o.campaignId ?? ''},${o.channel}`,
        )
        .join('\n'),
    );
  }
  return chunks.join('\n');
}

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
