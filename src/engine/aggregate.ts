/**
 * Aggregation over the columnar dataset: one fused pass gives the {@link Aggregates} of a
 * report, and an appended batch updates them in time proportional to the batch.
 *
 * How the pass is organised:
 *  - Orders are visited customer by customer. A per-customer index is built once per
 *    dataset (counting sort, O(N)) and cached on it (WeakMap keyed by the dataset, checked
 *    against its row counts on every call): it holds each customer's rows contiguously with
 *    copies of the order columns the pass reads, so the pass reads memory sequentially.
 *    Appended rows go to a small per-customer overflow; the base is rebuilt when the
 *    overflow passes half of it (amortised O(1) a row) or before a full pass.
 *  - Everything an order contributes is a per-customer *contribution*: sums (revenue,
 *    discounts, cogs, daily and channel sums, pacing), distinct counts (buyers per scope,
 *    per day, per channel), repeat buyers, retention (needs the customer's other orders),
 *    new customers (needs the customer's first order), cohorts and recency. The report is
 *    the sum of the contributions of all customers plus the sums over costs, exposures and
 *    loyalty events (plain sums over their rows).
 *  - Per-option state (the accumulators) is cached per dataset too, for up to
 *    {@link MAX_STATES} option sets.
 *
 * Incremental update (same options, dataset appended to): an appended order can only
 * change the contribution of its own customer (their first order, their retention, their
 * cohort, their recency...). So an update subtracts the old contribution of each customer
 * named in the batch (over their rows before the batch, with their first order before the
 * batch), adds their new one, and adds the new cost, exposure and loyalty rows. Every part
 * of the report is updated this way, with work proportional to the batch plus the order
 * history of the customers it names. Falls back to a full pass:
 *  - for options not seen before (or evicted): there is nothing to update;
 *  - when the campaigns changed (a campaign added or its dates/budget changed): campaign
 *    codes, the selection and the pacing windows shape every accumulator;
 *  - when the KPI registry changed: the custom measures are different columns;
 *  - when a collection has fewer rows than counted (not an append);
 *  - when the batch holds more than {@link LARGE_BATCH} of the orders already counted and
 *    more than {@link LARGE_BATCH_MIN} orders (a
 *    full pass is then cheaper than revisiting the customers it names).
 * With non-integer amounts, subtracting and re-adding a customer's sums can differ from a
 * full pass in the last bits of a float (about 1e-16 relative); counts are exact.
 *
 * DOM-free.
 */
import type { CampaignRecord, Dataset } from '../data/types.js';
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type CohortAggregate,
  type DailyAggregate,
  type PacingInput,
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
import { formatDay, formatMonth, monthIndex, monthStart, weekStart } from './time.js';
import { RECENCY_SEGMENTS, type DataIssue } from './types.js';

// ---------------------------------------------------------------------------------------
// Per-customer row index, cached on the dataset.

/** The order columns the per-customer pass reads. */
interface OrderCols {
  day: Int32Array;
  time: Float64Array;
  revenue: Float64Array;
  discount: Float64Array;
  cogs: Float64Array;
  campaign: Int32Array | Int16Array;
  channel: Int16Array;
}

/**
 * Orders grouped by customer: a base built at `baseLength` (positions `start[c] ..
 * start[c + 1]` hold customer c's rows, with their columns copied in that order so the
 * pass over customers reads memory sequentially), plus rows appended since.
 */
