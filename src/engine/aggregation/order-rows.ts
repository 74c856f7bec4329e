/**
 * Order sums row by row: appended rows, and a full pass without an order cube (attribute
 * filters, custom order measures, or a cube too large).
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts,
 * the appended batches).
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import type { OrderView } from '../kpis.js';
import { BASE_FIELDS, DAILY_FIELDS, DAILY_SLOT, SLOT } from './slots.js';
import type { State } from './state.js';

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

/** A custom measure's value of one row: 0 when it throws or is not a finite number. */
export function safeValue(f: () => number): number {
  try {
    const v = f();
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/**
 * Adds the order sums of rows `[from, to)`, row by row: revenue, orders, discounts and
 * cogs per scope, period, day (of P) and channel, the revenue of all orders (O), custom order
 * measures and pacing. An order's sums are its own, so appended rows simply add theirs.
 */
export function addOrderRows(ds: Dataset, s: State, from: number, to: number): void {
  const o = ds.orders;
  const day = o.day;
  const revenue = o.revenue;
  const discount = o.discount;
  const cogs = o.cogs;
  const campaign = o.campaign;
  const channel = o.channel;
  const time = o.time;
  const { acc, F, selPos, chPass, daily, dCampRev, dCampOrd, chRev, chOrd } = s;
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
  const { revenue: REV, orders: ORD, discountCost: DISC, cogs: COGS, missingCogs: MISS } = SLOT;
  const { allRevenue: ALLREV, allOrders: ALLORD } = SLOT;
  const DF = DAILY_FIELDS;
  const { revenue: D_REV, orders: D_ORD, discountCost: D_DISC, cogs: D_COGS, missingCogs: D_MISS } = DAILY_SLOT;
  const D_ALL = DAILY_SLOT.allRevenue;
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
    if (p === 0) daily[dd * DF + D_ALL]! += rev;
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
      const db = dd * DF;
      daily[db + D_REV]! += rev;
      daily[db + D_ORD]! += 1;
      daily[db + D_DISC]! += disc;
      if (cg === cg) daily[db + D_COGS]! += cg;
      else daily[db + D_MISS]! += 1;
      dCampRev[dd * S + pos]! += rev;
      dCampOrd[dd * S + pos]! += 1;
      if (ch >= 0) {
        chRev[ch]! += rev;
        chOrd[ch]! += 1;
      }
    }
  }
}
