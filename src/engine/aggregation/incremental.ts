/**
 * The incremental update (same options, dataset appended to): an appended order adds its
 * own sums and can only change the contribution of its own customer (their first order,
 * their retention, their cohort, their recency...). So an update adds the sums of the new
 * rows, subtracts the old contribution of each customer named in the batch (over their
 * rows before the batch, with their first order before the batch; computed into a zeroed
 * state of the same options, then subtracted), adds their new one, and adds the new cost,
 * exposure and loyalty rows. Customers whose first loyalty day moves earlier in the batch
 * are revisited the same way (their membership may change the member share of their
 * orders). Work proportional to the batch plus the order history of the customers it names.
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts,
 * the appended batches).
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import { contribute } from './customer-pass.js';
import type { CustomerIndex } from './customer-index.js';
import { loyaltyFirstOf, type Touched } from './dataset-cache.js';
import { addOrderRows } from './order-rows.js';
import { addOtherRows } from './other-rows.js';
import { SLOT } from './slots.js';
import { extendRowPass, newState, syncBreakdowns, syncChannels, type State } from './state.js';

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
    [s.daily, old.daily],
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

/**
 * Updates a state with the rows appended since it was last counted: the customers named
 * by the new orders lose their old contribution and gain their new one (both over their
 * gathered rows), and the new rows add their sums.
 */
export function incrementalPass(ds: Dataset, s: State, idx: CustomerIndex, touched: Touched): void {
  syncChannels(ds, s);
  extendRowPass(ds, s);
  syncBreakdowns(ds, s);
  const n = ds.orders.length;
  const before = s.ordersLen;
  const cust = ds.orders.customer;
  const nc = ds.customers.size;
  const ly = ds.loyalty;
  const newLoyalty = ly.length - s.loyaltyLen;
  // Customers named by the batch: `touchList[0 .. count]`, each marked with the batch's `gen`.
  if (touched.mark.length < nc) touched.mark = new Int32Array(Math.max(nc, touched.mark.length * 2));
  if (touched.list.length < n - before + newLoyalty)
    touched.list = new Int32Array(Math.max(n - before + newLoyalty, touched.list.length * 2));
  const touchMark = touched.mark;
  const touchList = touched.list;
  const gen = ++touched.gen;
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
  const g = touched.gathered;
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
  const MEM = SLOT.members;
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