interface CustomerIndex extends OrderCols {
  /** Order rows indexed so far. */
  length: number;
  baseLength: number;
  start: Int32Array;
  /** Row of each position. */
  rows: Int32Array;
  /** Position of each customer's first order (as of the build), or -1. */
  firstPos: Int32Array;
  /** Rows >= baseLength, ascending, per customer. */
  extra: Map<number, number[]>;
  extraCount: number;
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
  const rows = new Int32Array(n);
  const day = new Int32Array(n);
  const time = new Float64Array(n);
  const revenue = new Float64Array(n);
  const discount = new Float64Array(n);
  const cogs = new Float64Array(n);
  const campaign = new Int32Array(n);
  const channel = new Int16Array(n);
  const firstPos = new Int32Array(nc).fill(-1);
  const first = ds.firstOrder;
  const sDay = o.day;
  const sTime = o.time;
  const sRev = o.revenue;
  const sDisc = o.discount;
  const sCogs = o.cogs;
  const sCamp = o.campaign;
  const sChan = o.channel;
  for (let i = 0; i < n; i++) {
    const c = cust[i]!;
    const p = fill[c]!++;
    rows[p] = i;
    day[p] = sDay[i]!;
    time[p] = sTime[i]!;
    revenue[p] = sRev[i]!;
    discount[p] = sDisc[i]!;
    cogs[p] = sCogs[i]!;
    campaign[p] = sCamp[i]!;
    channel[p] = sChan[i]!;
  }
  const built = {
    length: n,
    baseLength: n,
    start,
    rows,
    firstPos,
    day,
    time,
    revenue,
    discount,
    cogs,
    campaign,
    channel,
    extra: new Map<number, number[]>(),
    extraCount: 0,
  };
  for (let c = 0; c < nc; c++) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (b - a > 1) sortByTime(built, rows, a, b);
    const f = first[c]!;
    if (f >= 0) for (let p = a; p < b; p++) if (rows[p] === f) firstPos[c] = p;
  }
  return built;
}

/**
 * Sorts positions `[a, b)` of the columns by (time, row): insertion sort, as a customer
 * has a handful of orders. Sorted rows let the pass find "the next order after t" by
 * looking ahead instead of scanning.
 */
function sortByTime(cols: OrderCols, rows: Int32Array, a: number, b: number): void {
  const { day, time, revenue, discount, cogs, campaign, channel } = cols;
  for (let i = a + 1; i < b; i++) {
    const t = time[i]!;
    const r = rows[i]!;
    let j = i - 1;
    if (time[j]! < t || (time[j] === t && rows[j]! < r)) continue;
    const d = day[i]!;
    const rv = revenue[i]!;
    const di = discount[i]!;
    const cg = cogs[i]!;
    const ca = campaign[i]!;
    const ch = channel[i]!;
    while (j >= a && (time[j]! > t || (time[j] === t && rows[j]! > r))) {
      time[j + 1] = time[j]!;
      rows[j + 1] = rows[j]!;
      day[j + 1] = day[j]!;
      revenue[j + 1] = revenue[j]!;
      discount[j + 1] = discount[j]!;
      cogs[j + 1] = cogs[j]!;
      campaign[j + 1] = campaign[j]!;
      channel[j + 1] = channel[j]!;
      j--;
    }
    time[j + 1] = t;
    rows[j + 1] = r;
    day[j + 1] = d;
    revenue[j + 1] = rv;
    discount[j + 1] = di;
    cogs[j + 1] = cg;
    campaign[j + 1] = ca;
    channel[j + 1] = ch;
  }
}

/** Brings the index up to the dataset's rows; rebuilds the base when appended rows pile up. */
function updateIndex(ds: Dataset, idx: CustomerIndex | undefined): CustomerIndex {
  const n = ds.orders.length;
  if (!idx || n < idx.length) return buildIndex(ds);
  if (n === idx.length) return idx;
  if (idx.extraCount + (n - idx.length) > Math.max(4096, idx.baseLength / 2)) return buildIndex(ds);
  const cust = ds.orders.customer;
  for (let i = idx.length; i < n; i++) {
    const c = cust[i]!;
    const list = idx.extra.get(c);
    if (list) list.push(i);
    else idx.extra.set(c, [i]);
  }
  idx.extraCount += n - idx.length;
  idx.length = n;
  return idx;
}

/** A customer's rows gathered into small columns, for incremental updates. */
class Scratch implements OrderCols {
  length = 0;
  day = new Int32Array(64);
  time = new Float64Array(64);
  revenue = new Float64Array(64);
  discount = new Float64Array(64);
  cogs = new Float64Array(64);
  campaign = new Int32Array(64);
  channel = new Int16Array(64);

