/**
 * Aggregation over the columnar dataset: one fused pass gives the {@link Aggregates} of a
 * report, and an appended batch updates them in time proportional to the batch.
 *
 * How the pass is organised:
 *  - Orders are visited customer by customer, through a per-customer row index that is
 *    built once per dataset (counting sort, O(N)) and extended on append. Everything an
 *    order contributes is a per-customer *contribution*: sums (revenue, discounts, cogs,
 *    daily and channel sums, pacing), distinct counts (buyers per scope, per day, per
 *    channel), repeat buyers, retention (needs the customer's other orders), new
 *    customers (needs the customer's first order), cohorts and recency. The whole report
 *    is the sum of the contributions of all customers plus the sums over costs, exposures
 *    and loyalty events.
 *  - Costs, exposures and loyalty events are plain sums over their rows.
 *
 * Incremental update: rows are only ever appended, and an appended order can only change
 * the contribution of its own customer (their first order, their retention, their
 * cohort...). So an update subtracts the old contribution of each customer named in the
 * batch (computed over their rows before the batch, with their first order before the
 * batch), adds their new one, and adds the new cost, exposure and loyalty rows. The work
 * is proportional to the batch plus the order history of the customers it names. It
 * falls back to a full pass when the campaigns changed (campaign codes and budgets shape
 * every accumulator), when a collection shrank (not an append), when the KPI registry
 * changed (custom measures), or when the options differ from every cached state.
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

/** Rows of each customer: a CSR base built at `baseLength` plus rows appended since. */
interface CustomerIndex {
  /** Order rows indexed so far. */
  length: number;
  baseLength: number;
  /** `rows[start[c] .. start[c + 1])` are customer c's rows below `baseLength`, ascending. */
  start: Int32Array;
  rows: Int32Array;
  /** Rows >= baseLength, ascending, per customer. */
  extra: Map<number, number[]>;
  extraCount: number;
}

function buildIndex(ds: Dataset): CustomerIndex {
  const o = ds.orders;
  const n = o.length;
  const nc = Math.max(ds.customers.size, 0);
  const start = new Int32Array(nc + 1);
  const cust = o.customer;
  for (let i = 0; i < n; i++) start[cust[i]! + 1]!++;
  for (let c = 0; c < nc; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nc);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[fill[cust[i]!]!++] = i;
  return { length: n, baseLength: n, start, rows, extra: new Map(), extraCount: 0 };
}

/** Brings the index up to the dataset's rows; rebuilds the base when appended rows pile up. */
function updateIndex(ds: Dataset, idx: CustomerIndex | undefined): CustomerIndex {
  const n = ds.orders.length;
  if (!idx || n < idx.length) return buildIndex(ds);
  if (n === idx.length) return idx;
  if (idx.extraCount + (n - idx.length) > Math.max(1024, idx.baseLength / 4)) return buildIndex(ds);
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
  gen: number;
  sCnt: Int32Array;
  sMin: Float64Array;
  touched: Int32Array;
  issues: DataIssue[];
}

interface EngineCache {
  index?: CustomerIndex;
  states: Map<string, State>;
}

const caches = new WeakMap<Dataset, EngineCache>();
const MAX_STATES = 4;

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
  const pFrom = new Int32Array(nCamp);
  const pTo = new Int32Array(nCamp);
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
    gen: 0,
    sCnt: new Int32Array(S * 2),
    sMin: new Float64Array(S * 2),
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
 * Adds `sign` x the contribution of customer `c`, counting only their rows below `limit`,
 * with `first` as their first order row (-1 when none).
 */
