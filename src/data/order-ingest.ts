/**
 * Orders into the dataset's columns: each valid order is queued, and the queue added 256
 * at a time. Order ids are not kept: an {@link IdSet} of 53-bit hashes remembers them, so a
 * repeated id (at-least-once delivery, an export overlapping the previous one) is reported
 * and never counted twice. Each customer's first order is kept right: found in one pass by
 * `finishBuild` after a bulk build, row by row after it.
 *
 * Queued orders come from records (`add`) or from plain rows of a text read in place
 * (`plainRows`, plain-rows.ts): ids are then looked up in the text and a string is made
 * only for a customer seen for the first time.
 *
 * DOM-free.
 */
import type { Zone } from '../core/time.js';
import { IdSet, StringSlots, touched, type SmallDictionary, type StringDictionary } from './compact/index.js';
import { ensure, type Columns, type DayCache } from './column-growth.js';
import type { OrderColumns } from './columns.js';
import type { Attributes } from './attribute-columns.js';
import { makeIssue } from './explain.js';
import { findFirstOrders, pushId, useText, type BuildState } from './first-orders.js';
import type { IssueLog } from './issue-log.js';
import { newQueue, QUEUE } from './order-queue.js';
import { plainOrderRows, type OrderCells, type PlainRowLayout, type PlainRowReader } from './plain-rows.js';
import type { RecordCodes } from './record-codes.js';
import { MAX_ATTRIBUTES } from './records.js';
import { newFields, readOrderRecord } from './validate.js';

/** What orders are added to: the dataset's order columns and the dictionaries they share. */
export interface OrderTarget {
  readonly orders: OrderColumns;
  readonly customers: StringDictionary;
  readonly channels: SmallDictionary;
  readonly attributes: Attributes;
}

export class OrderIngest {
  readonly #target: OrderTarget;
  readonly #zone: Zone;
  readonly #days: DayCache;
  readonly #codes: RecordCodes;
  readonly #log: IssueLog;
  readonly #ids: IdSet;
  readonly #queue = newQueue();
  /** The reused record of the record path. */
  readonly #order = newFields('orders');
  /** Orders received (valid or not): the index of the next one. */
  #received = 0;
  /** Row of each customer's first order (found by `finishBuild` after a bulk build). */
  #first = new Int32Array(0);
  /** Id of each customer's first order (after the bulk build). */
  readonly #firstIds = new StringSlots();
  /** Where each order row's id is, during the bulk build only: `finishBuild` finds `#first` and `#firstIds` from it. */
  #build: BuildState | null;

  constructor(
    target: OrderTarget,
    context: { zone: Zone; days: DayCache; codes: RecordCodes; log: IssueLog },
    expectedOrders: number,
  ) {
    this.#target = target;
    this.#zone = context.zone;
    this.#days = context.days;
    this.#codes = context.codes;
    this.#log = context.log;
    this.#build = { at: new Float64Array(Math.max(16, expectedOrders)), rows: 0, ids: [], text: null };
    this.#ids = new IdSet(expectedOrders);
  }

  /** Whether the bulk build is under way (first orders are found at its end). */
  get building(): boolean {
    return this.#build !== null;
  }

  /** Row of each customer's first order, -1 for none (valid after the bulk build; longer than the customers). */
  get first(): Int32Array {
    return this.#first;
  }

  get byteLength(): number {
    return this.#first.byteLength + this.#ids.byteLength + this.#firstIds.byteLength;
  }

