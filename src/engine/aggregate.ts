/**
 * Aggregation over the columnar dataset: the {@link Aggregates} of a report, and an
 * appended batch updates them in time proportional to the batch.
 *
 * The aggregates split in two parts:
 *  - Sums over orders (revenue, orders, discounts, cogs per scope, period, day and
 *    channel; the revenue of all orders; pacing): each order adds its own. A full pass
 *    reads them from an order cube, sums by (day, campaign, channel) built once per
 *    customer index, so a report only visits the cells of its days; without a cube (too
 *    many cells, or custom order measures) and for appended rows they are summed row by
 *    row.
 *  - Per-customer contributions: distinct counts (buyers per scope, per day, per
 *    channel, per breakdown value), repeat buyers, retention (needs the customer's other
 *    orders), new customers (needs the customer's first order), cohorts, recency,
 *    re-activation (their last order before the period, and whether they came back) and
 *    the orders of members (needs the customer's first loyalty day). Orders are
 *    visited customer by customer over a per-customer index built once per dataset
 *    (counting sort, O(N)) and cached on it (WeakMap keyed by the dataset, checked against
 *    its row counts on every call): each customer's rows sorted by time, as 32-byte
 *    records of what the pass reads, so the pass reads memory sequentially and a
 *    customer's history is a few adjacent cache lines. Appended rows go to per-customer
 *    lists (as records too); the base is rebuilt when they pass half of it (amortised
 *    O(1) a row) or before a full pass.
 *  Costs, exposures and loyalty events are plain sums over their rows (active members:
 *  a per-customer bit per period, set once). Attribute filters are one pass flag per order
 *  row, extended as rows arrive; with filters the order sums are read row by row.
 *  Per-option state (the accumulators) is cached per dataset too, for up to
 *  {@link MAX_STATES} option sets.
 *
 * Incremental update (same options, dataset appended to): an appended order adds its own
 * sums and can only change the contribution of its own customer (their first order,
 * their retention, their cohort, their recency...). So an update adds the sums of the new
 * rows, subtracts the old contribution of each customer named in the batch (over their
 * rows before the batch, with their first order before the batch; computed into a zeroed
 * state of the same options, then subtracted), adds their new one,
 * and adds the new cost, exposure and loyalty rows. Customers whose first loyalty day moves
 * earlier in the batch are revisited the same way (their membership may change the member
 * share of their orders). Every part of the report is updated
 * this way, with work proportional to the batch plus the order history of the customers
 * it names. Falls back to a full pass:
 *  - for options not seen before (or evicted): there is nothing to update;
 *  - when the campaigns changed (a campaign added or its dates/budget changed): campaign
 *    codes, the selection and the pacing windows shape every accumulator;
 *  - when the KPI registry changed: the custom measures are different columns;
 *  - when a collection has fewer rows than counted (not an append);
 *  - when the batch holds more than {@link LARGE_BATCH} of the orders already counted and
 *    more than {@link LARGE_BATCH_MIN} orders (a
 *    full pass is then cheaper than revisiting the customers it names).
 * With non-integer amounts, sums added in another order (cells, rows, customers) can
 * differ in the last bits of a float (about 1e-16 relative); counts are exact.
 *
 * DOM-free.
 */
import type { CampaignRecord, Dataset } from '../data/columns.js';
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type CohortAggregate,
  type DailyAggregate,
  type GroupAggregate,
  type PacingInput,
  type ReactivationAggregate,
  type ResolvedOptions,
  type ScopeMeasures,
} from './aggregates.js';
import {
  emptyMeasures,
  listKpis,
  onKpiRegistryChange,
  type CostView,
  type CustomMeasure,
  type ExposureView,
  type LoyaltyView,
  type Measures,
  type OrderView,
} from './kpis.js';
import { returnWindowMs } from './options.js';
import { formatDay, formatMonth, monthIndex, monthStart, weekStart } from '../core/time.js';
import type { DataIssue } from '../core/issues.js';
import type { RecencyRow } from './report-types.js';

// ---------------------------------------------------------------------------------------
// Per-customer row index, cached on the dataset.

/**
 * Orders by position, 32 bytes each, in one piece of memory: `f[4p]` time, `f[4p + 1]`
 * revenue, and through an Int32Array view of the same memory `i[8p + 4]` local day,
 * `i[8p + 5]` campaign code << 16 | channel code & 0xffff (see {@link campaignOf} and
 * {@link channelOf}), `i[8p + 6]` row. A customer's orders are then a few adjacent cache
 * lines, which is what an incremental update reads for each customer it names.
 * `next[p]`: time of the customer's next order strictly later than this one, or Infinity.
 */
interface OrderRecs {
  f: Float64Array;
  i: Int32Array;
  next: Float64Array;
}

const R_DAY = 4;
const R_CC = 5;
const R_ROW = 6;

/** New records for `n` positions (every record set the pass reads is made here: one shape). */
function newRecs(n: number): OrderRecs {
  const f = new Float64Array(4 * n);
  return { f, i: new Int32Array(f.buffer, 0, 8 * n), next: new Float64Array(n) };
}

/** Packs a campaign code and a channel code (each -1 .. 32 767). */
function packCC(campaign: number, channel: number): number {
  return (campaign << 16) | (channel & 0xffff);
}
function campaignOf(cc: number): number {
  return cc >> 16;
}
function channelOf(cc: number): number {
  return (cc << 16) >> 16;
}

/**
 * Orders grouped by customer: a base built at `baseLength` (positions `start[c] ..
 * start[c + 1]` hold customer c's orders, sorted by (time, row), so the pass over
 * customers reads memory sequentially), plus rows appended since.
 */
interface CustomerIndex {
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
}

function buildIndex(ds: Dataset): CustomerIndex {
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
  };
}