  /** Row of each gathered position. */
  row = new Int32Array(64);

  /**
   * Gathers customer c's rows below `limit`: base rows first, then appended ones, so when
   * the base predates `split` the rows below `split` form a prefix. Returns whether they do.
   */
  gather(ds: Dataset, idx: CustomerIndex, c: number, limit: number, split = limit): boolean {
    const inBase = c < idx.start.length - 1;
    const p0 = inBase ? idx.start[c]! : 0;
    const p1 = inBase ? idx.start[c + 1]! : 0;
    const extra = idx.extra.get(c);
    const nExtra = extra === undefined ? 0 : extra.length;
    this.reserve(p1 - p0 + nExtra);
    const { day, time, revenue, discount, cogs, campaign, channel, row: rowOf } = this;
    const rows = idx.rows;
    let k = 0;
    let prefix = true;
    let seenAfter = false;
    for (let p = p0; p < p1; p++) {
      const row = rows[p]!;
      if (row >= limit) continue;
      if (row >= split) seenAfter = true;
      else if (seenAfter) prefix = false;
      rowOf[k] = row;
      day[k] = idx.day[p]!;
      time[k] = idx.time[p]!;
      revenue[k] = idx.revenue[p]!;
      discount[k] = idx.discount[p]!;
      cogs[k] = idx.cogs[p]!;
      campaign[k] = idx.campaign[p]!;
      channel[k] = idx.channel[p]!;
      k++;
    }
    if (extra !== undefined) {
      const o = ds.orders;
      for (let j = 0; j < nExtra; j++) {
        const row = extra[j]!;
        if (row >= limit) continue;
        if (row >= split) seenAfter = true;
        else if (seenAfter) prefix = false;
        rowOf[k] = row;
        day[k] = o.day[row]!;
        time[k] = o.time[row]!;
        revenue[k] = o.revenue[row]!;
        discount[k] = o.discount[row]!;
        cogs[k] = o.cogs[row]!;
        campaign[k] = o.campaign[row]!;
        channel[k] = o.channel[row]!;
        k++;
      }
    }
    this.length = k;
    return prefix;
  }

  /** Sorts the gathered rows by (time, row), as the kernel expects. */
  sort(): void {
    if (this.length > 1) sortByTime(this, this.row, 0, this.length);
  }

  /** Keeps only the gathered rows below `split`, in order. */
  keepBelow(split: number): void {
    const { day, time, revenue, discount, cogs, campaign, channel, row } = this;
    let k = 0;
    for (let j = 0; j < this.length; j++) {
      if (row[j]! >= split) continue;
      row[k] = row[j]!;
      day[k] = day[j]!;
      time[k] = time[j]!;
      revenue[k] = revenue[j]!;
      discount[k] = discount[j]!;
      cogs[k] = cogs[j]!;
      campaign[k] = campaign[j]!;
      channel[k] = channel[j]!;
      k++;
    }
    this.length = k;
  }

  /** Count of gathered rows below `split`. */
  countBelow(split: number): number {
    let n = 0;
    for (let k = 0; k < this.length; k++) if (this.row[k]! < split) n++;
    return n;
  }

  /** Position of `row` among the first `n` gathered rows, or -1. */
  positionOf(row: number, n: number): number {
    if (row < 0) return -1;
    for (let k = 0; k < n; k++) if (this.row[k] === row) return k;
    return -1;
  }