function contribute(
  ds: Dataset,
  s: State,
  idx: CustomerIndex,
  c: number,
  sign: number,
  limit: number,
  first: number,
): void {
  const o = ds.orders;
  const day = o.day;
  const time = o.time;
  const revenue = o.revenue;
  const discount = o.discount;
  const cogs = o.cogs;
  const campaign = o.campaign;
  const channel = o.channel;
  const { acc, F, selPos, chPass, pActive, pFrom, pTo, sCnt, sMin, touched, custom } = s;
  const S = s.sel.length;
  const opt = s.o;
  const pFromDay = opt.fromDay;
  const pToDay = opt.toDay;
  const qFromDay = opt.previousFromDay;
  const qToDay = opt.previousToDay;
  const asOf = opt.asOfDay;
  const gen = ++s.gen;

  // Rows of the customer below `limit`.
  const base0 = c < idx.start.length - 1 ? idx.start[c]! : 0;
  const base1 = c < idx.start.length - 1 ? idx.start[c + 1]! : 0;
  const extra = idx.extra.get(c);
  const nExtra = extra ? extra.length : 0;
  const rowsArr = idx.rows;
  const total = base1 - base0 + nExtra;
  if (total === 0) return;
  const rowAt = (k: number): number => (k < base1 - base0 ? rowsArr[base0 + k]! : extra![k - (base1 - base0)]!);

  // Cohort membership.
  let cohort = -1;
  if (first >= 0 && first < limit) {
    const fd = day[first]!;
    const fc = campaign[first]!;
    const ti = fd - s.tableStart;
    if (ti >= 0 && ti < s.bucketOfDay.length && (!s.campaignFilter || (fc >= 0 && selPos[fc]! >= 0)))
      cohort = s.bucketOfDay[ti]!;
  }
  if (cohort >= 0) s.cSize[cohort]! += sign;

  let cnt0 = 0;
  let cnt1 = 0;
  let min0 = Infinity;
  let min1 = Infinity;
  let nTouched = 0;
  let lastDay = -Infinity;
  let revInP = 0;
  let any = false;

  for (let k = 0; k < total; k++) {
    const i = rowAt(k);
    if (i >= limit) continue;
    any = true;
    const d = day[i]!;
    const rev = revenue[i]!;
    const cam = campaign[i]!;
    if (d <= asOf && d > lastDay) lastDay = d;
    if (d >= pFromDay && d <= pToDay) revInP += rev;
    if (cohort >= 0) {
      const ti = d - s.tableStart;
      if (ti >= 0 && ti < s.bucketOfDay.length) {
        const b = s.bucketOfDay[ti]!;
        if (b >= cohort) {
          const cell = cohort * s.nb + (b - cohort);
          if (s.bucketStamp[b] !== gen) {
            s.bucketStamp[b] = gen;
            s.cActive[cell]! += sign;
          }
          s.cRev[cell]! += sign * rev;
        }
      }
    }
    if (cam >= 0 && pActive[cam] === 1 && d >= pFrom[cam]! && d <= pTo[cam]!) {
      s.pSpent[cam]! += sign * discount[i]!;
      s.pRev[cam]! += sign * rev;
    }
    let p: number;
    if (d >= pFromDay && d <= pToDay) p = 0;
    else if (d >= qFromDay && d <= qToDay) p = 1;
    else continue;
    const ch = channel[i]!;
    if (chPass[ch + 1] !== 1) continue;
    acc[p * F + ALLREV]! += sign * rev;
    const dd = d - pFromDay;
    if (p === 0) s.dAll[dd]! += sign * rev;
    const pos = cam >= 0 ? selPos[cam]! : -1;
    if (pos < 0) continue;
    // Attributed order (A).
    const disc = discount[i]!;
    const cg = cogs[i]!;
    const t = time[i]!;
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
    if (custom.length > 0) {
      let view: OrderView | null = null;
      for (let m = 0; m < custom.length; m++) {
        const spec = custom[m]!.measure;
        if (spec.collection !== 'orders') continue;
        view ??= {
          revenue: rev,
          discount: disc,
          cogs: cg === cg ? cg : null,
          campaignId: ds.campaigns[cam]!.id,
          channel: ch >= 0 ? ds.channels.value(ch) : null,
          time: t,
        };
        const v = safeValue(() => spec.value(view!));
        acc[o0 + BASE_FIELDS + m]! += sign * v;
        acc[o1 + BASE_FIELDS + m]! += sign * v;
      }
    }
    if (p === 0) {
      cnt0++;
      if (t < min0) min0 = t;
      s.dRev[dd]! += sign * rev;
      s.dOrd[dd]! += sign;
      s.dDisc[dd]! += sign * disc;
      s.dCampRev[dd * S + pos]! += sign * rev;
      s.dCampOrd[dd * S + pos]! += sign;
      if (s.dayStamp[dd] !== gen) {
        s.dayStamp[dd] = gen;
        s.dBuy[dd]! += sign;
      }
      if (ch >= 0) {
        s.chRev[ch]! += sign * rev;
        s.chOrd[ch]! += sign;
        if (s.chStamp[ch] !== gen) {
          s.chStamp[ch] = gen;
          s.chBuy[ch]! += sign;
        }
      }
    } else {
      cnt1++;
      if (t < min1) min1 = t;
    }
    const si = pos * 2 + p;
    if (sCnt[si] === 0) {
      touched[nTouched++] = si;
      sMin[si] = t;
    } else if (t < sMin[si]!) sMin[si] = t;
    sCnt[si]!++;
  }
  if (!any) {
    if (cohort >= 0) s.cSize[cohort]! -= sign;
    return;
  }

  // Recency.
  if (lastDay !== -Infinity) {
    const gap = asOf - lastDay;
    const seg = gap <= 7 ? 0 : gap <= 14 ? 1 : gap <= 28 ? 2 : 3;
    s.rCust[seg]! += sign;
    s.rRev[seg]! += sign * revInP;
  }

  // Whether the customer has an order timed in (t, t + window].
  const windowMs = returnWindowMs(opt);
  const returns = (t: number): boolean => {
    const until = t + windowMs;
    for (let k = 0; k < total; k++) {
      const i = rowAt(k);
      if (i >= limit) continue;
      const x = time[i]!;
      if (x > t && x <= until) return true;
    }
    return false;
  };

  // First order in A of some scope and period.
  let firstP = -1;
  let firstPos = -1;
  if (first >= 0 && first < limit) {
    const d = day[first]!;
    const cam = campaign[first]!;
    const pos = cam >= 0 ? selPos[cam]! : -1;
    if (pos >= 0 && chPass[channel[first]! + 1] === 1) {
      if (d >= pFromDay && d <= pToDay) firstP = 0;
      else if (d >= qFromDay && d <= qToDay) firstP = 1;
      if (firstP >= 0) firstPos = pos;
    }
  }

  if (cnt0 > 0) {
    acc[BUY]! += sign;
    if (cnt0 >= 2) acc[REP]! += sign;
    if (returns(min0)) acc[RET]! += sign;
  }
  if (cnt1 > 0) {
    acc[F + BUY]! += sign;
    if (cnt1 >= 2) acc[F + REP]! += sign;
    if (returns(min1)) acc[F + RET]! += sign;
  }
  if (firstP >= 0) {
    acc[firstP * F + NEW]! += sign;
    acc[((1 + firstPos) * 2 + firstP) * F + NEW]! += sign;
  }
  for (let k = 0; k < nTouched; k++) {
    const si = touched[k]!;
    const o1 = (2 + si) * F;
    acc[o1 + BUY]! += sign;
    if (sCnt[si]! >= 2) acc[o1 + REP]! += sign;
    if (returns(sMin[si]!)) acc[o1 + RET]! += sign;
    sCnt[si] = 0;
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
  const nc = ds.customers.size;
  const first = ds.firstOrder;
  for (let c = 0; c < nc; c++) contribute(ds, s, idx, c, 1, n, first[c] ?? -1);
  s.ordersLen = n;
  s.firstOrder = first.slice(0, nc);
  addOtherRows(ds, s);
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
  for (const c of touched) {
    contribute(ds, s, idx, c, -1, s.ordersLen, c < oldFirst.length ? oldFirst[c]! : -1);
    contribute(ds, s, idx, c, 1, n, first[c] ?? -1);
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
  const idx = indexOf(ds);
  const useCache = opts.cache !== false;
  const key = optionsKey(o);
  let s = useCache ? cache.states.get(key) : undefined;
  if (
    s &&
    (s.registryGeneration !== registryGeneration ||
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
  const byCampaign: Record<string, ScopeMeasures> = {};
  ids.forEach((id, k) => {
    byCampaign[id] = scope(s, 1 + k);
  });

  const byChannel: Aggregates['byChannel'] = {};
  for (let ch = 0; ch < ds.channels.size; ch++) {
    if (!(s.chOrd[ch]! > 0)) continue;
    byChannel[ds.channels.value(ch)] = { revenue: s.chRev[ch]!, orders: s.chOrd[ch]!, buyers: s.chBuy[ch]! };
  }

  const daily: DailyAggregate[] = [];
  for (let d = 0; d < o.days; d++) {
    const bc: DailyAggregate['byCampaign'] = {};
    for (let k = 0; k < S; k++) bc[ids[k]!] = { revenue: s.dCampRev[d * S + k]!, orders: s.dCampOrd[d * S + k]! };
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

  const pacing: Record<string, PacingInput> = {};
  for (const c of s.sel) {
    if (s.pActive[c] !== 1) continue;
    const cp = ds.campaigns[c]!;
    pacing[cp.id] = {
      budget: cp.budget!,
      start: formatDay(cp.start),
      end: formatDay(cp.end),
      spent: s.pSpent[c]!,
      revenue: s.pRev[c]!,
    };
  }

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