/** Sets `next` over sorted positions `[a, b)`: the first later time, or Infinity. */
function linkNext(recs: OrderRecs, a: number, b: number): void {
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
function sortByTime(recs: OrderRecs, a: number, b: number): void {
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
function moveRec(from: OrderRecs, p: number, to: OrderRecs, q: number): void {
  to.f[q << 2] = from.f[p << 2]!;
  to.f[(q << 2) + 1] = from.f[(p << 2) + 1]!;
  to.i[(q << 3) + R_DAY] = from.i[(p << 3) + R_DAY]!;
  to.i[(q << 3) + R_CC] = from.i[(p << 3) + R_CC]!;
  to.i[(q << 3) + R_ROW] = from.i[(p << 3) + R_ROW]!;
}

/** Brings the index up to the dataset's rows; rebuilds the base when appended rows pile up. */
function updateIndex(ds: Dataset, idx: CustomerIndex | undefined): CustomerIndex {
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

/** Records of a set of customers, customer after customer (`start[j] .. start[j + 1]` for the j-th). */
interface RecSet {
  recs: OrderRecs;
  start: Int32Array;
  /** Position of each customer's first order, or -1. */
  first: Int32Array;
}

function newRecSet(rows: number, customers: number): RecSet {
  return { recs: newRecs(rows), start: new Int32Array(customers + 1), first: new Int32Array(customers) };
}

/**
 * The orders of the customers named by a batch, for an incremental update, in two sets:
 * `all` their rows up to the batch's end, `old` their rows before the batch. Each sorted
 * by (time, row) and linked to the next later time.
 *
 * The work is done customer by customer in small methods: called thousands of times in
 * the first update, they are compiled early (one long loop would wait to be compiled
 * in the middle of a later update).
 */
class Gathered {
  all = newRecSet(256, 64);
  old = newRecSet(256, 64);
  /** Where each customer's rows are: base positions `from[j] .. to[j]`, then the list from `head[j]`. */
  from = new Int32Array(64);
  to = new Int32Array(64);
  head = new Int32Array(64);
  /** Not used: keeps the reads that bring each customer's records into the cache. */
  touched = 0;
  /** Rows gathered so far into `all` and `old`. */
  k = 0;
  q = 0;

  gather(
    idx: CustomerIndex,
    list: Int32Array,
    count: number,
    limit: number,
    split: number,
    firstNow: Int32Array,
    firstBefore: Int32Array,
  ): void {
    if (count >= this.from.length) {
      const m = Math.max(count + 1, this.from.length * 2);
      this.from = new Int32Array(m);
      this.to = new Int32Array(m);
      this.head = new Int32Array(m);
      this.all = newRecSet(this.all.recs.next.length, m);
      this.old = newRecSet(this.old.recs.next.length, m);
    }
    // First where each customer's rows are (and a read of their first and last record,
    // so that their memory is on its way), then the rows: the loads of the first step do
    // not wait for each other, so their cache misses overlap.
    let total = 0;
    this.touched = 0;
    for (let j = 0; j < count; j++) total += this.locate(idx, j, list[j]!);
    if (total > this.all.recs.next.length) {
      this.all = newRecSet(Math.max(total, this.all.recs.next.length * 2), this.from.length);
      this.old = newRecSet(Math.max(total, this.old.recs.next.length * 2), this.from.length);
    }
    this.k = 0;
    this.q = 0;
    for (let j = 0; j < count; j++) this.gatherOne(idx, j, list[j]!, limit, split, firstNow, firstBefore);
    this.all.start[count] = this.k;
    this.old.start[count] = this.q;
  }

  /** Finds where customer c's rows are; returns how many. */
  private locate(idx: CustomerIndex, j: number, c: number): number {
    const inBase = c < idx.start.length - 1;
    const p0 = inBase ? idx.start[c]! : 0;
    const p1 = inBase ? idx.start[c + 1]! : 0;
    this.from[j] = p0;
    this.to[j] = p1;
    const ii = idx.recs.i;
    if (p1 > p0) this.touched ^= ii[(p0 << 3) + R_ROW]! ^ ii[((p1 - 1) << 3) + R_ROW]!;
    const h = c < idx.extraHead.length ? idx.extraHead[c]! : -1;
    this.head[j] = h;
    let n = p1 - p0;
    for (let r = h; r >= 0; r = idx.extraNext[r - idx.baseLength]!) n++;
    return n;
  }

  /** Gathers the j-th customer (c) into both sets. */
  private gatherOne(
    idx: CustomerIndex,
    j: number,
    c: number,
    limit: number,
    split: number,
    firstNow: Int32Array,
    firstBefore: Int32Array,
  ): void {
    const all = this.all.recs;
    const old = this.old.recs;
    const src = idx.recs;
    const k0 = this.k;
    let k = k0;
    const p1 = this.to[j]!;
    for (let p = this.from[j]!; p < p1; p++) {
      if (src.i[(p << 3) + R_ROW]! >= limit) continue;
      moveRec(src, p, all, k++);
    }
    const baseLength = idx.baseLength;
    for (let r = this.head[j]!; r >= 0; r = idx.extraNext[r - baseLength]!) {
      if (r >= limit) continue;
      moveRec(idx.extra, r - baseLength, all, k++);
    }
    if (k - k0 > 1) sortByTime(all, k0, k);
    linkNext(all, k0, k);
    // The rows before the batch, in the same order.
    const fNow = c < firstNow.length ? firstNow[c]! : -1;
    const fBefore = c < firstBefore.length ? firstBefore[c]! : -1;
    const q0 = this.q;
    let q = q0;
    let atNow = -1;
    let atBefore = -1;
    for (let p = k0; p < k; p++) {
      const r = all.i[(p << 3) + R_ROW]!;
      if (r === fNow) atNow = p;
      if (r >= split) continue;
      if (r === fBefore) atBefore = q;
      moveRec(all, p, old, q++);
    }
    linkNext(old, q0, q);
    this.all.start[j] = k0;
    this.all.first[j] = atNow;
    this.old.start[j] = q0;
    this.old.first[j] = atBefore;
    this.k = k;
    this.q = q;
  }
}

// ---------------------------------------------------------------------------------------
// Accumulator layout.

const REV = 0;
const ORD = 1;
const BUY = 2;
const DISC = 3;
const SPEND = 4;
const COGS = 5;
const MISS = 6;
const ALLREV = 7;
const IMP = 8;
const REACH = 9;
const CLK = 10;
const ENG = 11;
const EXPN = 12;
const NEW = 13;
const REP = 14;
const RET = 15;
const PE = 16;
const PR = 17;
/** Orders of O. */
const ALLORD = 18;
/** Customers who are members at the period's end (whole selection). */
const MEM = 19;
/** Distinct customers of the period's loyalty events passing the channel filter. */
const ACTM = 20;
/** Revenue and orders of O of members at the period's end. */
const MREV = 21;
const MORD = 22;
/** Earned and redeemed over all loyalty events up to the period's end. */
const POE = 23;
const POR = 24;
const BASE_FIELDS = 25;

interface CustomSpec {
  name: string;
  measure: CustomMeasure;
}

/** Everything needed to update the aggregates of one set of options. */
interface State {
  key: string;
  o: ResolvedOptions;
  registryGeneration: number;
  campaigns: readonly CampaignRecord[];
  /** Rows of each collection already counted. */
  ordersLen: number;
  costsLen: number;
  exposuresLen: number;
  loyaltyLen: number;
  /** Each customer's first order row as last counted. */
  firstOrder: Int32Array;
  custom: CustomSpec[];
  F: number;
  /** Selected campaign codes, in campaign order; selPos[code] = position or -1. */
  sel: number[];
  selPos: Int32Array;
  /** Campaign filter given (cohorts keep only customers whose first order is attributed to a selected campaign). */
  campaignFilter: boolean;
  /** chPass[code + 1]: the channel passes the filter (index 0: no channel). */
  chPass: Uint8Array;
  /**
   * Attribute filters: per order row, 1 when it passes them all (rows `0 .. rowPassLen`);
   * null without filters. With the channel filter it decides O and A.
   */
  rowPass: Uint8Array | null;
  rowPassLen: number;
  /** Breakdowns: per name of `o.breakdowns`, sums by value code over A in P. */
  breakdowns: BreakdownAcc[];
  /**
   * Each customer's first loyalty day (NO_DAY when none): members at a day D are those with
   * a day <= D. The dataset's shared array (see {@link loyaltyFirstOf}): the days as this
   * state counted them are it, undone by the changes logged since `loyaltyLen`.
   */
  memberDay: Int32Array;
  /** Per customer: bit 0 active (a loyalty event passing the channel filter) in P, bit 1 in P'. */
  activeBits: Uint8Array;
  /** Loyalty events of P passing the channel filter, by channel code: earned, redeemed, count. */
  lyChE: Float64Array;
  lyChR: Float64Array;
  lyChN: Float64Array;
  acc: Float64Array;
  // daily
  dRev: Float64Array;
  dOrd: Float64Array;
  dBuy: Float64Array;
  dDisc: Float64Array;
  dSpend: Float64Array;
  dAll: Float64Array;
  dCampRev: Float64Array;
  dCampOrd: Float64Array;
  dayStamp: Int32Array;
  // channels
  chRev: Float64Array;
  chOrd: Float64Array;
  chBuy: Float64Array;
  chStamp: Int32Array;
  // cohorts
  bFrom: number;
  nb: number;
  /** First day covered by `bucketOfDay`; `bucketOfDay[d - tableStart]` = bucket - bFrom. */
  tableStart: number;
  bucketOfDay: Int32Array;
  cSize: Float64Array;
  cActive: Float64Array;
  cRev: Float64Array;
  bucketStamp: Int32Array;
  // recency
  /** Gaps counted by day: 0 .. gaps - 1, the last slot holds that many or more (the last bound + 1). */
  gaps: number;
  /**
   * Customers and their revenue in P by days since their last order, `g` days at `2g`
   * and `2g + 1` (g = 0 .. gaps - 1, the last: that many or more).
   */
  gapCust: Float64Array;
  gapRev: Float64Array;
  /**
   * Re-activation by days from the last order on or before the day before `from`
   * (g = 0 .. gaps - 1, as recency): customers, returned (with an order in A), their
   * orders and revenue in A.
   */
  reCust: Float64Array;
  reRet: Float64Array;
  reOrd: Float64Array;
  reRev: Float64Array;
  // pacing, by campaign code (only selected campaigns with a budget)
  pActive: Uint8Array;
  /** Indexed by campaign code + 1 (slot 0, no campaign, has an empty window). */
  pFrom: Int32Array;
  pTo: Int32Array;
  pSpent: Float64Array;
  pRev: Float64Array;
  // per-customer scratch
  /** Return window in ms. */
  windowMs: number;
  /** For incremental updates: a state of the same options the old contributions go to (null until needed). */
  old: State | null;
  /**
   * `gen[0]`: the stamp of the last customer visited. In an array, not a field: a field
   * first written after code reading it was compiled would throw that code away.
   */
  gen: Int32Array;
  sCnt: Int32Array;
  /** Position of each touched scope's first attributed row. */
  sAt: Int32Array;
  touched: Int32Array;
  issues: DataIssue[];
}

/** Sums over A in P by value of one breakdown attribute. */
interface BreakdownAcc {
  name: string;
  /** Index of the name in the dataset's attributes, or -1 while no order has it. */
  k: number;
  /** Its column of codes + 1 (empty while unknown; refreshed before each pass, as columns grow). */
  col: Int32Array;
  rev: Float64Array;
  ord: Float64Array;
  buy: Float64Array;
  stamp: Int32Array;
}

/** A day after every day the dataset holds: "no loyalty event". */
const NO_DAY = 0x7fffffff;

/**
 * Each customer's first loyalty day over the loyalty rows `0 .. length`, and a log of the
 * changes made by rows after the first computation: (row, customer, day before), so a state
 * counted at fewer rows can tell which customers' membership moved since, and from what.
 */
interface LoyaltyFirst {
  /** Whether `day` was computed once (rows after it are logged). */
  computed: boolean;
  length: number;
  day: Int32Array;
  logRow: number[];
  logCustomer: number[];
  logDay: number[];
}

interface EngineCache {
  index?: CustomerIndex;
  loyaltyFirst?: LoyaltyFirst;
  states: Map<string, State>;
}

const caches = new WeakMap<Dataset, EngineCache>();
/**
 * Appended orders beyond this fraction of the orders already counted are aggregated by a
 * full pass: each appended order costs two visits of its customer's history (old and new
 * contribution), at random places in memory, while a full pass reads everything once in
 * order.
 */
export const LARGE_BATCH = 1 / 16;
/** Batches up to this many orders are always incremental. */
export const LARGE_BATCH_MIN = 4096;

/** Option sets whose accumulators are kept per dataset. */
export const MAX_STATES = 4;

let registryGeneration = 0;
onKpiRegistryChange(() => {
  registryGeneration++;
});

function cacheOf(ds: Dataset): EngineCache {
  let c = caches.get(ds);
  if (!c) {
    c = { states: new Map() };
    caches.set(ds, c);
  }
  return c;
}

/**
 * Each customer's first loyalty day (NO_DAY when none), brought up to the dataset's
 * loyalty rows (a local day is a non-decreasing function of the time, so the earliest
 * event's day is the smallest day).
 */
function loyaltyFirstOf(ds: Dataset): LoyaltyFirst {
  const c = cacheOf(ds);
  const ly = ds.loyalty;
  const nc = ds.customers.size;
  let lf = c.loyaltyFirst;
  if (!lf || ly.length < lf.length)
    lf = c.loyaltyFirst = {
      computed: false,
      length: 0,
      day: new Int32Array(nc).fill(NO_DAY),
      logRow: [],
      logCustomer: [],
      logDay: [],
    };
  if (lf.day.length < nc) {
    const d = new Int32Array(Math.max(nc, Math.ceil(lf.day.length * 1.5))).fill(NO_DAY);
    d.set(lf.day);
    lf.day = d;
  }
  const day = lf.day;
  const cust = ly.customer;
  const lday = ly.day;
  const log = lf.computed;
  for (let i = lf.length; i < ly.length; i++) {
    const cc = cust[i]!;
    if (lday[i]! >= day[cc]!) continue;
    if (log) {
      lf.logRow.push(i);
      lf.logCustomer.push(cc);
      lf.logDay.push(day[cc]!);
    }
    day[cc] = lday[i]!;
  }
  lf.length = ly.length;
  lf.computed = true;
  return lf;
}

/**
 * Extends the attribute filter's pass per order row to the dataset's rows. A row's
 * attributes never change, and a value added to a dictionary later is on no earlier row,
 * so rows counted before keep their answer.
 */
function extendRowPass(ds: Dataset, s: State): void {
  const filters = s.o.filters;
  if (filters === null) return;
  const n = ds.orders.length;
  if (s.rowPass === null || s.rowPass.length < n) {
    const next = new Uint8Array(Math.max(n, Math.ceil((s.rowPass?.length ?? 0) * 1.5)));
    if (s.rowPass) next.set(s.rowPass.subarray(0, s.rowPassLen));
    s.rowPass = next;
  }
  filterRows(ds, filters, s.rowPassLen, n, s.rowPass);
  s.rowPassLen = n;
}

/**
 * Sets `pass[i]` for order rows `from .. to - 1`: 1 when the row passes every attribute
 * filter (it has each named attribute, with a value in the list), else 0.
 */
export function filterRows(
  ds: Dataset,
  filters: Record<string, string[]>,
  from: number,
  to: number,
  pass: Uint8Array,
): void {
  pass.fill(1, from, to);
  const attrs = ds.attributes;
  for (const name of Object.keys(filters)) {
    const k = attrs ? attrs.names.indexOf(name) : -1;
    if (k < 0) {
      pass.fill(0, from, to);
      continue;
    }
    const dict = attrs!.values[k]!;
    // allowed[code + 1]; slot 0 (the order lacks the attribute) fails.
    const allowed = new Uint8Array(dict.size + 1);
    for (const v of filters[name]!) {
      const code = dict.code(v);
      if (code >= 0) allowed[code + 1] = 1;
    }
    const col = attrs!.codes[k]!;
    for (let i = from; i < to; i++) if (i >= col.length || allowed[col[i]!] !== 1) pass[i] = 0;
  }
}

/** Sizes the breakdown sums to the attribute dictionaries (names may appear in later rows). */
function syncBreakdowns(ds: Dataset, s: State): void {
  const attrs = ds.attributes;
  for (const b of s.breakdowns) {
    if (b.k < 0) b.k = attrs ? attrs.names.indexOf(b.name) : -1;
    if (b.k < 0) continue;
    b.col = attrs!.codes[b.k]!;
    const n = attrs!.values[b.k]!.size;
    if (b.rev.length >= n) continue;
    const m = Math.max(n, Math.ceil(b.rev.length * 1.5));
    b.rev = grow(b.rev, m);
    b.ord = grow(b.ord, m);
    b.buy = grow(b.buy, m);
    const st = new Int32Array(m);
    st.set(b.stamp);
    b.stamp = st;
  }
}

/** The per-customer index of a dataset (built or extended as needed, cached by dataset version). */
function indexOf(ds: Dataset): CustomerIndex {
  const c = cacheOf(ds);
  c.index = updateIndex(ds, c.index);
  return c.index;
}

function customSpecs(): CustomSpec[] {
  const out: CustomSpec[] = [];
  const seen = new Set<string>();
  for (const def of listKpis()) {
    for (const [name, measure] of Object.entries(def.measures ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, measure });
    }
  }
  return out;
}

function bucketOf(grain: 'month' | 'week', day: number): number {
  return grain === 'month' ? monthIndex(day) : (weekStart(day) - 4) / 7;
}
function bucketFirstDay(grain: 'month' | 'week', b: number): number {
  return grain === 'month' ? monthStart(b) : b * 7 + 4;
}
function bucketLabel(grain: 'month' | 'week', b: number): string {
  return grain === 'month' ? formatMonth(b) : formatDay(b * 7 + 4);
}

function optionsKey(o: ResolvedOptions): string {
  const { issues: _issues, ...rest } = o;
  return JSON.stringify(rest);
}

function newState(ds: Dataset, o: ResolvedOptions): State {
  const campaigns = ds.campaigns;
  const nCamp = campaigns.length;
  const issues: DataIssue[] = [];
  const selPos = new Int32Array(nCamp).fill(-1);
  const sel: number[] = [];
  if (o.campaignIds === null) {
    for (let c = 0; c < nCamp; c++) {
      selPos[c] = sel.length;
      sel.push(c);
    }
  } else {
    const wanted = new Set<number>();
    o.campaignIds.forEach((id, i) => {
      const code = ds.campaignIndex.get(id);
      if (code === undefined)
        issues.push({
          collection: 'options',
          index: 0,
          path: `campaignIds[${i}]`,
          message: `campaignIds[${i}]: no campaign has id ${JSON.stringify(id)}`,
        });
      else wanted.add(code);
    });
    for (let c = 0; c < nCamp; c++)
      if (wanted.has(c)) {
        selPos[c] = sel.length;
        sel.push(c);
      }
  }
  const S = sel.length;
  const custom = customSpecs();
  const F = BASE_FIELDS + custom.length;
  const days = o.days;
  const grain = o.cohortGrain;
  const bFrom = bucketOf(grain, o.fromDay);
  const bTo = bucketOf(grain, o.toDay);
  const nb = bTo - bFrom + 1;
  const tableStart = bucketFirstDay(grain, bFrom);
  const tableEnd = bucketFirstDay(grain, bTo + 1) - 1;
  const bucketOfDay = new Int32Array(tableEnd - tableStart + 1);
  for (let d = tableStart; d <= tableEnd; d++) bucketOfDay[d - tableStart] = bucketOf(grain, d) - bFrom;

  const pActive = new Uint8Array(nCamp);
  // Pacing window per campaign code; empty (from > to) when the campaign has no pacing.
  // Bounds far outside any day, so that `d - pFrom` and `pTo - d` stay 32-bit integers.
  const pFrom = new Int32Array(nCamp + 1).fill(1 << 30);
  const pTo = new Int32Array(nCamp + 1).fill(-(1 << 30));
  for (const c of sel) {
    const cp = campaigns[c]!;
    if (cp.budget === null || cp.budget === undefined) continue;
    pActive[c] = 1;
    pFrom[c + 1] = cp.start;
    pTo[c + 1] = Math.min(o.asOfDay, cp.end);
  }

  const gaps = o.recencyBounds[o.recencyBounds.length - 1]! + 2;
  const s: State = {
    key: optionsKey(o),
    o,
    registryGeneration,
    campaigns: campaigns.map((c) => ({ ...c })),
    ordersLen: 0,
    costsLen: 0,
    exposuresLen: 0,
    loyaltyLen: 0,
    firstOrder: new Int32Array(0),
    custom,
    F,
    sel,
    selPos,
    campaignFilter: o.campaignIds !== null,
    chPass: new Uint8Array(0),
    rowPass: null,
    rowPassLen: 0,
    breakdowns: o.breakdowns.map((name) => ({
      name,
      k: -1,
      col: new Int32Array(0),
      rev: new Float64Array(0),
      ord: new Float64Array(0),
      buy: new Float64Array(0),
      stamp: new Int32Array(0),
    })),
    memberDay: new Int32Array(0),
    activeBits: new Uint8Array(0),
    lyChE: new Float64Array(0),
    lyChR: new Float64Array(0),
    lyChN: new Float64Array(0),
    acc: new Float64Array((1 + S) * 2 * F),
    dRev: new Float64Array(days),
    dOrd: new Float64Array(days),
    dBuy: new Float64Array(days),
    dDisc: new Float64Array(days),
    dSpend: new Float64Array(days),
    dAll: new Float64Array(days),
    dCampRev: new Float64Array(days * S),
    dCampOrd: new Float64Array(days * S),
    dayStamp: new Int32Array(days),
    chRev: new Float64Array(0),
    chOrd: new Float64Array(0),
    chBuy: new Float64Array(0),
    chStamp: new Int32Array(0),
    bFrom,
    nb,
    tableStart,
    bucketOfDay,
    cSize: new Float64Array(nb),
    cActive: new Float64Array(nb * nb),
    cRev: new Float64Array(nb * nb),
    bucketStamp: new Int32Array(nb),
    gaps,
    gapCust: new Float64Array(gaps * 2),
    gapRev: new Float64Array(gaps * 2),
    reCust: new Float64Array(gaps),
    reRet: new Float64Array(gaps),
    reOrd: new Float64Array(gaps),
    reRev: new Float64Array(gaps),
    pActive,
    pFrom,
    pTo,
    pSpent: new Float64Array(nCamp + 1),
    pRev: new Float64Array(nCamp + 1),
    windowMs: returnWindowMs(o),
    old: null,
    gen: new Int32Array(1),
    sCnt: new Int32Array(S * 2),
    sAt: new Int32Array(S * 2),
    touched: new Int32Array(S * 2),
    issues,
  };
  syncChannels(ds, s);
  syncBreakdowns(ds, s);
  return s;
}

function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** Sizes the channel arrays and the channel filter to the dataset's channel dictionary. */
function syncChannels(ds: Dataset, s: State): void {
  const n = ds.channels.size;
  if (s.chPass.length === n + 1) return;
  const pass = new Uint8Array(n + 1);
  const allowed = s.o.channels;
  pass[0] = allowed === null ? 1 : 0;
  for (let c = 0; c < n; c++) pass[c + 1] = allowed === null || allowed.includes(ds.channels.value(c)) ? 1 : 0;
  s.chPass = pass;
  s.chRev = grow(s.chRev, n);
  s.chOrd = grow(s.chOrd, n);
  s.chBuy = grow(s.chBuy, n);
  s.lyChE = grow(s.lyChE, n);
  s.lyChR = grow(s.lyChR, n);
  s.lyChN = grow(s.lyChN, n);
  if (s.chStamp.length < n) {
    const st = new Int32Array(n);
    st.set(s.chStamp);
    s.chStamp = st;
  }
}

// ---------------------------------------------------------------------------------------
// The passes.

/**
 * Adds the per-customer part of the aggregates of customers `c0 .. c1 - 1`, whose
 * orders are at positions `[start[c], start[c + 1])` of `recs`, sorted by (time, row);
 * `firstPosOf[c]` is the position of their first order (-1 when it is not among them).
 *
 * The per-customer part is what needs a customer's other orders: distinct buyers (per
 * scope, day and channel), repeat and retained buyers, new customers, cohorts and
 * recency. Sums over orders (revenue, discounts, cogs, pacing...) are not included: each
 * order adds its own, see {@link addOrderRows} and {@link addCube}.
 *
 * A local day is a non-decreasing function of the time, so in each customer's sorted
 * rows the days of P' and then the days of P are two contiguous runs (with a comparison
 * a year back, rows between them are stepped over): the pass walks them in two loops and
 * never classifies a row by period. `codes[c]` is the customer code of the c-th customer
 * of `start` (null: c itself).
 */
function contribute(
  s: State,
  recs: OrderRecs,
  start: Int32Array,
  firstPosOf: Int32Array,
  c0: number,
  c1: number,
  codes: Int32Array | null,
): void {
  const f = recs.f;
  const ii = recs.i;
  const next = recs.next;
  const acc = s.acc;
  const F = s.F;
  const selPos = s.selPos;
  const chPass = s.chPass;
  const sCnt = s.sCnt;
  const sAt = s.sAt;
  const touched = s.touched;
  const fromDay = s.o.fromDay;
  const toDay = s.o.toDay;
  const prevFromDay = s.o.previousFromDay;
  const prevToDay = s.o.previousToDay;
  const baseDay = fromDay - 1;
  const asOf = s.o.asOfDay;
  const rowPass = s.rowPass;
  const memberDay = s.memberDay;
  const bds = s.breakdowns;
  const nBd = bds.length;
  const lastGap = s.gaps - 1;
  const reCust = s.reCust;
  const reRet = s.reRet;
  const reOrd = s.reOrd;
  const reRev = s.reRev;
  const tableStart = s.tableStart;
  const bucketOfDay = s.bucketOfDay;
  const nTable = bucketOfDay.length;
  const nb = s.nb;
  const campaignFilter = s.campaignFilter;
  const cSize = s.cSize;
  const cActive = s.cActive;
  const cRev = s.cRev;
  const bucketStamp = s.bucketStamp;
  const dBuy = s.dBuy;
  const dayStamp = s.dayStamp;
  const chBuy = s.chBuy;
  const chStamp = s.chStamp;
  const gapCust = s.gapCust;
  const gapRev = s.gapRev;
  const windowMs = s.windowMs;
  let gen = s.gen[0]!;

  // Counts of the whole selection, kept in locals and added once at the end.
  let buy0 = 0;
  let buy1 = 0;
  let rep0 = 0;
  let rep1 = 0;
  let ret0 = 0;
  let ret1 = 0;
  let new0 = 0;
  let new1 = 0;
  let mRev0 = 0;
  let mRev1 = 0;
  let mOrd0 = 0;
  let mOrd1 = 0;

  for (let c = c0; c < c1; c++) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (a >= b) continue;
    const fp = firstPosOf[c]!;
    gen++;

    // Cohort membership and the scope of the first order.
    if (fp >= 0) {
      const fd = ii[(fp << 3) + R_DAY]!;
      const fcc = ii[(fp << 3) + R_CC]!;
      const fc = campaignOf(fcc);
      const pos = fc >= 0 ? selPos[fc]! : -1;
      const ti = fd - tableStart;
      if (ti >= 0 && ti < nTable && (!campaignFilter || pos >= 0)) {
        const cohort = bucketOfDay[ti]!;
        cSize[cohort]!++;
        for (let k = a; k < b; k++) {
          const tk = ii[(k << 3) + R_DAY]! - tableStart;
          if (tk < 0 || tk >= nTable) continue;
          const bk = bucketOfDay[tk]!;
          if (bk < cohort) continue;
          const cell = cohort * nb + (bk - cohort);
          if (bucketStamp[bk] !== gen) {
            bucketStamp[bk] = gen;
            cActive[cell]!++;
          }
          cRev[cell]! += f[(k << 2) + 1]!;
        }
      }
      // New: the first order is in A (selected campaign, channel and attribute filters).
      if (pos >= 0 && chPass[channelOf(fcc) + 1] === 1 && (rowPass === null || rowPass[ii[(fp << 3) + R_ROW]!] === 1)) {
        let firstP = -1;
        if (fd >= fromDay && fd <= toDay) {
          new0++;
          firstP = 0;
        } else if (fd >= prevFromDay && fd <= prevToDay) {
          new1++;
          firstP = 1;
        }
        if (firstP >= 0) acc[((1 + pos) * 2 + firstP) * F + NEW]!++;
      }
    }

    let nTouched = 0;
    let k = a;
    while (k < b && ii[(k << 3) + R_DAY]! < prevFromDay) k++;

    // P': attributed orders (A) only count their buyer; O counts for members.
    let cnt1 = 0;
    let at1 = -1;
    let oRev1 = 0;
    let oOrd1 = 0;
    for (; k < b; k++) {
      if (ii[(k << 3) + R_DAY]! > prevToDay) break;
      const cc = ii[(k << 3) + R_CC]!;
      if (chPass[channelOf(cc) + 1] !== 1) continue;
      if (rowPass !== null && rowPass[ii[(k << 3) + R_ROW]!] !== 1) continue;
      oRev1 += f[(k << 2) + 1]!;
      oOrd1++;
      const cam = campaignOf(cc);
      const pos = cam >= 0 ? selPos[cam]! : -1;
      if (pos < 0) continue;
      if (cnt1++ === 0) at1 = k;
      const si = pos * 2 + 1;
      // Rows are in time order: the scope's first attributed row is its earliest.
      if (sCnt[si]++ === 0) {
        touched[nTouched++] = si;
        sAt[si] = k;
      }
    }

    // Between P' and P (a comparison a year back), then P. Rows before `kP` are on or
    // before the day before `from`: the last of them places the customer for re-activation.
    while (k < b && ii[(k << 3) + R_DAY]! < fromDay) k++;
    const kP = k;
    let cnt0 = 0;
    let at0 = -1;
    let revInP = 0;
    let revA0 = 0;
    let oRev0 = 0;
    let oOrd0 = 0;
    for (; k < b; k++) {
      const d = ii[(k << 3) + R_DAY]!;
      if (d > toDay) break;
      const rev = f[(k << 2) + 1]!;
      revInP += rev;
      const cc = ii[(k << 3) + R_CC]!;
      const ch = channelOf(cc);
      if (chPass[ch + 1] !== 1) continue;
      if (rowPass !== null && rowPass[ii[(k << 3) + R_ROW]!] !== 1) continue;
      oRev0 += rev;
      oOrd0++;
      const cam = campaignOf(cc);
      const pos = cam >= 0 ? selPos[cam]! : -1;
      if (pos < 0) continue;
      if (cnt0++ === 0) at0 = k;
      revA0 += rev;
      if (nBd > 0) {
        const row = ii[(k << 3) + R_ROW]!;
        for (let j = 0; j < nBd; j++) {
          const bd = bds[j]!;
          const col = bd.col;
          const code = row < col.length ? col[row]! : 0;
          if (code === 0) continue;
          const v = code - 1;
          bd.rev[v]! += rev;
          bd.ord[v]!++;
          if (bd.stamp[v] !== gen) {
            bd.stamp[v] = gen;
            bd.buy[v]!++;
          }
        }
      }
      const dd = d - fromDay;
      if (dayStamp[dd] !== gen) {
        dayStamp[dd] = gen;
        dBuy[dd]!++;
      }
      if (ch >= 0 && chStamp[ch] !== gen) {
        chStamp[ch] = gen;
        chBuy[ch]!++;
      }
      const si = pos * 2;
      if (sCnt[si]++ === 0) {
        touched[nTouched++] = si;
        sAt[si] = k;
      }
    }

    // Recency: days from the last order on or before asOf, found backwards from the first
    // row after P (asOf <= to) or from the end. When asOf = to the loop still steps once
    // over the row after P, so code compiled then has run it for any other asOf.
    const end = b - 1;
    let last = asOf > toDay ? end : Math.min(k, end);
    while (last >= a && ii[(last << 3) + R_DAY]! > asOf) last--;
    if (last >= a) {
      // Two interleaved histograms (by customer parity): fewer updates of one slot in a row.
      const g = Math.min(asOf - ii[(last << 3) + R_DAY]!, lastGap) * 2 + (c & 1);
      gapCust[g]!++;
      gapRev[g]! += revInP;
    }

    // Re-activation: days from the last order on or before the base day to it.
    if (kP > a) {
      const g = Math.min(baseDay - ii[((kP - 1) << 3) + R_DAY]!, lastGap);
      reCust[g]!++;
      if (cnt0 > 0) {
        reRet[g]!++;
        reOrd[g]! += cnt0;
        reRev[g]! += revA0;
      }
    }

    // Members at the end of each period: their orders of O.
    const code = codes === null ? c : codes[c]!;
    const mDay = code < memberDay.length ? memberDay[code]! : NO_DAY;
    if (mDay <= toDay) {
      mRev0 += oRev0;
      mOrd0 += oOrd0;
    }
    if (mDay <= prevToDay) {
      mRev1 += oRev1;
      mOrd1 += oOrd1;
    }

    // Retained: another order later than the first attributed one, within the window.
    // Repeat and retained are added as 0 or 1 (`+(x)`) rather than behind a branch: they
    // are as often true as not.
    if (cnt0 > 0) {
      buy0++;
      rep0 += +(cnt0 >= 2);
      ret0 += +(next[at0]! <= f[at0 << 2]! + windowMs);
    }
    if (cnt1 > 0) {
      buy1++;
      rep1 += +(cnt1 >= 2);
      ret1 += +(next[at1]! <= f[at1 << 2]! + windowMs);
    }
    for (let j = 0; j < nTouched; j++) {
      const si = touched[j]!;
      const o1 = (2 + si) * F;
      const at = sAt[si]!;
      acc[o1 + BUY]!++;
      acc[o1 + REP]! += +(sCnt[si]! >= 2);
      acc[o1 + RET]! += +(next[at]! <= f[at << 2]! + windowMs);
      sCnt[si] = 0;
    }
  }
  s.gen[0] = gen;
  acc[BUY]! += buy0;
  acc[F + BUY]! += buy1;
  acc[REP]! += rep0;
  acc[F + REP]! += rep1;
  acc[RET]! += ret0;
  acc[F + RET]! += ret1;
  acc[NEW]! += new0;
  acc[F + NEW]! += new1;
  acc[MREV]! += mRev0;
  acc[F + MREV]! += mRev1;
  acc[MORD]! += mOrd0;
  acc[F + MORD]! += mOrd1;
}

/** Custom order measures of one attributed order (kept out of the hot loop). */
function customOrder(
  ds: Dataset,
  s: State,
  o0: number,
  o1: number,
  rev: number,
  disc: number,
  cg: number,
  cam: number,
  ch: number,
  t: number,
): void {
  const view: OrderView = {
    revenue: rev,
    discount: disc,
    cogs: cg === cg ? cg : null,
    campaignId: ds.campaigns[cam]!.id,
    channel: ch >= 0 ? ds.channels.value(ch) : null,
    time: t,
  };
  const custom = s.custom;
  for (let m = 0; m < custom.length; m++) {
    const spec = custom[m]!.measure;
    if (spec.collection !== 'orders') continue;
    const v = safeValue(() => spec.value(view));
    s.acc[o0 + BASE_FIELDS + m]! += v;
    s.acc[o1 + BASE_FIELDS + m]! += v;
  }
}

function safeValue(f: () => number): number {
  try {
    const v = f();
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/** Adds cost, exposure and loyalty rows from the state's counted lengths to the dataset's. */
/** 0 for a day of P, 1 for a day of P', else -1. */
function periodOf(o: ResolvedOptions, d: number): number {
  return d >= o.fromDay && d <= o.toDay ? 0 : d >= o.previousFromDay && d <= o.previousToDay ? 1 : -1;
}

function hasCustom(s: State, col: CustomMeasure['collection']): boolean {
  return s.custom.some((m) => m.measure.collection === col);
}

// (No closures made per call here: code compiled for one call's closure would be thrown
// away at the next.)
function addOtherRows(ds: Dataset, s: State): void {
  const { acc, F, selPos, chPass, custom } = s;
  const o = s.o;

  const costs = ds.costs;
  const costCustom = hasCustom(s, 'costs');
  for (let i = s.costsLen; i < costs.length; i++) {
    const cam = costs.campaign[i]!;
    if (cam < 0) continue;
    const d = costs.day[i]!;
    const amount = costs.amount[i]!;
    if (s.pActive[cam] === 1 && d >= s.pFrom[cam + 1]! && d <= s.pTo[cam + 1]!) s.pSpent[cam + 1]! += amount;
    const pos = selPos[cam]!;
    const p = periodOf(o, d);
    if (pos < 0 || p < 0) continue;
    const o0 = p * F;
    const o1 = ((1 + pos) * 2 + p) * F;
    acc[o0 + SPEND]! += amount;
    acc[o1 + SPEND]! += amount;
    if (p === 0) s.dSpend[d - o.fromDay]! += amount;
    if (costCustom) {
      const cat = costs.category[i]!;
      const view: CostView = {
        amount,
        category: cat >= 0 ? ds.costCategories.value(cat) : null,
        campaignId: ds.campaigns[cam]!.id,
        date: formatDay(d),
      };
      custom.forEach((m, k) => {
        if (m.measure.collection !== 'costs') return;
        const fn = m.measure.value;
        const v = safeValue(() => fn(view));
        acc[o0 + BASE_FIELDS + k]! += v;
        acc[o1 + BASE_FIELDS + k]! += v;
      });
    }
  }
  s.costsLen = costs.length;

  const ex = ds.exposures;
  const exCustom = hasCustom(s, 'exposures');
  for (let i = s.exposuresLen; i < ex.length; i++) {
    const cam = ex.campaign[i]!;
    if (cam < 0) continue;
    const pos = selPos[cam]!;
    const d = ex.day[i]!;
    const p = periodOf(o, d);
    const ch = ex.channel[i]!;
    if (pos < 0 || p < 0 || chPass[ch + 1] !== 1) continue;
    const o0 = p * F;
    const o1 = ((1 + pos) * 2 + p) * F;
    for (const off of [o0, o1]) {
      acc[off + IMP]! += ex.impressions[i]!;
      acc[off + REACH]! += ex.reach[i]!;
      acc[off + CLK]! += ex.clicks[i]!;
      acc[off + ENG]! += ex.engagements[i]!;
      acc[off + EXPN]! += 1;
    }
    if (exCustom) {
      const view: ExposureView = {
        impressions: ex.impressions[i]!,
        reach: ex.reach[i]!,
        clicks: ex.clicks[i]!,
        engagements: ex.engagements[i]!,
        campaignId: ds.campaigns[cam]!.id,
        channel: ch >= 0 ? ds.channels.value(ch) : null,
        date: formatDay(d),
      };
      custom.forEach((m, k) => {
        if (m.measure.collection !== 'exposures') return;
        const fn = m.measure.value;
        const v = safeValue(() => fn(view));
        acc[o0 + BASE_FIELDS + k]! += v;
        acc[o1 + BASE_FIELDS + k]! += v;
      });
    }
  }
  s.exposuresLen = ex.length;

  // Loyalty events belong to no campaign: they are summed for the whole selection, and
  // each campaign scope reports the same sums (see buildAggregates).
  const ly = ds.loyalty;
  const lyCustom = hasCustom(s, 'loyalty');
  const nc = ds.customers.size;
  if (s.activeBits.length < nc) {
    const bits = new Uint8Array(Math.max(nc, Math.ceil(s.activeBits.length * 1.5)));
    bits.set(s.activeBits);
    s.activeBits = bits;
  }
  const activeBits = s.activeBits;
  const { lyChE, lyChR, lyChN } = s;
  for (let i = s.loyaltyLen; i < ly.length; i++) {
    const d = ly.day[i]!;
    const earned = ly.earned[i]!;
    const redeemed = ly.redeemed[i]!;
    // Points outstanding: every event up to the end of each period, no filter.
    if (d <= o.toDay) {
      acc[POE]! += earned;
      acc[POR]! += redeemed;
    }
    if (d <= o.previousToDay) {
      acc[F + POE]! += earned;
      acc[F + POR]! += redeemed;
    }
    const p = periodOf(o, d);
    const ch = ly.channel[i]!;
    if (p < 0 || chPass[ch + 1] !== 1) continue;
    acc[p * F + PE]! += earned;
    acc[p * F + PR]! += redeemed;
    const c = ly.customer[i]!;
    const bit = 1 << p;
    if ((activeBits[c]! & bit) === 0) {
      activeBits[c] = activeBits[c]! | bit;
      acc[p * F + ACTM]!++;
    }
    if (p === 0 && ch >= 0) {
      lyChE[ch]! += earned;
      lyChR[ch]! += redeemed;
      lyChN[ch]!++;
    }
    if (lyCustom) {
      const view: LoyaltyView = {
        earned: ly.earned[i]!,
        redeemed: ly.redeemed[i]!,
        channel: ch >= 0 ? ds.channels.value(ch) : null,
        time: ly.time[i]!,
      };
      custom.forEach((m, k) => {
        if (m.measure.collection !== 'loyalty') return;
        const fn = m.measure.value;
        acc[p * F + BASE_FIELDS + k]! += safeValue(() => fn(view));
      });
    }
  }
  s.loyaltyLen = ly.length;
}

/**
 * Sums of orders by (day, campaign, channel), built once per customer index (it covers
 * the same rows): revenue, orders, discounts, cogs and orders without cogs per cell. A
 * report then reads its sums and pacing from the cells of its days instead of visiting
 * every order. Not built when the cells would outnumber the orders (a wide span of days,
 * many campaigns or channels): the orders are then summed row by row.
 */
interface OrderCube {
  dayMin: number;
  nDays: number;
  /** Campaign codes + 1 (0: no campaign) and channel codes + 1 (0: no channel). */
  nCamp: number;
  nChan: number;
  /** Cell `((d - dayMin) * nCamp + campaign + 1) * nChan + channel + 1`, {@link CUBE_FIELDS} values from `cell * CUBE_FIELDS`. */
  values: Float64Array;
}

const CUBE_FIELDS = 5;

/** Tuning of the engine's derived data (tests lower it to exercise the row-by-row sums). */
export const engineTuning = {
  /** Largest order cube, in cells: the larger of this many cells and `cubeCellsPerOrder` cells an order. */
  cubeMinCells: 65_536,
  cubeCellsPerOrder: 2,
};

function buildCube(ds: Dataset, n: number): OrderCube | null {
  const o = ds.orders;
  const day = o.day;
  const campaign = o.campaign;
  const channel = o.channel;
  if (n === 0) return null;
  let dayMin = 65535;
  let dayMax = 0;
  let campMax = -1;
  let chanMax = -1;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < dayMin) dayMin = d;
    if (d > dayMax) dayMax = d;
    if (campaign[i]! > campMax) campMax = campaign[i]!;
    if (channel[i]! > chanMax) chanMax = channel[i]!;
  }
  const nDays = dayMax - dayMin + 1;
  const nCamp = campMax + 2;
  const nChan = chanMax + 2;
  const cells = nDays * nCamp * nChan;
  if (cells > Math.max(engineTuning.cubeMinCells, n * engineTuning.cubeCellsPerOrder)) return null;
  const values = new Float64Array(cells * CUBE_FIELDS);
  const revenue = o.revenue;
  const discount = o.discount;
  const cogs = o.cogs;
  for (let i = 0; i < n; i++) {
    const at = (((day[i]! - dayMin) * nCamp + campaign[i]! + 1) * nChan + channel[i]! + 1) * CUBE_FIELDS;
    const cg = cogs[i]!;
    values[at]! += revenue[i]!;
    values[at + 1]!++;
    values[at + 2]! += discount[i]!;
    if (cg === cg) values[at + 3]! += cg;
    else values[at + 4]!++;
  }
  return { dayMin, nDays, nCamp, nChan, values };
}

/** Adds the order sums of the cube's cells: the same numbers as {@link addOrderRows} over all its rows. */
function addCube(s: State, cube: OrderCube): void {
  const { dayMin, nDays, nCamp, nChan, values } = cube;
  const o = s.o;
  const { acc, F, selPos, chPass, dAll, dRev, dOrd, dDisc, dCampRev, dCampOrd, chRev, chOrd } = s;
  const S = s.sel.length;
  for (let p = 0; p < 2; p++) {
    const first = p === 0 ? o.fromDay : o.previousFromDay;
    const days = p === 0 ? o.days : o.previousDays;
    let all = 0;
    let allOrd = 0;
    for (let dd = 0; dd < days; dd++) {
      const di = first + dd - dayMin;
      if (di < 0 || di >= nDays) continue;
      let allDay = 0;
      for (let cam = 0; cam < nCamp; cam++) {
        const pos = cam > 0 ? selPos[cam - 1]! : -1;
        const o1 = ((1 + pos) * 2 + p) * F;
        const row = (di * nCamp + cam) * nChan;
        for (let h = 0; h < nChan; h++) {
          const at = (row + h) * CUBE_FIELDS;
          const orders = values[at + 1]!;
          if (orders === 0 || chPass[h] !== 1) continue;
          const rev = values[at]!;
          allDay += rev;
          allOrd += orders;
          if (pos < 0) continue;
          const disc = values[at + 2]!;
          for (const off of [p * F, o1]) {
            acc[off + REV]! += rev;
            acc[off + ORD]! += orders;
            acc[off + DISC]! += disc;
            acc[off + COGS]! += values[at + 3]!;
            acc[off + MISS]! += values[at + 4]!;
          }
          if (p === 0) {
            dRev[dd]! += rev;
            dOrd[dd]! += orders;
            dDisc[dd]! += disc;
            dCampRev[dd * S + pos]! += rev;
            dCampOrd[dd * S + pos]! += orders;
            if (h > 0) {
              chRev[h - 1]! += rev;
              chOrd[h - 1]! += orders;
            }
          }
        }
      }
      all += allDay;
      if (p === 0) dAll[dd]! += allDay;
    }
    acc[p * F + ALLREV]! += all;
    acc[p * F + ALLORD]! += allOrd;
  }
  // Pacing: every channel, the days of each window.
  const { pFrom, pTo, pSpent, pRev } = s;
  for (let cam = 1; cam < nCamp && cam < pFrom.length; cam++) {
    const d0 = Math.max(pFrom[cam]!, dayMin);
    const d1 = Math.min(pTo[cam]!, dayMin + nDays - 1);
    for (let d = d0; d <= d1; d++) {
      const row = ((d - dayMin) * nCamp + cam) * nChan;
      for (let h = 0; h < nChan; h++) {
        const at = (row + h) * CUBE_FIELDS;
        pSpent[cam]! += values[at + 2]!;
        pRev[cam]! += values[at]!;
      }
    }
  }
}

/**
 * Adds the order sums of rows `[from, to)`, row by row: revenue, orders, discounts and
 * cogs per scope, period, day and channel, the revenue of all orders (O), custom order
 * measures and pacing. An order's sums are its own, so appended rows simply add theirs.
 */
function addOrderRows(ds: Dataset, s: State, from: number, to: number): void {
  const o = ds.orders;
  const day = o.day;
  const revenue = o.revenue;
  const discount = o.discount;
  const cogs = o.cogs;
  const campaign = o.campaign;
  const channel = o.channel;
  const time = o.time;
  const { acc, F, selPos, chPass, dAll, dRev, dOrd, dDisc, dCampRev, dCampOrd, chRev, chOrd } = s;
  const S = s.sel.length;
  const fromDay = s.o.fromDay;
  const prevFromDay = s.o.previousFromDay;
  const days = s.o.days;
  const prevDays = s.o.previousDays;
  const rowPass = s.rowPass;
  const nCustom = s.custom.length;
  // Pacing, indexed by campaign code + 1 (slot 0, no campaign, has an empty window), is
  // added without a branch: out of the window, the amounts are added times 0.
  const { pFrom, pTo, pSpent, pRev } = s;
  for (let i = from; i < to; i++) {
    const d = day[i]!;
    const rev = revenue[i]!;
    const disc = discount[i]!;
    const cam = campaign[i]!;
    const c1 = cam + 1;
    const w = 1 + (((d - pFrom[c1]!) | (pTo[c1]! - d)) >> 31);
    pSpent[c1]! += w * disc;
    pRev[c1]! += w * rev;
    const dd = d - fromDay;
    let p: number;
    if (dd >= 0 && dd < days) p = 0;
    else if (d - prevFromDay >= 0 && d - prevFromDay < prevDays) p = 1;
    else continue;
    const ch = channel[i]!;
    if (chPass[ch + 1] !== 1) continue;
    if (rowPass !== null && rowPass[i] !== 1) continue;
    acc[p * F + ALLREV]! += rev;
    acc[p * F + ALLORD]! += 1;
    if (p === 0) dAll[dd]! += rev;
    const pos = cam >= 0 ? selPos[cam]! : -1;
    if (pos < 0) continue;
    const cg = cogs[i]!;
    const o0 = p * F;
    const o1 = ((1 + pos) * 2 + p) * F;
    for (const off of [o0, o1]) {
      acc[off + REV]! += rev;
      acc[off + ORD]! += 1;
      acc[off + DISC]! += disc;
      if (cg === cg) acc[off + COGS]! += cg;
      else acc[off + MISS]! += 1;
    }
    if (nCustom > 0) customOrder(ds, s, o0, o1, rev, disc, cg, cam, ch, time[i]!);
    if (p === 0) {
      dRev[dd]! += rev;
      dOrd[dd]! += 1;
      dDisc[dd]! += disc;
      dCampRev[dd * S + pos]! += rev;
      dCampOrd[dd * S + pos]! += 1;
      if (ch >= 0) {
        chRev[ch]! += rev;
        chOrd[ch]! += 1;
      }
    }
  }
}

function fullPass(ds: Dataset, s: State, idx: CustomerIndex): void {
  const n = ds.orders.length;
  const nc = idx.start.length - 1;
  const start = idx.start;
  const firstPos = idx.firstPos;
  // The order cube covers the index's rows, which are all the rows at a full pass.
  if (idx.cube === undefined) idx.cube = buildCube(ds, idx.baseLength);
  extendRowPass(ds, s);
  syncBreakdowns(ds, s);
  // Members at the end of each period.
  s.memberDay = loyaltyFirstOf(ds).day;
  countMembers(s, ds.customers.size);
  // In blocks of customers, a small one first: it runs every part of the pass before
  // the pass is compiled, so the compiled code has seen all of it (one call over all
  // customers would be compiled mid-loop, without the end of the pass, and thrown away
  // when it gets there).
  for (let c = 0, size = 64; c < nc; size = CONTRIBUTE_BLOCK) {
    const end = Math.min(nc, c + size);
    contribute(s, idx.recs, start, firstPos, c, end, null);
    c = end;
  }
  if (
    idx.cube !== null &&
    idx.baseLength === n &&
    s.rowPass === null &&
    !s.custom.some((m) => m.measure.collection === 'orders')
  )
    addCube(s, idx.cube);
  else addOrderRows(ds, s, 0, n);
  s.ordersLen = n;
  s.firstOrder = ds.firstOrder.slice(0, ds.customers.size);
  addOtherRows(ds, s);
}

/** Members at the end of P and of P' from the state's first loyalty days (a loop of its own: compiled on its own). */
function countMembers(s: State, nc: number): void {
  const day = s.memberDay;
  const toDay = s.o.toDay;
  const prevToDay = s.o.previousToDay;
  let m0 = 0;
  let m1 = 0;
  for (let c = 0; c < nc; c++) {
    const d = day[c]!;
    m0 += +(d <= toDay);
    m1 += +(d <= prevToDay);
  }
  s.acc[MEM] = m0;
  s.acc[s.F + MEM] = m1;
}

/**
 * Subtracts the per-customer accumulators of `old` (see {@link contribute}) from `s`, and
 * zeroes them.
 */
function subtractContribution(s: State, old: State): void {
  const pairs: [Float64Array, Float64Array][] = [
    [s.acc, old.acc],
    [s.cSize, old.cSize],
    [s.cActive, old.cActive],
    [s.cRev, old.cRev],
    [s.dBuy, old.dBuy],
    [s.chBuy, old.chBuy],
    [s.gapCust, old.gapCust],
    [s.gapRev, old.gapRev],
    [s.reCust, old.reCust],
    [s.reRet, old.reRet],
    [s.reOrd, old.reOrd],
    [s.reRev, old.reRev],
  ];
  s.breakdowns.forEach((b, j) => {
    const ob = old.breakdowns[j]!;
    pairs.push([b.rev, ob.rev], [b.ord, ob.ord], [b.buy, ob.buy]);
  });
  for (const [to, from] of pairs) {
    for (let i = 0; i < from.length; i++) to[i]! -= from[i]!;
    from.fill(0);
  }
}

/** Customers per call of the per-customer pass in a full pass. */
const CONTRIBUTE_BLOCK = 4096;

const gathered = new Gathered();
/** Customers named by a batch: `touchList[0 .. count]`, each marked with the batch's `touchGen`. */
let touchMark = new Int32Array(0);
let touchList = new Int32Array(0);
let touchGen = 0;

/**
 * Updates a state with the rows appended since it was last counted: the customers named
 * by the new orders lose their old contribution and gain their new one (both over their
 * gathered rows), and the new rows add their sums.
 */
function incrementalPass(ds: Dataset, s: State, idx: CustomerIndex): void {
  syncChannels(ds, s);
  extendRowPass(ds, s);
  syncBreakdowns(ds, s);
  const n = ds.orders.length;
  const before = s.ordersLen;
  const cust = ds.orders.customer;
  const nc = ds.customers.size;
  const ly = ds.loyalty;
  const newLoyalty = ly.length - s.loyaltyLen;
  if (touchMark.length < nc) touchMark = new Int32Array(Math.max(nc, touchMark.length * 2));
  if (touchList.length < n - before + newLoyalty)
    touchList = new Int32Array(Math.max(n - before + newLoyalty, touchList.length * 2));
  const gen = ++touchGen;
  let count = 0;
  for (let i = before; i < n; i++) {
    const c = cust[i]!;
    if (touchMark[c] !== gen) {
      touchMark[c] = gen;
      touchList[count++] = c;
    }
  }
  // Customers whose first loyalty day moved earlier since the state counted: their
  // membership (and the member share of their orders) may have changed. `was`: their day
  // as counted (the first logged change at or after the state's rows holds it).
  const lf = loyaltyFirstOf(ds);
  const was = new Map<number, number>();
  for (let j = lf.logRow.length - 1; j >= 0 && lf.logRow[j]! >= s.loyaltyLen; j--)
    was.set(lf.logCustomer[j]!, lf.logDay[j]!);
  for (const c of was.keys()) {
    if (touchMark[c] === gen) continue;
    touchMark[c] = gen;
    touchList[count++] = c;
  }
  // In customer order, the gather reads the index's records forward (fewer pages and
  // cache lines than in batch order).
  touchList.subarray(0, count).sort();
  const g = gathered;
  // Their rows now, for the new contribution, and before the batch, for the old one.
  g.gather(idx, touchList, count, n, before, ds.firstOrder, s.firstOrder);
  const list = touchList.subarray(0, count);
  // The old contribution goes to a zeroed state of the same options and is subtracted:
  // the pass only ever adds, so it runs the same code as in a full pass. It sees the
  // membership as counted before the batch.
  const old = (s.old ??= newState(ds, s.o));
  syncChannels(ds, old);
  old.rowPass = s.rowPass;
  old.rowPassLen = s.rowPassLen;
  syncBreakdowns(ds, old);
  // The shared first days are set back to the counted ones for the old contribution.
  const day = lf.day;
  const now = new Map<number, number>();
  for (const [c, d] of was) {
    now.set(c, day[c]!);
    day[c] = d;
  }
  old.memberDay = day;
  try {
    contribute(old, g.old.recs, g.old.start, g.old.first, 0, count, list);
  } finally {
    for (const [c, d] of now) day[c] = d;
  }
  // Then the membership now (and the member counts).
  const { toDay, previousToDay } = s.o;
  for (const [c, d] of was) {
    const n = now.get(c)!;
    s.acc[MEM]! += +(n <= toDay) - +(d <= toDay);
    s.acc[s.F + MEM]! += +(n <= previousToDay) - +(d <= previousToDay);
  }
  s.memberDay = day;
  contribute(s, g.all.recs, g.all.start, g.all.first, 0, count, list);
  subtractContribution(s, old);

  if (s.firstOrder.length < nc) {
    const f = new Int32Array(nc).fill(-1);
    f.set(s.firstOrder);
    s.firstOrder = f;
  }
  const first = ds.firstOrder;
  for (let j = 0; j < count; j++) {
    const c = touchList[j]!;
    s.firstOrder[c] = c < first.length ? first[c]! : -1;
  }
  addOrderRows(ds, s, before, n);
  s.ordersLen = n;
  addOtherRows(ds, s);
}

function sameCampaigns(a: readonly CampaignRecord[], b: readonly CampaignRecord[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.start !== y.start || x.end !== y.end || x.budget !== y.budget) return false;
  }
  return true;
}

