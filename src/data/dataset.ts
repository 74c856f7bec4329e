/**
 * `createDataset(input, { timeZone })`: validates the canonical input record by record and
 * builds the columnar {@link Dataset} the engine reads (see types.ts for the layout).
 *
 * - Ids are dictionary-encoded once, at ingest: campaigns by their index, customers in a
 *   compact {@link StringDictionary}, channels and cost categories in small dictionaries.
 * - Order ids are not kept: an {@link IdSet} of 53-bit hashes remembers them, so a repeated
 *   id (at-least-once delivery, an export overlapping the previous one) is reported and
 *   never counted twice.
 * - `append(records)` adds records of any collections without a rebuild: columns grow
 *   geometrically, `firstOrder` is kept right, `version` increases.
 * - Valid orders are queued and added 256 at a time: their ids and customer ids are hashed
 *   first and the table slots they lead to read in one pass, so the cache misses of a
 *   batch overlap instead of coming one after the other (most of the cost of a large
 *   build or append is such misses). A bulk build finds first orders in one pass at the end.
 * - Readers of text (the CSV adapter) hand over plain order rows as ranges of the text
 *   (`RowSink.plainRows`, plain-rows.ts): ids are looked up in place and a string is made only
 *   for a customer seen for the first time.
 * - After the initial build spare capacity is released but for a small headroom. Internal
 *   tables that grow free their smaller copy at once, so a build does not leave large
 *   garbage behind.
 *
 * Bad input never throws: records are reported in `issues`, an unknown time zone is
 * reported and UTC used.
 *
 * DOM-free.
 */
import type { DataIssue } from '../core/issues.js';
import { isValidTimeZone, zoneFor, type Zone } from '../core/time.js';
import { IdSet, SmallDictionary, StringDictionary, StringSlots, touched } from './compact/index.js';
import {
  allocate,
  capacityOf,
  DayCache,
  ensure,
  headroom,
  resize,
  type Columns,
  type TypedArray,
} from './column-growth.js';
import { newQueue, QUEUE } from './order-queue.js';
import { Attributes } from './attribute-columns.js';
import { IssueLog } from './issue-log.js';
import { findFirstOrders, pushId, useText, type BuildState } from './first-orders.js';
import { COLLECTIONS, MAX_ATTRIBUTES, type CollectionName, type DataInput } from './records.js';
import { expected } from './explain.js';
import type { CampaignRecord, CostColumns, Dataset, ExposureColumns, LoyaltyColumns, OrderColumns } from './columns.js';
export { isDataset } from './columns.js';
import { makeIssue, newFields, readRecord } from './validate.js';
import { plainOrderRows, type OrderCells, type PlainRowLayout, type PlainRowReader } from './plain-rows.js';

/** Options of {@link createDataset}. */
export interface DatasetOptions {
  /** IANA zone local dates are taken in (default `UTC`). */
  timeZone?: string;
  /**
   * Issues listed one by one per collection; beyond it one summary issue counts the rest
   * (a feed of a million bad rows should not hold a million messages). Default 1000.
   */
  maxListedIssues?: number;
}

/** What one `append` added. */
export interface AppendResult {
  /** Valid records added, per collection. */
  added: Record<CollectionName, number>;
  /** Issues raised by this append (also in `dataset.issues`). */
  issues: DataIssue[];
}

/** A {@link Dataset} that live data can be appended to. */
export interface LiveDataset extends Dataset {
  /** Validates and adds records of any collections; repeated order ids are reported, not added. */
  append(records: DataInput): AppendResult;
  /** Bytes held by the columns, dictionaries and dedupe structures. */
  readonly byteLength: number;
}

/**
 * How adapters hand rows to the data layer (the one interface for every reader of files
 * or feeds): records one at a time, or plain rows of a text read in place.
 */
export interface RowSink {
  /** The zone local dates are taken in (UTC when the one asked for is not a valid zone). */
  readonly timeZone: string;
  /** Validates one record and adds it when valid. Campaigns should come before the rows naming them. */
  add(collection: CollectionName, record: unknown): void;
  /**
   * A reader of the plain rows of `text` (one line, no quotes, numbers written plainly)
   * straight into the dataset's columns, with the same result as `add` of the record each
   * row holds; it leaves any other row to the caller (returns -1), which then hands that
   * row to `add`. Null when the collection has no such reader (only orders do) or the
   * layout cannot be read in place.
   */
  plainRows(collection: CollectionName, text: string, layout: PlainRowLayout): PlainRowReader | null;
  /** Ends the bulk build (releases spare capacity) and returns the dataset. */
  finish(): LiveDataset;
}

