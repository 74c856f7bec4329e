/**
 * Record reader benchmark: the fast path reading JSON order objects (what
 * `createDataset({ orders })` does per record before it adds the row), head to head with a
 * baseline run in the same process: a reader written by hand for the order fields, field
 * by field, as the kit read orders before the record shape was declared once. Also the
 * reader compiled from the declaration alone (what reads orders when their declaration is
 * not what the named reader reads), to show what reading orders by name saves. All use
 * the same id and time readers. Runs alternate between the readers; medians of many runs.
 */
import { zoneFor, type Zone } from '../../src/core/time.js';
import { MAX_AMOUNT } from '../../src/data/records.js';
import { idOf, newFields, readCompiled, readOrderRecord, timeOf, type OrderFields } from '../../src/data/validate.js';
import { fmtMs, gc, report } from './util.js';
import { generate } from './order-data.js';

const N = Number((globalThis as { process?: { env: Record<string, string> } }).process?.env.N ?? 200_000);
const RUNS = 21;

const BAD = Symbol('bad');

/** The baseline: the order fields read by hand (the records here carry no attributes). */
function handReadOrder(record: unknown, zone: Zone, out: OrderFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const id = idOf(r.id);
  const customerId = idOf(r.customerId);
  const revenue = r.revenue;
  const discount = optAmount(r.discount, 0);
  const cogs = optAmount(r.cogs, NaN);
  const campaignId = optId(r.campaignId);
  const channel = optText(r.channel);
  const attributes = r.attributes === undefined || r.attributes === null ? undefined : BAD;
  const time = timeOf(r.time, zone);
  if (
    id === undefined ||
    customerId === undefined ||
    typeof revenue !== 'number' ||
    !(revenue >= 0 && revenue <= MAX_AMOUNT) ||
    discount < 0 ||
    cogs < 0 ||
    campaignId === BAD ||
    channel === BAD ||
    attributes === BAD ||
    time !== time
  )
    return false;
  out.id = id;
  out.customerId = customerId;
  out.time = time;
  out.revenue = revenue;
  out.discount = discount;
  out.cogs = cogs;
  out.campaignId = campaignId;
  out.channel = channel;
  out.attributes = attributes;
  return true;
}

function optId(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return idOf(v) ?? BAD;
}

function optText(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : BAD;
}

function optAmount(v: unknown, absent: number): number {
  if (v === undefined || v === null) return absent;
  return typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT ? v : -1;
}

type Reader = (record: unknown, zone: Zone, out: OrderFields) => boolean;

/** Reads every record; a checksum of what was read, so no work can be skipped. */
function readAll(read: Reader, records: readonly unknown[], zone: Zone, out: OrderFields): number {
  let sum = 0;
  for (let i = 0; i < records.length; i++)
    if (read(records[i], zone, out)) sum += out.time + out.revenue + out.id.length + (out.channel?.length ?? 0);
  return sum;
}

const zone = zoneFor('Asia/Ho_Chi_Minh');
const readers = {
  fast: readOrderRecord,
  compiled: (r, z, out) => readCompiled('orders', r, z, out),
  hand: handReadOrder,
} satisfies Record<string, Reader>;
type Name = keyof typeof readers;
const names = Object.keys(readers) as Name[];
const records = generate(N, 1, N / 5);
// A few bad records among them: every reader must reject the same ones.
for (let i = 0; i < N; i += 1000) records[i] = { ...records[i], revenue: i % 2000 === 0 ? '12,5' : -1 };

const outs = Object.fromEntries(names.map((n) => [n, newFields('orders')])) as Record<Name, OrderFields>;
const sums = names.map((n) => readAll(readers[n], records, zone, outs[n]));
if (new Set(sums).size !== 1) throw new Error(`the readers disagree: ${sums.join(' vs ')}`);

const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
for (let run = 0; run < RUNS + 2; run++) {
  // A different reader first each run, so none always runs on a freshly collected heap.
  for (let k = 0; k < names.length; k++) {
    const name = names[(run + k) % names.length]!;
    gc();
    const t = performance.now();
    readAll(readers[name], records, zone, outs[name]);
    if (run >= 2) times[name].push(performance.now() - t);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [fast, compiled, hand] = names.map((n) => med(times[n])) as [number, number, number];
console.log(`${N.toLocaleString('en')} JSON orders read, median of ${RUNS} runs:`);
report(
  'fast path (readOrderRecord, as the dataset reads orders)',
  fast,
  undefined,
  `${fmtMs((fast / N) * 1e6)} per 1M`,
);
report('compiled from the declaration alone', compiled, undefined, `${(compiled / hand).toFixed(2)}x hand-written`);
report('baseline: order fields read by hand', hand);
console.log(`ratio fast path / hand-written: ${(fast / hand).toFixed(2)}x  (target ≤ 1.10x)`);