/** How the last {@link aggregate} call was served (for tests and diagnostics). */
export type AggregateMode = 'cached' | 'incremental' | 'full';
let lastMode: AggregateMode = 'full';
export function lastAggregateMode(): AggregateMode {
  return lastMode;
}

export interface AggregateOptions {
  /** Reuse and update cached state for these options (default true). False forces a full pass and caches nothing. */
  cache?: boolean;
}

/**
 * Aggregates a dataset for resolved options. Cached per dataset and options: the same
 * call on an unchanged dataset reuses the result, and after an append only the new rows
 * (and the customers they name) are visited.
 */
export function aggregate(ds: Dataset, o: ResolvedOptions, opts: AggregateOptions = {}): Aggregates {
  const cache = cacheOf(ds);
  let idx = indexOf(ds);
  const useCache = opts.cache !== false;
  const key = optionsKey(o);
  let s = useCache ? cache.states.get(key) : undefined;
  if (
    s &&
    (s.registryGeneration !== registryGeneration ||
      // A batch this large names a good share of the customers: a full pass is cheaper.
      ds.orders.length - s.ordersLen > Math.max(LARGE_BATCH_MIN, s.ordersLen * LARGE_BATCH) ||
      !sameCampaigns(s.campaigns, ds.campaigns) ||
      ds.orders.length < s.ordersLen ||
      ds.costs.length < s.costsLen ||
      ds.exposures.length < s.exposuresLen ||
      ds.loyalty.length < s.loyaltyLen)
  ) {
    cache.states.delete(key);
    s = undefined;
  }
  if (!s) {
    s = newState(ds, o);
    // A full pass reads the grouped records only: fold appended rows into the base first.
    if (idx.extraCount > 0) idx = cache.index = buildIndex(ds);
    fullPass(ds, s, idx);
    lastMode = 'full';
    if (useCache) {
      cache.states.set(key, s);
      if (cache.states.size > MAX_STATES) cache.states.delete(cache.states.keys().next().value!);
    }
  } else if (
    s.ordersLen !== ds.orders.length ||
    s.costsLen !== ds.costs.length ||
    s.exposuresLen !== ds.exposures.length ||
    s.loyaltyLen !== ds.loyalty.length
  ) {
    incrementalPass(ds, s, idx);
    lastMode = 'incremental';
    cache.states.delete(key);
    cache.states.set(key, s);
  } else lastMode = 'cached';
  return buildAggregates(ds, s);
}

