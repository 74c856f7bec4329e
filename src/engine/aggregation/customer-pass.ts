/**
 * The per-customer pass: what needs a customer's other orders.
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts).
 *
 * DOM-free.
 */
import { campaignOf, channelOf, R_CC, R_DAY, R_ROW, type OrderRecs } from './customer-index.js';
import { DAILY_FIELDS, DAILY_SLOT, SLOT } from './slots.js';
import { NO_DAY, type State } from './state.js';

/**
 * Adds the per-customer part of the aggregates of customers `c0 .. c1 - 1`, whose
 * orders are at positions `[start[c], start[c + 1])` of `recs`, sorted by (time, row);
 * `firstPosOf[c]` is the position of their first order (-1 when it is not among them).
 *
 * The per-customer part is what needs a customer's other orders: distinct buyers (per
 * scope, day and channel), repeat and retained buyers, new customers (per scope and day
 * of their first order), cohorts and
 * recency. Sums over orders (revenue, discounts, cogs, pacing...) are not included: each
 * order adds its own, see {@link addOrderRows} and {@link addCube}.
 *
 * A local day is a non-decreasing function of the time, so in each customer's sorted
 * rows the days of P' and then the days of P are two contiguous runs (with a comparison
 * a year back, rows between them are stepped over): the pass walks them in two loops and
 * never classifies a row by period. `codes[c]` is the customer code of the c-th customer
 * of `start` (null: c itself).
 */
// Imported bindings as constants of this module, read once rather than at every use (where
// modules are compiled to CommonJS, as by tsx, each use of an import is a getter call).
const campaignOfCC = campaignOf;
const channelOfCC = channelOf;
const DAY = R_DAY;
const CC = R_CC;
const ROW = R_ROW;
const noDay = NO_DAY;
const SLOT_BUYERS = SLOT.buyers;
const SLOT_REPEAT = SLOT.repeatBuyers;
const SLOT_RETAINED = SLOT.retainedBuyers;
const DF = DAILY_FIELDS;
const D_BUY = DAILY_SLOT.buyers;
const D_NEW = DAILY_SLOT.newCustomers;

export function contribute(
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
  const campaignFilter = s.campaignFilter;
  const daily = s.daily;
  const dayStamp = s.dayStamp;
  const chBuy = s.chBuy;
  const chStamp = s.chStamp;
  const gapCust = s.gapCust;
  const gapRev = s.gapRev;
  const windowMs = s.windowMs;
  const { buyers: BUY, repeatBuyers: REP, retainedBuyers: RET, newCustomers: NEW } = SLOT;
  const { memberRevenue: MREV, memberOrders: MORD } = SLOT;
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
      const fd = ii[(fp << 3) + DAY]!;
      const fcc = ii[(fp << 3) + CC]!;
      const fc = campaignOfCC(fcc);
      const pos = fc >= 0 ? selPos[fc]! : -1;
      const ti = fd - tableStart;
      if (ti >= 0 && ti < nTable && (!campaignFilter || pos >= 0))
        addCohortMember(s, recs, a, b, bucketOfDay[ti]!, gen);
      // New: the first order is in A (selected campaign, channel and attribute filters).
      if (pos >= 0 && chPass[channelOfCC(fcc) + 1] === 1 && (rowPass === null || rowPass[ii[(fp << 3) + ROW]!] === 1)) {
        let firstP = -1;
        if (fd >= fromDay && fd <= toDay) {
          new0++;
          daily[(fd - fromDay) * DF + D_NEW]!++;
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
    while (k < b && ii[(k << 3) + DAY]! < prevFromDay) k++;

    // P': attributed orders (A) only count their buyer; O counts for members.
    let cnt1 = 0;
    let at1 = -1;
    let oRev1 = 0;
    let oOrd1 = 0;
    for (; k < b; k++) {
      if (ii[(k << 3) + DAY]! > prevToDay) break;
      const cc = ii[(k << 3) + CC]!;
      if (chPass[channelOfCC(cc) + 1] !== 1) continue;
      if (rowPass !== null && rowPass[ii[(k << 3) + ROW]!] !== 1) continue;
      oRev1 += f[(k << 2) + 1]!;
      oOrd1++;
      const cam = campaignOfCC(cc);
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
    while (k < b && ii[(k << 3) + DAY]! < fromDay) k++;
    const kP = k;
    let cnt0 = 0;
    let at0 = -1;
    let revInP = 0;
    let revA0 = 0;
    let oRev0 = 0;
    let oOrd0 = 0;
    for (; k < b; k++) {
      const d = ii[(k << 3) + DAY]!;
      if (d > toDay) break;
      const rev = f[(k << 2) + 1]!;
      revInP += rev;
      const cc = ii[(k << 3) + CC]!;
      const ch = channelOfCC(cc);
      if (chPass[ch + 1] !== 1) continue;
      if (rowPass !== null && rowPass[ii[(k << 3) + ROW]!] !== 1) continue;
      oRev0 += rev;
      oOrd0++;
      const cam = campaignOfCC(cc);
      const pos = cam >= 0 ? selPos[cam]! : -1;
      if (pos < 0) continue;
      if (cnt0++ === 0) at0 = k;
      revA0 += rev;
      if (nBd > 0) {
        const row = ii[(k << 3) + ROW]!;
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
        daily[dd * DF + D_BUY]!++;
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
    while (last >= a && ii[(last << 3) + DAY]! > asOf) last--;
    if (last >= a) {
      // Two interleaved histograms (by customer parity): fewer updates of one slot in a row.
      const g = Math.min(asOf - ii[(last << 3) + DAY]!, lastGap) * 2 + (c & 1);
      gapCust[g]!++;
      gapRev[g]! += revInP;
    }

    // Re-activation: days from the last order on or before the base day to it.
    if (kP > a) {
      const g = Math.min(baseDay - ii[((kP - 1) << 3) + DAY]!, lastGap);
      reCust[g]!++;
      if (cnt0 > 0) {
        reRet[g]!++;
        reOrd[g]! += cnt0;
        reRev[g]! += revA0;
      }
    }

    // Members at the end of each period: their orders of O.
    const code = codes === null ? c : codes[c]!;
    const mDay = code < memberDay.length ? memberDay[code]! : noDay;
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
    if (nTouched > 0) countScopeBuyers(s, recs, nTouched);
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

/**
 * Adds a cohort member (a customer whose first order is in bucket `cohort`): the cohort's
 * size, and per later bucket whether they ordered (once) and their revenue.
 */
function addCohortMember(s: State, recs: OrderRecs, a: number, b: number, cohort: number, gen: number): void {
  const ii = recs.i;
  const f = recs.f;
  const { tableStart, bucketOfDay, nb, bucketStamp, cActive, cRev } = s;
  const nTable = bucketOfDay.length;
  s.cSize[cohort]!++;
  for (let k = a; k < b; k++) {
    const tk = ii[(k << 3) + DAY]! - tableStart;
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

/**
 * Counts the customer in each campaign scope and period they bought in (`touched[0 ..
 * nTouched]`, their rows counted in `sCnt`, the first at `sAt`): a buyer, a repeat buyer
 * with 2 or more orders, retained with another order within the window after the first.
 * Repeat and retained are added as 0 or 1 (`+(x)`) rather than behind a branch: they are
 * as often true as not.
 */
function countScopeBuyers(s: State, recs: OrderRecs, nTouched: number): void {
  const { acc, F, touched, sAt, sCnt, windowMs } = s;
  const f = recs.f;
  const next = recs.next;
  const BUY = SLOT_BUYERS;
  const REP = SLOT_REPEAT;
  const RET = SLOT_RETAINED;
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