/** Incremental construction, for parsers that produce one record at a time (CSV). */
export type DatasetBuilder = RowSink;

const MAX_CAMPAIGNS = 32767;
const MAX_CODES = 32767;

class ColumnarDataset implements LiveDataset, RowSink {
  readonly timeZone: string;
  readonly campaigns: CampaignRecord[] = [];
  readonly campaignIndex = new Map<string, number>();
  readonly customers = new StringDictionary(true);
  readonly channels = new SmallDictionary(MAX_CODES);
  readonly costCategories = new SmallDictionary(MAX_CODES);
  readonly orders: OrderColumns;
  readonly costs: CostColumns;
  readonly exposures: ExposureColumns;
  readonly loyalty: LoyaltyColumns;
  readonly attributes = new Attributes();

  #version = 0;
  #zone: Zone;
  #days: DayCache;
  #log: IssueLog;
  #orderIds: IdSet;
  /** Campaign ids by code, to look ids up in place (codes are the indexes of `campaigns`). */
  #campaignIds = new StringDictionary();
  /** Row of each customer's first order (found by `finish` after a bulk build). */
  #first = new Int32Array(0);
  /** Id of each customer's first order (after the bulk build). */
  #firstIds = new StringSlots();
  /** Where each order row's id is, during the bulk build only: `finish` finds `#first` and `#firstIds` from it. */
  #build: BuildState | null;
  #queue = newQueue();

  #received: Record<CollectionName, number> = { campaigns: 0, orders: 0, costs: 0, exposures: 0, loyalty: 0 };
  #firstCache: { version: number; view: Int32Array } | null = null;

  // Reused records of the fast path.
  #order = newFields('orders');
  #cost = newFields('costs');
  #exposure = newFields('exposures');
  #loyalty = newFields('loyalty');