/** Drops the cached index and states of a dataset (they are rebuilt on the next call). */
export function clearEngineCache(ds: Dataset): void {
  caches.delete(ds);
}

function measuresAt(s: State, scope: number, p: number): Measures {
  const F = s.F;
  const a = s.acc;
  const o = (scope * 2 + p) * F;
  const g = p * F; // the whole selection, for measures not tied to a campaign
  const m = emptyMeasures(s.o.days, s.o.lifetimeDays);
  m.revenue = a[o + REV]!;
  m.orders = a[o + ORD]!;
  m.buyers = a[o + BUY]!;
  m.discountCost = a[o + DISC]!;
  m.spend = a[o + SPEND]!;
  m.cogs = a[o + COGS]!;
  m.missingCogs = a[o + MISS]!;
  m.allRevenue = a[g + ALLREV]!;
  m.impressions = a[o + IMP]!;
  m.reach = a[o + REACH]!;
  m.clicks = a[o + CLK]!;
  m.engagements = a[o + ENG]!;
  m.exposureRecords = a[o + EXPN]!;
  m.newCustomers = a[o + NEW]!;
  m.repeatBuyers = a[o + REP]!;
  m.retainedBuyers = a[o + RET]!;
  m.pointsEarned = a[g + PE]!;
  m.pointsRedeemed = a[g + PR]!;
  m.allOrders = a[g + ALLORD]!;
  m.members = a[g + MEM]!;
  m.activeMembers = a[g + ACTM]!;
  m.memberRevenue = a[g + MREV]!;
  m.memberOrders = a[g + MORD]!;
  m.pointsOutstanding = a[g + POE]! - a[g + POR]!;
  s.custom.forEach((c, k) => {
    m.custom[c.name] = a[(c.measure.collection === 'loyalty' ? g : o) + BASE_FIELDS + k]!;
  });
  return m;
}

