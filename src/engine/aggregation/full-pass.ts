/**
 * The full pass: every part of the aggregates of one set of options, from scratch.
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import { contribute } from './customer-pass.js';
import type { CustomerIndex } from './customer-index.js';
import { loyaltyFirstOf } from './dataset-cache.js';
import { addCube, buildCube, cubeLimit, type EngineTuning } from './order-cube.js';
import { addOrderRows } from './order-rows.js';
import { addOtherRows } from './other-rows.js';
import { SLOT } from './slots.js';
import { extendRowPass, syncBreakdowns, type State } from './state.js';

/** Customers per call of the per-customer pass in a full pass. */
const CONTRIBUTE_BLOCK = 4096;

export function fullPass(ds: Dataset, s: State, idx: CustomerIndex, tuning?: Partial<EngineTuning>): void {
  const n = ds.orders.length;
  const nc = idx.start.length - 1;
  const start = idx.start;
  const firstPos = idx.firstPos;
  // The order cube covers the index's rows, which are all the rows at a full pass. Built
  // on first use (again when an earlier call's smaller limit refused it).
  const limit = cubeLimit(tuning, idx.baseLength);
  if (idx.cube === undefined || (idx.cube === null && limit > idx.cubeLimit)) {
    idx.cube = buildCube(ds, idx.baseLength, limit);
    idx.cubeLimit = limit;
  }
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
  const cube = idx.cube;
  if (
    cube !== null &&
    cube.cells <= limit &&
    idx.baseLength === n &&
    s.rowPass === null &&
    !s.custom.some((m) => m.measure.collection === 'orders')
  )
    addCube(s, cube);
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
  s.acc[SLOT.members] = m0;
  s.acc[s.F + SLOT.members] = m1;
}