  constructor(options: DatasetOptions, expectedOrders: number) {
    this.#log = new IssueLog(options.maxListedIssues ?? 1000);
    const tz = options.timeZone ?? 'UTC';
    if (isValidTimeZone(tz)) {
      this.timeZone = tz;
    } else {
      this.timeZone = 'UTC';
      this.#log.other.push({
        collection: 'options',
        index: 0,
        path: 'timeZone',
        message: `timeZone: ${expected('an IANA time zone such as "Asia/Ho_Chi_Minh"', tz)}; UTC is used`,
      });
    }
    this.#zone = zoneFor(this.timeZone);
    this.#days = new DayCache(this.#zone);
    this.#build = { at: new Float64Array(Math.max(16, expectedOrders)), rows: 0, ids: [], text: null };
    this.#orderIds = new IdSet(expectedOrders);
    this.orders = allocate<OrderColumns>(
      {
        customer: Int32Array,
        time: Float64Array,
        day: Uint16Array,
        revenue: Float64Array,
        discount: Float64Array,
        cogs: Float64Array,
        campaign: Int16Array,
        channel: Int16Array,
      },
      Math.max(16, expectedOrders),
    );
    this.costs = allocate<CostColumns>(
      { campaign: Int16Array, day: Int32Array, amount: Float64Array, category: Int16Array },
      16,
    );
    this.exposures = allocate<ExposureColumns>(
      {
        campaign: Int16Array,
        day: Int32Array,
        impressions: Float64Array,
        reach: Float64Array,
        clicks: Float64Array,
        engagements: Float64Array,
        channel: Int16Array,
      },
      16,
    );
    this.loyalty = allocate<LoyaltyColumns>(
      {
        customer: Int32Array,
        time: Float64Array,
        day: Uint16Array,
        earned: Float64Array,
        redeemed: Float64Array,
        channel: Int16Array,
      },
      16,
    );
  }

  get version(): number {
    return this.#version;
  }

  get firstOrder(): Int32Array {
    const n = this.customers.size;
    if (this.#firstCache?.version !== this.#version || this.#firstCache.view.length !== n)
      this.#firstCache = { version: this.#version, view: this.#first.subarray(0, n) };
    return this.#firstCache.view;
  }

  get issues(): readonly DataIssue[] {
    return this.#log.issues(this.#version);
  }

  get byteLength(): number {
    let n = 0;
    for (const cols of [this.orders, this.costs, this.exposures, this.loyalty] as unknown as Columns[])
      for (const k in cols) if (k !== 'length') n += (cols[k] as TypedArray).byteLength;
    n += this.#first.byteLength + this.#orderIds.byteLength + this.#firstIds.byteLength;
    n += this.customers.byteLength + this.channels.byteLength + this.costCategories.byteLength;
    n += this.attributes.byteLength;
    n += this.#log.byteLength;
    n += this.campaigns.length * 200;
    return n;
  }

  add(collection: CollectionName, record: unknown): void {
    // Queued orders go first: a campaign added now must not be known to orders before it.
    if (collection !== 'orders' && this.#queue.n > 0) this.#flushOrders();
    const index = this.#received[collection]++;
    switch (collection) {
      case 'campaigns':
        return this.#addCampaign(record, index);
      case 'orders':
        return this.#addOrder(record, index);
      case 'costs':
        return this.#addCost(record, index);
      case 'exposures':
        return this.#addExposure(record, index);
      case 'loyalty':
        return this.#addLoyalty(record, index);
    }
  }

  /** Adds every collection of `input`, campaigns first. */
  addAll(input: DataInput): void {
    if (input === null || typeof input !== 'object') {
      this.#log.other.push({
        collection: 'options',
        index: 0,
        path: '',
        message: `data: ${expected('an object with campaigns, orders, costs, exposures or loyalty lists', input)}`,
      });
      return;
    }
    for (const collection of COLLECTIONS) {
      const list = input[collection] as unknown;
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        this.#log.other.push({
          collection,
          index: 0,
          path: '',
          message: `${collection}: ${expected('a list of records', list)}`,
        });
        continue;
      }
      if (collection === 'orders') ensure(this.orders as unknown as Columns, this.orders.length + list.length);
      for (let i = 0; i < list.length; i++) this.add(collection, list[i]);
    }
  }

  finish(): LiveDataset {
    this.#flushOrders();
    const b = this.#build;
    if (!b) return this;
    this.#build = null;
    this.#findFirstOrders(b);
    for (const cols of [this.orders, this.costs, this.exposures, this.loyalty] as unknown as Columns[]) {
      const want = headroom(cols.length);
      if (capacityOf(cols) > want) resize(cols, want);
    }
    this.#orderIds.trim();
    this.customers.trim();
    this.attributes.trim(this.orders.length);
    this.#version++;
    return this;
  }

  append(records: DataInput): AppendResult {
    const lengths = {
      orders: this.orders.length,
      costs: this.costs.length,
      exposures: this.exposures.length,
      loyalty: this.loyalty.length,
      campaigns: this.campaigns.length,
    };
    const issues = this.#log.during(() => {
      this.addAll(records);
      this.#flushOrders();
    });
    this.#version++;
    return {
      added: {
        campaigns: this.campaigns.length - lengths.campaigns,
        orders: this.orders.length - lengths.orders,
        costs: this.costs.length - lengths.costs,
        exposures: this.exposures.length - lengths.exposures,
        loyalty: this.loyalty.length - lengths.loyalty,
      },
      issues,
    };
  }

  // --- reporting ---

  #report(issue: DataIssue): void {
    this.#log.report(issue);
  }

  #reject(collection: CollectionName, record: unknown, index: number): void {
    this.#log.reject(collection, record, index);
  }

  #campaignCode(collection: CollectionName, id: string | undefined, index: number, row: number): number {
    if (id === undefined) return -1;
    const code = this.campaignIndex.get(id);
    if (code !== undefined) return code;
    this.#log.unknownCampaign(collection, id, index, row);
    return -1;
  }

  #channelCode(
    value: string | undefined,
    dict: SmallDictionary,
    collection: CollectionName,
    index: number,
    path: string,
  ): number {
    if (value === undefined) return -1;
    const c = dict.intern(value);
    if (c < 0)
      this.#report(makeIssue(collection, index, path, `more than ${MAX_CODES} distinct values; this one is left out`));
    return c;
  }

  // --- collections ---

  #addCampaign(record: unknown, index: number): void {
    const r = newFields('campaigns');
    if (!readRecord('campaigns', record, this.#zone, r)) return this.#reject('campaigns', record, index);
    const c: CampaignRecord = {
      id: r.id,
      name: r.name,
      start: r.start,
      end: r.end,
      budget: r.budget === r.budget ? r.budget : null,
      type: r.type ?? null,
      targets: r.targets ?? {},
    };
    if (this.campaignIndex.has(c.id)) {
      this.#report(
        makeIssue(
          'campaigns',
          index,
          'id',
          `duplicate campaign id ${JSON.stringify(c.id)}: the first one is kept`,
          c.id,
        ),
      );
      return;
    }
    if (this.campaigns.length >= MAX_CAMPAIGNS) {
      this.#report(
        makeIssue('campaigns', index, '', `more than ${MAX_CAMPAIGNS} campaigns; this one is left out`, c.id),
      );
      return;
    }
    const code = this.campaigns.length;
    this.campaigns.push(c);
    this.campaignIndex.set(c.id, code);
    this.#campaignIds.intern(c.id);
    // Rows that named this campaign before it was known now belong to it.
    for (const collection of ['orders', 'costs', 'exposures'] as const) {
      const rows = this.#log.takeUnknown(collection, c.id);
      if (!rows) continue;
      const col = this[collection].campaign;
      for (const row of rows) col[row] = code;
    }
  }

  #addOrder(record: unknown, index: number): void {
    const o = this.#order;
    if (!readRecord('orders', record, this.#zone, o)) {
      this.#flushOrders();
      return this.#reject('orders', record, index);
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
    q.time[k] = o.time;
    q.revenue[k] = o.revenue;
    q.discount[k] = o.discount;
    q.cogs[k] = o.cogs;
    if (q.n === QUEUE) this.#flushOrders();
  }

  /**
   * Checks the names of a valid order's attributes against the dataset's (at most
   * {@link MAX_ATTRIBUTES}, counted in input order over the records that are kept). New
   * names are added when the order will be kept; an order that would bring a ninth is
   * reported and left out (returns false). A repeated order id is left to the duplicate
   * check: its names do not count.
   */
  #attributeNames(attrs: Record<string, string>, id: string, index: number): boolean {
    const a = this.attributes;
    let fresh: string[] | null = null;
    for (const name in attrs)
      if (Object.prototype.hasOwnProperty.call(attrs, name) && !a.has(name)) (fresh ??= []).push(name);
    if (fresh === null) return true;
    // Queued orders first: whether this id repeats one of them must be known.
    this.#flushOrders();
    if (this.#orderIds.has(id)) return true;
    if (a.names.length + fresh.length > MAX_ATTRIBUTES) {
      const extra = fresh[MAX_ATTRIBUTES - a.names.length]!;
      this.#report(
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

  plainRows(collection: CollectionName, text: string, layout: PlainRowLayout): PlainRowReader | null {
    if (collection !== 'orders') return null;
    if (this.#queue.n > 0) this.#flushOrders();
    return plainOrderRows(text, layout, this.#zone, (cells) => this.#addOrderCells(cells));
  }

  /**
   * Adds the next order from cells read in place (see {@link OrderCells}): the same result
   * as `add('orders', record)` of the record they hold, without making its strings.
   */
  #addOrderCells(o: OrderCells): void {
    const q = this.#queue;
    if (q.n > 0 && q.text !== o.text) this.#flushOrders();
    const k = q.n++;
    q.text = o.text;
    q.index[k] = this.#received.orders++;
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
    q.time[k] = o.time;
    q.revenue[k] = o.revenue;
    q.discount[k] = o.discount;
    q.cogs[k] = o.cogs;
    if (q.n === QUEUE) this.#flushOrders();
  }

  /**
   * Adds the queued in-place orders. Their ids and customer ids are hashed first and the
   * table slots they lead to read in one pass, so the cache misses of a batch overlap
   * (one after the other they would cost most of the time of a large build).
   */
  #flushOrders(): void {
    const q = this.#queue;
    const n = q.n;
    if (n === 0) return;
    q.n = 0;
    const text = q.text;
    const ids = this.#orderIds;
    const customers = this.customers;
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
      const days = this.orders.day;
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
      this.#report(
        makeIssue('orders', index, 'id', `duplicate order id ${JSON.stringify(dup)}: the first one is kept`, dup),
      );
      return;
    }
    const cols = this.orders;
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
      if (attrs !== undefined) this.attributes.set(row, attrs);
      cols.campaign[row] = this.#campaignCode('orders', q.campaigns[k], index, row);
      cols.channel[row] = this.#channelCode(q.channels[k], this.channels, 'orders', index, 'channel');
      cols.length = row + 1;
      this.#updateFirst(customer, row, time, id);
      return;
    }
    let campaign = -1;
    const cs = q.campaignStart[k]!;
    const ce = q.campaignEnd[k]!;
    if (cs < ce) {
      campaign = this.#campaignIds.codeAt(text, cs, ce);
      if (campaign < 0) campaign = this.#campaignCode('orders', text.slice(cs, ce), index, row);
    }
    cols.campaign[row] = campaign;
    let channel = -1;
    const hs = q.channelStart[k]!;
    const he = q.channelEnd[k]!;
    if (hs < he) {
      channel = this.channels.codeAt(text, hs, he);
      if (channel < 0) channel = this.#channelCode(text.slice(hs, he), this.channels, 'orders', index, 'channel');
    }
    cols.channel[row] = channel;
    cols.length = row + 1;
    const b = this.#build;
    if (b && idEnd - idStart < 65536) {
      if (b.text !== text) useText(b, text);
      pushId(b, idStart * 65536 + (idEnd - idStart));
    } else this.#updateFirst(customer, row, time, text.slice(idStart, idEnd));
  }

  /**
   * First order of each customer after a bulk build (see first-orders.ts).
   */
  #findFirstOrders(b: BuildState): void {
    this.#first = findFirstOrders(b, this.orders, this.customers.size, this.#firstIds);
  }

  /** Keeps `#first` and `#firstIds` right for a new order row (during a bulk build: its id, for `finish`). */
  #updateFirst(customer: number, row: number, time: number, id: string): void {
    const b = this.#build;
    if (b) {
      // Found by finish; the id is kept for it.
      pushId(b, -1);
      b.ids[row] = id;
      return;
    }
    if (customer >= this.#first.length) this.#updateFirstCapacity(customer);
    const cur = this.#first[customer]!;
    if (cur >= 0) {
      // Local days three or more apart order the instants too (offsets lie between -12 and
      // +14 hours), so the time column, four times the size of the day column, is read only
      // for an order near the first one.
      const days = this.orders.day;
      const d = days[row]! - days[cur]!;
      if (d >= 3) return;
      if (d > -3) {
        const t = this.orders.time[cur]!;
        if (time > t || (time === t && !(id < this.#firstIds.get(customer)))) return;
      }
    }
    this.#first[customer] = row;
    this.#firstIds.set(customer, id);
  }

  #addCost(record: unknown, index: number): void {
    const c = this.#cost;
    if (!readRecord('costs', record, this.#zone, c)) return this.#reject('costs', record, index);
    const cols = this.costs;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    cols.campaign[row] = this.#campaignCode('costs', c.campaignId, index, row);
    cols.day[row] = c.date;
    cols.amount[row] = c.amount;
    cols.category[row] = this.#channelCode(c.category, this.costCategories, 'costs', index, 'category');
    cols.length = row + 1;
  }

  #addExposure(record: unknown, index: number): void {
    const e = this.#exposure;
    if (!readRecord('exposures', record, this.#zone, e)) return this.#reject('exposures', record, index);
    const cols = this.exposures;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    cols.campaign[row] = this.#campaignCode('exposures', e.campaignId, index, row);
    cols.day[row] = e.date;
    cols.impressions[row] = e.impressions;
    cols.reach[row] = e.reach;
    cols.clicks[row] = e.clicks;
    cols.engagements[row] = e.engagements;
    cols.channel[row] = this.#channelCode(e.channel, this.channels, 'exposures', index, 'channel');
    cols.length = row + 1;
  }

  #addLoyalty(record: unknown, index: number): void {
    const l = this.#loyalty;
    if (!readRecord('loyalty', record, this.#zone, l)) return this.#reject('loyalty', record, index);
    const cols = this.loyalty;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    const customer = this.customers.intern(l.customerId);
    if (!this.#build && customer >= this.#first.length) this.#updateFirstCapacity(customer);
    cols.customer[row] = customer;
    cols.time[row] = l.time;
    cols.day[row] = this.#days.day(l.time);
    cols.earned[row] = l.earned;
    cols.redeemed[row] = l.redeemed;
    cols.channel[row] = this.#channelCode(l.channel, this.channels, 'loyalty', index, 'channel');
    cols.length = row + 1;
  }

  #updateFirstCapacity(customer: number): void {
    const n = Math.max(customer + 1, Math.ceil(this.#first.length * 1.5) + 16);
    const next = new Int32Array(n).fill(-1);
    next.set(this.#first);
    this.#first = next;
  }
}

/**
 * Validates `input` record by record and builds the columnar dataset the engine reads.
 * Never throws on bad data: see `dataset.issues`.
 *
 * @example
 * const ds = createDataset({ campaigns, orders }, { timeZone: 'Asia/Ho_Chi_Minh' });
 * ds.append({ orders: [newOrder] }); // live data
 */
export function createDataset(input: DataInput = {}, options: DatasetOptions = {}): LiveDataset {
  const expectedOrders = Array.isArray(input?.orders) ? input.orders.length : 0;
  const ds = new ColumnarDataset(options, expectedOrders);
  ds.addAll(input);
  return ds.finish();
}

/**
 * Starts a dataset fed one record at a time (`add`), for parsers that stream rows; `finish`
 * returns the dataset. `expectedOrders` presizes the order columns.
 */
export function createDatasetBuilder(options: DatasetOptions = {}, expectedOrders = 0): DatasetBuilder {
  return new ColumnarDataset(options, expectedOrders);
}
