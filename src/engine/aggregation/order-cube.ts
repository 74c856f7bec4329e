/**
 * The order cube: sums of orders by (day, campaign, channel), built once per customer
 * index, so a full pass reads a report's order sums from the cells of its days instead of
 * visiting every order.
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts).
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import { DAILY_FIELDS, DAILY_SLOT, SLOT } from './slots.js';
import type { State } from './state.js';

/**
 * Sums of orders by (day, campaign, channel), built once per customer index (it covers
 * the same rows): revenue, orders, discounts, cogs and orders without cogs per cell. A
 * report then reads its sums and pacing from the cells of its days instead of visiting
 * every order. Not built when the cells would outnumber the orders (a wide span of days,
 * many campaigns or channels): the orders are then summed row by row.
 */
export interface OrderCube {
  dayMin: number;
  nDays: number;
  /** Campaign codes + 1 (0: no campaign) and channel codes + 1 (0: no channel). */
  nCamp: number;
  nChan: number;
  /** `nDays * nCamp * nChan`. */
  cells: number;
  /** Cell `((d - dayMin) * nCamp + campaign + 1) * nChan + channel + 1`, {@link CUBE_FIELDS} values from `cell * CUBE_FIELDS`. */
  values: Float64Array;
}

const CUBE_FIELDS = 5;

/** Tuning of the engine's derived data. */
export interface EngineTuning {
  /** Largest order cube, in cells: the larger of this many cells and `cubeCellsPerOrder` cells an order. */
  cubeMinCells: number;
  cubeCellsPerOrder: number;
}

export const DEFAULT_TUNING: Readonly<EngineTuning> = Object.freeze({ cubeMinCells: 65_536, cubeCellsPerOrder: 2 });

/** The most cells a cube over `n` orders may have. */
export function cubeLimit(tuning: Partial<EngineTuning> | undefined, n: number): number {
  const minCells = tuning?.cubeMinCells ?? DEFAULT_TUNING.cubeMinCells;
  const perOrder = tuning?.cubeCellsPerOrder ?? DEFAULT_TUNING.cubeCellsPerOrder;
  return Math.max(minCells, n * perOrder);
}

/** The cube of order rows `0 .. n`, or null when it would have more than `limit` cells. */
export function buildCube(ds: Dataset, n: number, limit: number): OrderCube | null {
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
  if (cells > limit) return null;
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
  return { dayMin, nDays, nCamp, nChan, cells, values };
}

/** Adds the order sums of the cube's cells: the same numbers as {@link addOrderRows} over all its rows. */
export function addCube(s: State, cube: OrderCube): void {
  const { dayMin, nDays, nCamp, nChan, values } = cube;
  const o = s.o;
  const { acc, F, selPos, chPass, daily, dCampRev, dCampOrd, chRev, chOrd } = s;
  const S = s.sel.length;
  const { revenue: REV, orders: ORD, discountCost: DISC, cogs: COGS, missingCogs: MISS } = SLOT;
  const { allRevenue: ALLREV, allOrders: ALLORD } = SLOT;
  const DF = DAILY_FIELDS;
  const { revenue: D_REV, orders: D_ORD, discountCost: D_DISC, cogs: D_COGS, missingCogs: D_MISS } = DAILY_SLOT;
  const D_ALL = DAILY_SLOT.allRevenue;
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
            const db = dd * DF;
            daily[db + D_REV]! += rev;
            daily[db + D_ORD]! += orders;
            daily[db + D_DISC]! += disc;
            daily[db + D_COGS]! += values[at + 3]!;
            daily[db + D_MISS]! += values[at + 4]!;
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
      if (p === 0) daily[dd * DF + D_ALL]! += allDay;
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
