/**
 * The orders of the customers an appended batch names, gathered for an incremental update.
 *
 * Hot code: its speed is measured by `npm run bench -- engine` (scripts/bench/engine.bench.ts,
 * the appended batches).
 *
 * DOM-free.
 */
import { linkNext, moveRec, newRecs, R_ROW, sortByTime, type CustomerIndex, type OrderRecs } from './customer-index.js';

/** Records of a set of customers, customer after customer (`start[j] .. start[j + 1]` for the j-th). */
export interface RecSet {
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
export class Gathered {
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
    const ROW = R_ROW;
    if (p1 > p0) this.touched ^= ii[(p0 << 3) + ROW]! ^ ii[((p1 - 1) << 3) + ROW]!;
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
    // Imported bindings in locals (see customer-pass.ts).
    const ROW = R_ROW;
    const move = moveRec;
    const sort = sortByTime;
    const link = linkNext;
    const all = this.all.recs;
    const old = this.old.recs;
    const src = idx.recs;
    const k0 = this.k;
    let k = k0;
    const p1 = this.to[j]!;
    for (let p = this.from[j]!; p < p1; p++) {
      if (src.i[(p << 3) + ROW]! >= limit) continue;
      move(src, p, all, k++);
    }
    const baseLength = idx.baseLength;
    for (let r = this.head[j]!; r >= 0; r = idx.extraNext[r - baseLength]!) {
      if (r >= limit) continue;
      move(idx.extra, r - baseLength, all, k++);
    }
    if (k - k0 > 1) sort(all, k0, k);
    link(all, k0, k);
    // The rows before the batch, in the same order.
    const fNow = c < firstNow.length ? firstNow[c]! : -1;
    const fBefore = c < firstBefore.length ? firstBefore[c]! : -1;
    const q0 = this.q;
    let q = q0;
    let atNow = -1;
    let atBefore = -1;
    for (let p = k0; p < k; p++) {
      const r = all.i[(p << 3) + ROW]!;
      if (r === fNow) atNow = p;
      if (r >= split) continue;
      if (r === fBefore) atBefore = q;
      move(all, p, old, q++);
    }
    link(old, q0, q);
    this.all.start[j] = k0;
    this.all.first[j] = atNow;
    this.old.start[j] = q0;
    this.old.first[j] = atBefore;
    this.k = k;
    this.q = q;
  }
}
