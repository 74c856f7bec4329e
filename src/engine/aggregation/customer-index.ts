/**
 * The per-customer index of a dataset's orders: every order as a 32-byte record, grouped
 * by customer (counting sort, O(N)) and sorted by time within each customer, so a pass
 * over customers reads memory sequentially and a customer's history is a few adjacent
 * cache lines. Rows appended later go to per-customer lists (as records too); the base
 * is rebuilt when they pass half of it (amortised O(1) a row) or before a full pass.
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts).
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import type { OrderCube } from './order-cube.js';

/**
 * Orders by position, 32 bytes each, in one piece of memory: `f[4p]` time, `f[4p + 1]`
 * revenue, and through an Int32Array view of the same memory `i[8p + 4]` local day,
 * `i[8p + 5]` campaign code << 16 | channel code & 0xffff (see {@link campaignOf} and
 * {@link channelOf}), `i[8p + 6]` row. A customer's orders are then a few adjacent cache
 * lines, which is what an incremental update reads for each customer it names.
 * `next[p]`: time of the customer's next order strictly later than this one, or Infinity.
 */
export interface OrderRecs {
  f: Float64Array;
  i: Int32Array;
  next: Float64Array;
}

export const R_DAY = 4;
export const R_CC = 5;
export const R_ROW = 6;

/** New records for `n` positions (every record set the pass reads is made here: one shape). */
export function newRecs(n: number): OrderRecs {
  const f = new Float64Array(4 * n);
  return { f, i: new Int32Array(f.buffer, 0, 8 * n), next: new Float64Array(n) };
}

/** Packs a campaign code and a channel code (each -1 .. 32 767). */
export function packCC(campaign: number, channel: number): number {
  return (campaign << 16) | (channel & 0xffff);
}
export function campaignOf(cc: number): number {
  return cc >> 16;
}
export function channelOf(cc: number): number {
  return (cc << 16) >> 16;
}

/**
 * Orders grouped by customer: a base built at `baseLength` (positions `start[c] ..
 * start[c + 1]` hold customer c's orders, sorted by (time, row), so the pass over
 * customers reads memory sequentially), plus rows appended since.
 */
export interface CustomerIndex {
  recs: OrderRecs;
  /** Order rows indexed so far. */
  length: number;
  baseLength: number;
  start: Int32Array;
  /** Position of each customer's first order (as of the build), or -1. */
  firstPos: Int32Array;
  /**
   * Rows >= baseLength: their records by `row - baseLength`, and per customer a list
   * through `extraHead[c]` (its latest row, or -1) and `extraNext[row - baseLength]`.
   */
  extra: OrderRecs;
  extraHead: Int32Array;
  extraNext: Int32Array;
  extraCount: number;
  /**
   * Order sums by day, campaign and channel over the base rows (built on first use:
   * undefined until then, null when too large).
   */
  cube: OrderCube | null | undefined;
  /** The cell limit the cube was built (or refused) under. */
  cubeLimit: number;
}

export function buildIndex(ds: Dataset): CustomerIndex {
  const o = ds.orders;
  const n = o.length;
  const nc = ds.customers.size;
  const cust = o.customer;
  const start = new Int32Array(nc + 1);
  for (let i = 0; i < n; i++) start[cust[i]! + 1]!++;
  for (let c = 0; c < nc; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nc);
  const recs = newRecs(n);
  const { f, i: ii } = recs;
  const firstPos = new Int32Array(nc).fill(-1);
  const first = ds.firstOrder;
  const sDay = o.day;
  const sTime = o.time;
  const sRev = o.revenue;
  const sCamp = o.campaign;
  const sChan = o.channel;
  for (let i = 0; i < n; i++) {
    const p = fill[cust[i]!]!++;
    f[p << 2] = sTime[i]!;
    f[(p << 2) + 1] = sRev[i]!;
    ii[(p << 3) + R_DAY] = sDay[i]!;
    ii[(p << 3) + R_CC] = packCC(sCamp[i]!, sChan[i]!);
    ii[(p << 3) + R_ROW] = i;
  }
  for (let c = 0; c < nc; c++) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (b - a > 1) sortByTime(recs, a, b);
    linkNext(recs, a, b);
    const r = first[c]!;
    if (r >= 0) for (let p = a; p < b; p++) if (ii[(p << 3) + R_ROW] === r) firstPos[c] = p;
  }
  return {
    recs,
    length: n,
    baseLength: n,
    start,
    firstPos,
    extra: newRecs(0),
    extraHead: new Int32Array(nc).fill(-1),
    extraNext: new Int32Array(0),
    extraCount: 0,
    // Present from the start: adding it later would change the object's shape under
    // code already compiled for it.
    cube: undefined,
    cubeLimit: 0,
  };
}