  private reserve(n: number): void {
    if (n <= this.day.length) return;
    const m = Math.max(n, this.day.length * 2);
    this.day = new Int32Array(m);
    this.time = new Float64Array(m);
    this.revenue = new Float64Array(m);
    this.discount = new Float64Array(m);
    this.cogs = new Float64Array(m);
    this.campaign = new Int32Array(m);
    this.channel = new Int16Array(m);
    this.row = new Int32Array(m);
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
const BASE_FIELDS = 18;

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
  rCust: Float64Array;
  rRev: Float64Array;
  // pacing, by campaign code (only selected campaigns with a budget)
  pActive: Uint8Array;
  pFrom: Int32Array;
  pTo: Int32Array;
  pSpent: Float64Array;
  pRev: Float64Array;
  // per-customer scratch
  /** Return window in ms. */
  windowMs: number;
  gen: number;
  sCnt: Int32Array;
  sMin: Float64Array;
  /** Position of each touched scope's first attributed row. */
  sAt: Int32Array;
  touched: Int32Array;
  issues: DataIssue[];
}

interface EngineCache {
  index?: CustomerIndex;
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
  const pFrom = new Int32Array(nCamp).fill(2147483647);
  const pTo = new Int32Array(nCamp).fill(-2147483648);
  for (const c of sel) {
    const cp = campaigns[c]!;
    if (cp.budget === null || cp.budget === undefined) continue;
    pActive[c] = 1;
    pFrom[c] = cp.start;
    pTo[c] = Math.min(o.asOfDay, cp.end);
  }

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
    rCust: new Float64Array(4),
    rRev: new Float64Array(4),
    pActive,
    pFrom,
    pTo,
    pSpent: new Float64Array(nCamp),
    pRev: new Float64Array(nCamp),
    windowMs: returnWindowMs(o),
    gen: 0,
    sCnt: new Int32Array(S * 2),
    sMin: new Float64Array(S * 2),
    sAt: new Int32Array(S * 2),
    touched: new Int32Array(S * 2),
    issues,
  };
  syncChannels(ds, s);
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
  if (s.chStamp.length < n) {
    const st = new Int32Array(n);
    st.set(s.chStamp);
    s.chStamp = st;
  }
}

// ---------------------------------------------------------------------------------------
// The passes.

/**
 * Adds `sign` x the contribution of one customer whose orders are at positions `[a, b)`
 * of `cols`; `fp` is the position of their first order (-1 when it is not among them).
 */