  /** Validates an order record and queues it when valid; an invalid one is reported. */
  add(record: unknown): void {
    const index = this.#received++;
    const o = this.#order;
    if (!readOrderRecord(record, this.#zone, o)) {
      this.flush();
      return this.#log.reject('orders', record, index);
    }
    if (o.attributes !== undefined && !this.#attributeNames(o.attributes, o.id, index)) return;
    const q = this.#queue;
    const k = q.n++;
    q.index[k] = index;
    q.ids[k] = o.id;
    q.customers[k] = o.customerId;
    q.campaigns[k] = o.campaignId;
    q.channels[k] = o.channel;
    q.attributes[k] = o.attributes;
    this.#queued(k, o);
  }

  /** The reader of plain order rows of `text` (see `RowSink.plainRows`). */
  plainRows(text: string, layout: PlainRowLayout): PlainRowReader | null {
    if (this.#queue.n > 0) this.flush();
    return plainOrderRows(text, layout, this.#zone, (cells) => this.#addCells(cells));
  }

  /** Ends the bulk build: the first orders, found in one pass; spare capacity released. */
  finishBuild(): void {
    this.flush();
    const b = this.#build;
    if (!b) return;
    this.#build = null;
    this.#first = findFirstOrders(b, this.#target.orders, this.#target.customers.size, this.#firstIds);
    this.#ids.trim();
  }

  /** Makes room in the first-order table for customer code `customer` (a customer added by another collection). */
  reserveFirst(customer: number): void {
    if (this.#build || customer < this.#first.length) return;
    const n = Math.max(customer + 1, Math.ceil(this.#first.length * 1.5) + 16);
    const next = new Int32Array(n).fill(-1);
    next.set(this.#first);
    this.#first = next;
  }

  /**
   * Checks the names of a valid order's attributes against the dataset's (at most
   * {@link MAX_ATTRIBUTES}, counted in input order over the records that are kept). New
   * names are added when the order will be kept; an order that would bring a ninth is
   * reported and left out (returns false). A repeated order id is left to the duplicate
   * check: its names do not count.
   */
  #attributeNames(attrs: Record<string, string>, id: string, index: number): boolean {
    const a = this.#target.attributes;
    let fresh: string[] | null = null;
    for (const name in attrs)
      if (Object.prototype.hasOwnProperty.call(attrs, name) && !a.has(name)) (fresh ??= []).push(name);
    if (fresh === null) return true;
    // Queued orders first: whether this id repeats one of them must be known.
    this.flush();
    if (this.#ids.has(id)) return true;
    if (a.names.length + fresh.length > MAX_ATTRIBUTES) {
      const extra = fresh[MAX_ATTRIBUTES - a.names.length]!;
      this.#log.report(
        makeIssue(
          'orders',
          index,
          `attributes.${extra}`,
          `expected at most ${MAX_ATTRIBUTES} attribute names in the data set (${a.names.join(', ')}), got one more: ${JSON.stringify(extra)}; this order is left out`,
          id,
        ),
      );
      return false;
    }
    for (const name of fresh) a.addName(name);
    return true;
  }

  /**
   * Queues the next order from cells read in place (see {@link OrderCells}): the same result
   * as `add` of the record they hold, without making its strings.
   */
  #addCells(o: OrderCells): void {
    const q = this.#queue;
    if (q.n > 0 && q.text !== o.text) this.flush();
    const k = q.n++;
    q.text = o.text;
    q.index[k] = this.#received++;
    q.ids[k] = null;
    q.hashed[k] = o.hashed ? 1 : 0;
    if (o.hashed) {
      q.key[k] = IdSet.keyOfHashes(o.idHashA, o.idHashB);
      q.hashA[k] = o.customerHashA;
      q.hashB[k] = o.customerHashB;
    }
    q.idStart[k] = o.idStart;
    q.idEnd[k] = o.idEnd;
    q.customerStart[k] = o.customerStart;
    q.customerEnd[k] = o.customerEnd;
    q.campaignStart[k] = o.campaignStart;
    q.campaignEnd[k] = o.campaignEnd;
    q.channelStart[k] = o.channelStart;
    q.channelEnd[k] = o.channelEnd;
    this.#queued(k, o);
  }

  /** Queues the time and amounts of the order at `k` (record or cells), then adds the queue once full. */
  #queued(k: number, o: { time: number; revenue: number; discount: number; cogs: number }): void {
    const q = this.#queue;
    q.time[k] = o.time;
    q.revenue[k] = o.revenue;
    q.discount[k] = o.discount;
    q.cogs[k] = o.cogs;
    if (q.n === QUEUE) this.flush();
  }

  /**
   * Adds the queued orders. Their ids and customer ids are hashed first and the table slots
   * they lead to read in one pass, so the cache misses of a batch overlap (one after the
   * other they would cost most of the time of a large build).
   */
  flush(): void {
    const q = this.#queue;
    const n = q.n;
    if (n === 0) return;
    q.n = 0;
    const text = q.text;
    const ids = this.#ids;
    const customers = this.#target.customers;
    const { key, hashA, hashB, code } = q;
    for (let k = 0; k < n; k++) {
      const id = q.ids[k];
      if (id === null) {
        if (q.hashed[k] === 1) continue;
        key[k] = ids.keyAt(text, q.idStart[k]!, q.idEnd[k]!);
        customers.hashAt(text, q.customerStart[k]!, q.customerEnd[k]!, hashA, hashB, k);
      } else {
        key[k] = ids.keyOf(id);
        customers.hashOf(q.customers[k]!, hashA, hashB, k);
      }
    }
    // One structure at a time: the slots of all the ids are read, then the ids added; the
    // same for the customers of the orders whose id is new (a repeated one keeps code -1).
    ids.touchAll(key, n);
    const fresh = q.fresh;
    for (let k = 0; k < n; k++) fresh[k] = ids.addKey(key[k]!) ? 1 : 0;
    customers.touchAll(hashA, hashB, code, q.at, n);
    for (let k = 0; k < n; k++) {
      if (fresh[k] === 0) code[k] = -1;
      else if (q.ids[k] === null)
        code[k] = customers.internHashed(text, q.customerStart[k]!, q.customerEnd[k]!, hashA[k]!, hashB[k]!, code[k]!);
      else code[k] = customers.internHashedString(q.customers[k]!, hashA[k]!, hashB[k]!, code[k]!);
    }
    if (!this.#build) {
      // After the build, each order also reads its customer's first order and its day.
      const first = this.#first;
      const at = q.at;
      for (let k = 0; k < n; k++) at[k] = first[code[k]!] ?? -1;
      const days = this.#target.orders.day;
      let sink = 0;
      for (let k = 0; k < n; k++) sink += days[at[k]!] ?? 0;
      touched[0] = sink;
    }
    for (let k = 0; k < n; k++) this.#addQueued(k);
    q.ids.fill(null, 0, n);
    q.customers.fill('', 0, n);
    q.attributes.fill(undefined, 0, n);
  }

  #addQueued(k: number): void {
    const q = this.#queue;
    const index = q.index[k]!;
    const id = q.ids[k] ?? null;
    const text = q.text;
    const idStart = q.idStart[k]!;
    const idEnd = q.idEnd[k]!;
    if (q.fresh[k] === 0) {
      const dup = id ?? text.slice(idStart, idEnd);
      this.#log.report(
        makeIssue('orders', index, 'id', `duplicate order id ${JSON.stringify(dup)}: the first one is kept`, dup),
      );
      return;
    }
    const { orders: cols, channels } = this.#target;
    const codes = this.#codes;
    const row = cols.length;
    if (row >= cols.time.length) ensure(cols as unknown as Columns, row + 1);
    const customer = q.code[k]!;
    const time = q.time[k]!;
    cols.customer[row] = customer;
    cols.time[row] = time;
    cols.day[row] = this.#days.day(time);
    cols.revenue[row] = q.revenue[k]!;
    cols.discount[row] = q.discount[k]!;
    cols.cogs[row] = q.cogs[k]!;
    if (id !== null) {
      const attrs = q.attributes[k];
      if (attrs !== undefined) this.#target.attributes.set(row, attrs);
      cols.campaign[row] = codes.campaign('orders', q.campaigns[k], index, row);
      cols.channel[row] = codes.channel(q.channels[k], channels, 'orders', index, 'channel');
      cols.length = row + 1;
      this.#updateFirst(customer, row, time, id);
      return;
    }
    let campaign = -1;
    const cs = q.campaignStart[k]!;
    const ce = q.campaignEnd[k]!;
    if (cs < ce) {
      campaign = codes.campaignIds.codeAt(text, cs, ce);
      if (campaign < 0) campaign = codes.campaign('orders', text.slice(cs, ce), index, row);
    }
    cols.campaign[row] = campaign;
    let channel = -1;
    const hs = q.channelStart[k]!;
    const he = q.channelEnd[k]!;
    if (hs < he) {
      channel = channels.codeAt(text, hs, he);
      if (channel < 0) channel = codes.channel(text.slice(hs, he), channels, 'orders', index, 'channel');
    }
    cols.channel[row] = channel;
    cols.length = row + 1;
    const b = this.#build;
    if (b && idEnd - idStart < 65536) {
      if (b.text !== text) useText(b, text);
      pushId(b, idStart * 65536 + (idEnd - idStart));
    } else this.#updateFirst(customer, row, time, text.slice(idStart, idEnd));
  }

  /** Keeps `#first` and `#firstIds` right for a new order row (during a bulk build: its id, for `finishBuild`). */
  #updateFirst(customer: number, row: number, time: number, id: string): void {
    const b = this.#build;
    if (b) {
      // Found by finishBuild; the id is kept for it.
      pushId(b, -1);
      b.ids[row] = id;
      return;
    }
    this.reserveFirst(customer);
    const cur = this.#first[customer]!;
    if (cur >= 0) {
      // Local days three or more apart order the instants too (offsets lie between -12 and
      // +14 hours), so the time column, four times the size of the day column, is read only
      // for an order near the first one.
      const days = this.#target.orders.day;
      const d = days[row]! - days[cur]!;
      if (d >= 3) return;
      if (d > -3) {
        const t = this.#target.orders.time[cur]!;
        if (time > t || (time === t && !(id < this.#firstIds.get(customer)))) return;
      }
    }
    this.#first[customer] = row;
    this.#firstIds.set(customer, id);
  }
}