function scope(s: State, i: number): ScopeMeasures {
  return { current: measuresAt(s, i, 0), previous: measuresAt(s, i, 1) };
}

/** The recency segments of the bounds (`0-7`, `8-14`, `15-28`, `29+` by default) from the counts by gap. */
function recency(s: State): RecencyRow[] {
  const upTo = [...s.o.recencyBounds, s.gaps - 1];
  let g = 0;
  return s.o.recencySegments.map((segment, k) => {
    let customers = 0;
    let revenue = 0;
    for (; g <= upTo[k]!; g++) {
      customers += s.gapCust[2 * g]! + s.gapCust[2 * g + 1]!;
      revenue += s.gapRev[2 * g]! + s.gapRev[2 * g + 1]!;
    }
    return { segment, customers, revenue };
  });
}

/** The re-activation segments of the bounds from the counts by gap. */
function reactivation(s: State): ReactivationAggregate[] {
  const upTo = [...s.o.recencyBounds, s.gaps - 1];
  let g = 0;
  return s.o.recencySegments.map((segment, k) => {
    const r: ReactivationAggregate = { segment, customers: 0, returned: 0, orders: 0, revenue: 0 };
    for (; g <= upTo[k]!; g++) {
      r.customers += s.reCust[g]!;
      r.returned += s.reRet[g]!;
      r.orders += s.reOrd[g]!;
      r.revenue += s.reRev[g]!;
    }
    return r;
  });
}

