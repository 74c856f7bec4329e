/**
 * Each customer's first order after a bulk build: during the build every order row's id is
 * kept as a range of the text it was read from (or as a string), and `finish` finds the
 * first orders in one pass over the rows.
 *
 * DOM-free.
 */
import type { OrderColumns } from './columns.js';
import { headroom } from './column-growth.js';
import { release, type StringSlots } from './compact/index.js';

/**
 * Where each order row's id is during a bulk build (`#build` of order-ingest.ts): first
 * orders are found by `finish` in one pass over the rows, which reads far less scattered
 * memory than keeping them right row by row.
 */
export interface BuildState {
  /** Per row: the id as a range of `text` (start * 65536 + length), or -1 when it is in `ids`. */
  at: Float64Array;
  /** Rows in `at`. */
  rows: number;
  /** Per row of a record: its id (holes for rows read in place). */
  ids: (string | undefined)[];
  text: string | null;
}

/** Makes `text` the one ids of rows point into (ids of rows of another become strings). */
export function useText(b: BuildState, text: string): void {
  const old = b.text;
  if (old !== null) {
    const at = b.at;
    for (let r = 0; r < b.rows; r++) {
      const a = at[r]!;
      if (a < 0) continue;
      const start = Math.floor(a / 65536);
      b.ids[r] = old.slice(start, start + (a % 65536));
      at[r] = -1;
    }
  }
  b.text = text;
}

/** Records where the id of the next order row is (-1: in `ids`). */
export function pushId(b: BuildState, at: number): void {
  if (b.rows === b.at.length) {
    const next = new Float64Array(b.at.length * 2);
    next.set(b.at);
    release(b.at);
    b.at = next;
  }
  b.at[b.rows++] = at;
}

/** The id of order row `row` during a bulk build. */
function idOf(b: BuildState, row: number): string {
  const a = b.at[row]!;
  if (a < 0 || b.text === null) return b.ids[row] ?? '';
  const start = Math.floor(a / 65536);
  return b.text.slice(start, start + (a % 65536));
}

/**
 * First order of each customer after a bulk build (its row, and its id into `firstIds`): one pass over the rows (earliest
 * time, ties: smaller order id), then the first-order ids from where the rows' ids are.
 */
export function findFirstOrders(
  b: BuildState,
  orders: Pick<OrderColumns, 'customer' | 'time' | 'length'>,
  n: number,
  firstIds: StringSlots,
): Int32Array<ArrayBuffer> {
  const first = new Int32Array(headroom(n)).fill(-1);
  const best = new Float64Array(n).fill(Infinity);
  const { customer, time, length } = orders;
  for (let r = 0; r < length; r++) {
    const c = customer[r]!;
    const t = time[r]!;
    const bt = best[c]!;
    if (t > bt) continue;
    if (t < bt || first[c]! < 0 || idOf(b, r) < idOf(b, first[c]!)) {
      first[c] = r;
      best[c] = t;
    }
  }
  release(best);
  const at = new Float64Array(n).fill(-1);
  const ids: (string | undefined)[] = [];
  for (let c = 0; c < n; c++) {
    const r = first[c]!;
    if (r < 0) continue;
    at[c] = b.at[r]!;
    if (at[c]! < 0) ids[c] = b.ids[r];
  }
  firstIds.fromRanges(n, b.text ?? '', at, ids);
  release(at);
  release(b.at);
  return first;
}
