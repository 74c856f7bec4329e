/**
 * The state of one set of report options over one dataset: the accumulators of every part
 * of the aggregates (scopes and periods, days, channels, breakdowns, cohorts, recency,
 * re-activation, pacing), the rows already counted, and the per-option tables the passes
 * read (selected campaigns, channel and attribute filters, cohort buckets).
 *
 * DOM-free.
 */
import type { CampaignRecord, Dataset } from '../../data/columns.js';
import type { ResolvedOptions } from '../aggregates-contract.js';
import { returnWindowMs } from '../options.js';
import { formatDay, formatMonth, monthIndex, monthStart, weekStart } from '../../core/time.js';
import type { DataIssue } from '../../core/issues.js';
import { channelPass, filterRows } from './filters.js';
import { BASE_FIELDS, customSpecs, DAILY_FIELDS, type CustomSpec } from './slots.js';

/** Everything needed to update the aggregates of one set of options. */
export interface State {
  key: string;
  o: ResolvedOptions;
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
  /** Daily measures of P: day `d`'s at `d * DAILY_FIELDS + DAILY_SLOT[name]` (see `slots.ts`). */
  daily: Float64Array;
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
export interface BreakdownAcc {
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
export const NO_DAY = 0x7fffffff;

export function bucketOf(grain: 'month' | 'week', day: number): number {
  return grain === 'month' ? monthIndex(day) : (weekStart(day) - 4) / 7;
}
function bucketFirstDay(grain: 'month' | 'week', b: number): number {
  return grain === 'month' ? monthStart(b) : b * 7 + 4;
}
export function bucketLabel(grain: 'month' | 'week', b: number): string {
  return grain === 'month' ? formatMonth(b) : formatDay(b * 7 + 4);
}

export function optionsKey(o: ResolvedOptions): string {
  const { issues: _issues, ...rest } = o;
  return JSON.stringify(rest);
}

export function newState(ds: Dataset, o: ResolvedOptions): State {
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
    daily: new Float64Array(days * DAILY_FIELDS),
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

export function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** Sizes the channel arrays and the channel filter to the dataset's channel dictionary. */
export function syncChannels(ds: Dataset, s: State): void {
  const n = ds.channels.size;
  if (s.chPass.length === n + 1) return;
  s.chPass = channelPass(ds, s.o.channels);
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

/**
 * Extends the attribute filter's pass per order row to the dataset's rows. A row's
 * attributes never change, and a value added to a dictionary later is on no earlier row,
 * so rows counted before keep their answer.
 */
export function extendRowPass(ds: Dataset, s: State): void {
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

/** Sizes the breakdown sums to the attribute dictionaries (names may appear in later rows). */
export function syncBreakdowns(ds: Dataset, s: State): void {
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