/** Sets `next` over sorted positions `[a, b)`: the first later time, or Infinity. */
export function linkNext(recs: OrderRecs, a: number, b: number): void {
  const { f, next } = recs;
  let later = Infinity;
  for (let p = b - 1; p >= a; p--) {
    next[p] = later;
    if (p > a && f[(p - 1) << 2]! < f[p << 2]!) later = f[p << 2]!;
  }
}

/**
 * Sorts positions `[a, b)` by (time, row): insertion sort, as a customer has a handful of
 * orders. Sorted rows let the pass find "the next order after t" by looking ahead.
 */
export function sortByTime(recs: OrderRecs, a: number, b: number): void {
  const { f, i: ii } = recs;
  for (let x = a + 1; x < b; x++) {
    const t = f[x << 2]!;
    const r = ii[(x << 3) + R_ROW]!;
    let j = x - 1;
    if (f[j << 2]! < t || (f[j << 2] === t && ii[(j << 3) + R_ROW]! < r)) continue;
    const rv = f[(x << 2) + 1]!;
    const d = ii[(x << 3) + R_DAY]!;
    const cc = ii[(x << 3) + R_CC]!;
    while (j >= a && (f[j << 2]! > t || (f[j << 2] === t && ii[(j << 3) + R_ROW]! > r))) {
      moveRec(recs, j, recs, j + 1);
      j--;
    }
    f[(j + 1) << 2] = t;
    f[((j + 1) << 2) + 1] = rv;
    ii[((j + 1) << 3) + R_DAY] = d;
    ii[((j + 1) << 3) + R_CC] = cc;
    ii[((j + 1) << 3) + R_ROW] = r;
  }
}

/** Copies record `p` of `from` to record `q` of `to` (not `next`). The integers are copied as integers. */
export function moveRec(from: OrderRecs, p: number, to: OrderRecs, q: number): void {
  to.f[q << 2] = from.f[p << 2]!;
  to.f[(q << 2) + 1] = from.f[(p << 2) + 1]!;
  to.i[(q << 3) + R_DAY] = from.i[(p << 3) + R_DAY]!;
  to.i[(q << 3) + R_CC] = from.i[(p << 3) + R_CC]!;
  to.i[(q << 3) + R_ROW] = from.i[(p << 3) + R_ROW]!;
}

/** Brings the index up to the dataset's rows; rebuilds the base when appended rows pile up. */
export function updateIndex(ds: Dataset, idx: CustomerIndex | undefined): CustomerIndex {
  const n = ds.orders.length;
  if (!idx || n < idx.length) return buildIndex(ds);
  if (n === idx.length) return idx;
  if (idx.extraCount + (n - idx.length) > Math.max(4096, idx.baseLength / 2)) return buildIndex(ds);
  const cust = ds.orders.customer;
  const nc = ds.customers.size;
  if (idx.extraHead.length < nc) {
    const head = new Int32Array(Math.max(nc, idx.extraHead.length * 2)).fill(-1);
    head.set(idx.extraHead);
    idx.extraHead = head;
  }
  if (idx.extraNext.length < n - idx.baseLength) {
    const m = Math.max(n - idx.baseLength, idx.extraNext.length * 2);
    const next = new Int32Array(m);
    next.set(idx.extraNext);
    idx.extraNext = next;
    const recs = newRecs(m);
    recs.i.set(idx.extra.i);
    idx.extra = recs;
  }
  const { extraHead, extraNext } = idx;
  const { f, i: ii } = idx.extra;
  const o = ds.orders;
  for (let i = idx.length; i < n; i++) {
    const c = cust[i]!;
    const e = i - idx.baseLength;
    extraNext[e] = extraHead[c]!;
    extraHead[c] = i;
    f[e << 2] = o.time[i]!;
    f[(e << 2) + 1] = o.revenue[i]!;
    ii[(e << 3) + R_DAY] = o.day[i]!;
    ii[(e << 3) + R_CC] = packCC(o.campaign[i]!, o.channel[i]!);
    ii[(e << 3) + R_ROW] = i;
  }
  idx.extraCount += n - idx.length;
  idx.length = n;
  return idx;
}