function buildAggregates(ds: Dataset, s: State): Aggregates {
  const o = s.o;
  const S = s.sel.length;
  const ids = s.sel.map((c) => ds.campaigns[c]!.id);
  // Maps keyed by data (campaign ids, channels) are built from entries: an id such as
  // `__proto__` then becomes an own key instead of setting the prototype.
  const byCampaign: Record<string, ScopeMeasures> = Object.fromEntries(ids.map((id, k) => [id, scope(s, 1 + k)]));

  const channelEntries: [string, Aggregates['byChannel'][string]][] = [];
  for (let ch = 0; ch < ds.channels.size; ch++) {
    if (!(s.chOrd[ch]! > 0)) continue;
    channelEntries.push([ds.channels.value(ch), { revenue: s.chRev[ch]!, orders: s.chOrd[ch]!, buyers: s.chBuy[ch]! }]);
  }
  const byChannel: Aggregates['byChannel'] = Object.fromEntries(channelEntries);

  const daily: DailyAggregate[] = [];
  for (let d = 0; d < o.days; d++) {
    // Days x campaigns objects: assigned key by key (cheaper than from entries), with an
    // id `__proto__` defined as an own key as from entries.
    const bc: DailyAggregate['byCampaign'] = {};
    for (let k = 0; k < S; k++) {
      const v = { revenue: s.dCampRev[d * S + k]!, orders: s.dCampOrd[d * S + k]! };
      const id = ids[k]!;
      if (id === '__proto__')
        Object.defineProperty(bc, id, { value: v, enumerable: true, writable: true, configurable: true });
      else bc[id] = v;
    }
    daily.push({
      date: formatDay(o.fromDay + d),
      revenue: s.dRev[d]!,
      orders: s.dOrd[d]!,
      buyers: s.dBuy[d]!,
      discountCost: s.dDisc[d]!,
      spend: s.dSpend[d]!,
      allRevenue: s.dAll[d]!,
      byCampaign: bc,
    });
  }

  const rows: CohortAggregate[] = [];
  for (let b = 0; b < s.nb; b++) {
    const len = s.nb - b;
    rows.push({
      cohort: bucketLabel(o.cohortGrain, s.bFrom + b),
      size: s.cSize[b]!,
      active: Array.from(s.cActive.subarray(b * s.nb, b * s.nb + len)),
      revenue: Array.from(s.cRev.subarray(b * s.nb, b * s.nb + len)),
    });
  }

  const pacingEntries: [string, PacingInput][] = [];
  for (const c of s.sel) {
    if (s.pActive[c] !== 1) continue;
    const cp = ds.campaigns[c]!;
    pacingEntries.push([
      cp.id,
      {
        budget: cp.budget!,
        start: formatDay(cp.start),
        end: formatDay(cp.end),
        spent: s.pSpent[c + 1]!,
        revenue: s.pRev[c + 1]!,
      },
    ]);
  }
  const pacing: Record<string, PacingInput> = Object.fromEntries(pacingEntries);

  const loyaltyEntries: [string, { earned: number; redeemed: number }][] = [];
  for (let ch = 0; ch < ds.channels.size; ch++) {
    if (!(s.lyChN[ch]! > 0)) continue;
    loyaltyEntries.push([ds.channels.value(ch), { earned: s.lyChE[ch]!, redeemed: s.lyChR[ch]! }]);
  }

  const out: Aggregates = {
    version: AGGREGATES_VERSION,
    total: scope(s, 0),
    byCampaign,
    byChannel,
    daily,
    cohorts: { grain: o.cohortGrain, rows },
    recency: recency(s),
    reactivation: reactivation(s),
    loyaltyByChannel: Object.fromEntries(loyaltyEntries),
    pacing,
    issues: [...ds.issues, ...s.issues],
  };
  if (s.breakdowns.length > 0) {
    const attrs = ds.attributes;
    out.byAttribute = Object.fromEntries(
      s.breakdowns.map((b) => {
        const entries: [string, GroupAggregate][] = [];
        if (b.k >= 0 && attrs) {
          const dict = attrs.values[b.k]!;
          for (let v = 0; v < b.ord.length && v < dict.size; v++)
            if (b.ord[v]! > 0)
              entries.push([dict.value(v), { revenue: b.rev[v]!, orders: b.ord[v]!, buyers: b.buy[v]! }]);
        }
        return [b.name, Object.fromEntries(entries)];
      }),
    );
  }
  return out;
}
