/**
 * Cost, exposure and loyalty rows: plain sums over their rows (active members: a
 * per-customer bit per period, set once), so appended rows add theirs.
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import type { ResolvedOptions } from '../aggregates-contract.js';
import type { CostView, CustomMeasure, ExposureView, LoyaltyView } from '../kpis.js';
import { formatDay } from '../../core/time.js';
import { safeValue } from './order-rows.js';
import { BASE_FIELDS, DAILY_FIELDS, DAILY_SLOT, SLOT } from './slots.js';
import type { State } from './state.js';

/** 0 for a day of P, 1 for a day of P', else -1. */
function periodOf(o: ResolvedOptions, d: number): number {
  return d >= o.fromDay && d <= o.toDay ? 0 : d >= o.previousFromDay && d <= o.previousToDay ? 1 : -1;
}

function hasCustom(s: State, col: CustomMeasure['collection']): boolean {
  return s.custom.some((m) => m.measure.collection === col);
}

/**
 * Adds cost, exposure and loyalty rows from the state's counted lengths to the dataset's.
 * (No closures made per call here: code compiled for one call's closure would be thrown
 * away at the next.)
 */
export function addOtherRows(ds: Dataset, s: State): void {
  const { acc, F, selPos, chPass, custom } = s;
  const o = s.o;
  const { spend: SPEND, impressions: IMP, reach: REACH, clicks: CLK, engagements: ENG, exposureRecords: EXPN } = SLOT;
  const { pointsEarned: PE, pointsRedeemed: PR, activeMembers: ACTM, pointsOutstanding: POUT } = SLOT;
  const daily = s.daily;
  const DF = DAILY_FIELDS;
  const D = DAILY_SLOT;

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
    if (p === 0) daily[(d - o.fromDay) * DF + D.spend]! += amount;
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
    if (p === 0) {
      const db = (d - o.fromDay) * DF;
      daily[db + D.impressions]! += ex.impressions[i]!;
      daily[db + D.reach]! += ex.reach[i]!;
      daily[db + D.clicks]! += ex.clicks[i]!;
      daily[db + D.engagements]! += ex.engagements[i]!;
      daily[db + D.exposureRecords]! += 1;
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
    if (d <= o.toDay) acc[POUT]! += earned - redeemed;
    if (d <= o.previousToDay) acc[F + POUT]! += earned - redeemed;
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
    if (p === 0) {
      const db = (d - o.fromDay) * DF;
      daily[db + D.pointsEarned]! += earned;
      daily[db + D.pointsRedeemed]! += redeemed;
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