function contribute(
  ds: Dataset,
  s: State,
  cols: OrderCols,
  start: Int32Array,
  firstPosOf: Int32Array,
  c0: number,
  c1: number,
  sign: number,
): void {
  const day = cols.day;
  const time = cols.time;
  const revenue = cols.revenue;
  const discount = cols.discount;
  const cogs = cols.cogs;
  const campaign = cols.campaign;
  const channel = cols.channel;
  const acc = s.acc;
  const F = s.F;
  const selPos = s.selPos;
  const chPass = s.chPass;
  const pFrom = s.pFrom;
  const pTo = s.pTo;
  const sCnt = s.sCnt;
  const sMin = s.sMin;
  const sAt = s.sAt;
  const touched = s.touched;
  const nCustom = s.custom.length;
  const S = s.sel.length;
  const fromDay = s.o.fromDay;
  const days = s.o.days;
  const prevFromDay = s.o.previousFromDay;
  const asOf = s.o.asOfDay;
  const tableStart = s.tableStart;
  const bucketOfDay = s.bucketOfDay;
  const nTable = bucketOfDay.length;
  const nb = s.nb;
  const campaignFilter = s.campaignFilter;
  const cSize = s.cSize;
  const cActive = s.cActive;
  const cRev = s.cRev;
  const bucketStamp = s.bucketStamp;
  const pSpent = s.pSpent;
  const pRev = s.pRev;
  const dAll = s.dAll;
  const dRev = s.dRev;
  const dOrd = s.dOrd;
  const dDisc = s.dDisc;
  const dBuy = s.dBuy;
  const dCampRev = s.dCampRev;
  const dCampOrd = s.dCampOrd;
  const dayStamp = s.dayStamp;
  const chRev = s.chRev;
  const chOrd = s.chOrd;
  const chBuy = s.chBuy;
  const chStamp = s.chStamp;
  const rCust = s.rCust;
  const rRev = s.rRev;
  const windowMs = s.windowMs;
  let gen = s.gen;

  for (let c = c0; c < c1; c++) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (a >= b) continue;
    const fp = firstPosOf[c]!;
    gen++;

    // Cohort membership and the scope of the first order.
    let cohort = -1;
    let firstP = -1;
    let firstPos = -1;
    if (fp >= 0) {
      const fd = day[fp]!;
      const fc = campaign[fp]!;
      const pos = fc >= 0 ? selPos[fc]! : -1;
      const ti = fd - tableStart;
      if (ti >= 0 && ti < nTable && (!campaignFilter || pos >= 0)) cohort = bucketOfDay[ti]!;
      if (pos >= 0 && chPass[channel[fp]! + 1] === 1) {
        if (fd - fromDay >= 0 && fd - fromDay < days) firstP = 0;
        else if (fd - prevFromDay >= 0 && fd - prevFromDay < days) firstP = 1;
        if (firstP >= 0) firstPos = pos;
      }
    }
    if (cohort >= 0) cSize[cohort]! += sign;

    let cnt0 = 0;
    let cnt1 = 0;
    let min0 = Infinity;
    let min1 = Infinity;
    let at0 = -1;
    let at1 = -1;
    let nTouched = 0;
    let lastDay = -2147483648;
    let revInP = 0;
    let tMax = -Infinity;

    for (let k = a; k < b; k++) {
      const d = day[k]!;
      const rev = revenue[k]!;
      const cam = campaign[k]!;
      const tk = time[k]!;
      if (tk > tMax) tMax = tk;
      if (d <= asOf && d > lastDay) lastDay = d;
      const dd = d - fromDay;
      const inP = dd >= 0 && dd < days;
      if (inP) revInP += rev;
      if (cohort >= 0) {
        const ti = d - tableStart;
        if (ti >= 0 && ti < nTable) {
          const bk = bucketOfDay[ti]!;
          if (bk >= cohort) {
            const cell = cohort * nb + (bk - cohort);
            if (bucketStamp[bk] !== gen) {
              bucketStamp[bk] = gen;
              cActive[cell]! += sign;
            }
            cRev[cell]! += sign * rev;
          }
        }
      }
      if (cam >= 0 && d >= pFrom[cam]! && d <= pTo[cam]!) {
        pSpent[cam]! += sign * discount[k]!;
        pRev[cam]! += sign * rev;
      }
      let p: number;
      if (inP) p = 0;
      else if (d - prevFromDay >= 0 && d - prevFromDay < days) p = 1;
      else continue;
      const ch = channel[k]!;
      if (chPass[ch + 1] !== 1) continue;
      acc[p * F + ALLREV]! += sign * rev;
      if (p === 0) dAll[dd]! += sign * rev;
      const pos = cam >= 0 ? selPos[cam]! : -1;
      if (pos < 0) continue;
      // An attributed order (A).
      const disc = discount[k]!;
      const cg = cogs[k]!;
      const t = tk;
      const o0 = p * F;
      const o1 = ((1 + pos) * 2 + p) * F;
      acc[o0 + REV]! += sign * rev;
      acc[o1 + REV]! += sign * rev;
      acc[o0 + ORD]! += sign;
      acc[o1 + ORD]! += sign;
      acc[o0 + DISC]! += sign * disc;
      acc[o1 + DISC]! += sign * disc;
      if (cg === cg) {
        acc[o0 + COGS]! += sign * cg;
        acc[o1 + COGS]! += sign * cg;
      } else {
        acc[o0 + MISS]! += sign;
        acc[o1 + MISS]! += sign;
      }
      if (nCustom > 0) customOrder(ds, s, o0, o1, sign, rev, disc, cg, cam, ch, t);
      if (p === 0) {
        if (cnt0++ === 0) {
          min0 = t;
          at0 = k;
        }
        dRev[dd]! += sign * rev;
        dOrd[dd]! += sign;
        dDisc[dd]! += sign * disc;
        dCampRev[dd * S + pos]! += sign * rev;
        dCampOrd[dd * S + pos]! += sign;
        if (dayStamp[dd] !== gen) {
          dayStamp[dd] = gen;
          dBuy[dd]! += sign;
        }
        if (ch >= 0) {
          chRev[ch]! += sign * rev;
          chOrd[ch]! += sign;
          if (chStamp[ch] !== gen) {
            chStamp[ch] = gen;
            chBuy[ch]! += sign;
          }
        }
      } else {
        if (cnt1++ === 0) {
          min1 = t;
          at1 = k;
        }
      }
      const si = pos * 2 + p;
      // Rows are in time order: the scope's first attributed row is its earliest.
      if (sCnt[si] === 0) {
        touched[nTouched++] = si;
        sMin[si] = t;
        sAt[si] = k;
      }
      sCnt[si]!++;
    }

    // Recency: days from the last order on or before asOf.
    if (lastDay !== -2147483648) {
      const gap = asOf - lastDay;
      const seg = gap <= 7 ? 0 : gap <= 14 ? 1 : gap <= 28 ? 2 : 3;
      rCust[seg]! += sign;
      rRev[seg]! += sign * revInP;
    }

    if (firstP >= 0) {
      acc[firstP * F + NEW]! += sign;
      acc[((1 + firstPos) * 2 + firstP) * F + NEW]! += sign;
    }
    if (cnt0 === 0 && cnt1 === 0) continue;
    if (cnt0 > 0) {
      acc[BUY]! += sign;
      if (cnt0 >= 2) acc[REP]! += sign;
      if (tMax > min0 && returnsAfter(time, at0, b, min0, windowMs)) acc[RET]! += sign;
    }
    if (cnt1 > 0) {
      acc[F + BUY]! += sign;
      if (cnt1 >= 2) acc[F + REP]! += sign;
      if (tMax > min1 && returnsAfter(time, at1, b, min1, windowMs)) acc[F + RET]! += sign;
    }
    for (let k = 0; k < nTouched; k++) {
      const si = touched[k]!;
      const o1 = (2 + si) * F;
      acc[o1 + BUY]! += sign;
      if (sCnt[si]! >= 2) acc[o1 + REP]! += sign;
      if (tMax > sMin[si]! && returnsAfter(time, sAt[si]!, b, sMin[si]!, windowMs)) acc[o1 + RET]! += sign;
      sCnt[si] = 0;
    }
  }
  s.gen = gen;
}

/**
 * With times sorted, whether the first time after position `at` that is later than `t`
 * (another order, ties excluded) is within `(t, t + windowMs]`.
 */
function returnsAfter(time: Float64Array, at: number, b: number, t: number, windowMs: number): boolean {
  let k = at + 1;
  while (k < b && time[k]! <= t) k++;
  return k < b && time[k]! <= t + windowMs;
}

/** Custom order measures of one attributed order (kept out of the hot loop). */
function customOrder(
  ds: Dataset,
  s: State,
  o0: number,
  o1: number,
  sign: number,
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
    s.acc[o0 + BASE_FIELDS + m]! += sign * v;
    s.acc[o1 + BASE_FIELDS + m]! += sign * v;
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
function addOtherRows(ds: Dataset, s: State): void {
  const { acc, F, selPos, chPass, custom } = s;
  const o = s.o;
  const period = (d: number): number =>
    d >= o.fromDay && d <= o.toDay ? 0 : d >= o.previousFromDay && d <= o.previousToDay ? 1 : -1;
  const hasCustom = (col: CustomMeasure['collection']): boolean => custom.some((m) => m.measure.collection === col);

  const costs = ds.costs;
  const costCustom = hasCustom('costs');
  for (let i = s.costsLen; i < costs.length; i++) {
    const cam = costs.campaign[i]!;
    if (cam < 0) continue;
    const d = costs.day[i]!;
    const amount = costs.amount[i]!;
    if (s.pActive[cam] === 1 && d >= s.pFrom[cam]! && d <= s.pTo[cam]!) s.pSpent[cam]! += amount;
    const pos = selPos[cam]!;
    const p = period(d);
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
  const exCustom = hasCustom('exposures');
  for (let i = s.exposuresLen; i < ex.length; i++) {
    const cam = ex.campaign[i]!;
    if (cam < 0) continue;
    const pos = selPos[cam]!;
    const d = ex.day[i]!;
    const p = period(d);
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
  const lyCustom = hasCustom('loyalty');
  for (let i = s.loyaltyLen; i < ly.length; i++) {
    const p = period(ly.day[i]!);
    const ch = ly.channel[i]!;
    if (p < 0 || chPass[ch + 1] !== 1) continue;
    acc[p * F + PE]! += ly.earned[i]!;
    acc[p * F + PR]! += ly.redeemed[i]!;
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

function fullPass(ds: Dataset, s: State, idx: CustomerIndex): void {
  const n = ds.orders.length;
  const nc = idx.start.length - 1;
  const start = idx.start;
  const firstPos = idx.firstPos;
  contribute(ds, s, idx, start, firstPos, 0, nc, 1);
  s.ordersLen = n;
  s.firstOrder = ds.firstOrder.slice(0, ds.customers.size);
  addOtherRows(ds, s);
}

const scratch = new Scratch();
const oneStart = new Int32Array(2);
const oneFirst = new Int32Array(1);

/** The contribution of the gathered customer's positions `[a, b)`. */
function one(s: State, ds: Dataset, a: number, b: number, fp: number, sign: number): void {
  oneStart[0] = a;
  oneStart[1] = b;
  oneFirst[0] = fp;
  contribute(ds, s, scratch, oneStart, oneFirst, 0, 1, sign);
}

/** Updates a state with the rows appended since it was last counted. */
function incrementalPass(ds: Dataset, s: State, idx: CustomerIndex): void {
  syncChannels(ds, s);
  const n = ds.orders.length;
  const cust = ds.orders.customer;
  const touched = new Set<number>();
  for (let i = s.ordersLen; i < n; i++) touched.add(cust[i]!);
  const oldFirst = s.firstOrder;
  const first = ds.firstOrder;
  const before = s.ordersLen;
  for (const c of touched) {
    const oldF = c < oldFirst.length ? oldFirst[c]! : -1;
    const newF = first[c] ?? -1;
    // One gather serves both views: all rows for the new contribution, then the rows
    // below the batch (kept in time order) for the old one.
    scratch.gather(ds, idx, c, n);
    scratch.sort();
    one(s, ds, 0, scratch.length, scratch.positionOf(newF, scratch.length), 1);
    scratch.keepBelow(before);
    one(s, ds, 0, scratch.length, scratch.positionOf(oldF, scratch.length), -1);
  }
  const nc = ds.customers.size;
  if (oldFirst.length < nc) {
    const f = new Int32Array(nc).fill(-1);
    f.set(oldFirst);
    s.firstOrder = f;
  }
  for (const c of touched) s.firstOrder[c] = first[c] ?? -1;
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
    // A full pass reads the grouped columns only: fold appended rows into the base first.
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
  s.custom.forEach((c, k) => {
    m.custom[c.name] = a[(c.measure.collection === 'loyalty' ? g : o) + BASE_FIELDS + k]!;
  });
  return m;
}

function scope(s: State, i: number): ScopeMeasures {
  return { current: measuresAt(s, i, 0), previous: measuresAt(s, i, 1) };
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
    const bc: DailyAggregate['byCampaign'] = Object.fromEntries(
      ids.map((id, k) => [id, { revenue: s.dCampRev[d * S + k]!, orders: s.dCampOrd[d * S + k]! }]),
    );
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
        spent: s.pSpent[c]!,
        revenue: s.pRev[c]!,
      },
    ]);
  }
  const pacing: Record<string, PacingInput> = Object.fromEntries(pacingEntries);

  return {
    version: AGGREGATES_VERSION,
    total: scope(s, 0),
    byCampaign,
    byChannel,
    daily,
    cohorts: { grain: o.cohortGrain, rows },
    recency: RECENCY_SEGMENTS.map((segment, k) => ({ segment, customers: s.rCust[k]!, revenue: s.rRev[k]! })),
    pacing,
    issues: [...ds.issues, ...s.issues],
  };
}
