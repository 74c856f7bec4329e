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
import { isValidTimeZone, MS_PER_DAY, zoneFor, type Zone } from '../core/time.js';
import { IdSet, release, SmallDictionary, StringDictionary, StringSlots, touched } from './compact.js';
import { COLLECTIONS, MAX_ATTRIBUTES, type CollectionName, type DataInput } from './records.js';
import { expected } from './explain.js';
import type {
  AttributeColumns,
  CampaignRecord,
  CostColumns,
  Dataset,
  ExposureColumns,
  LoyaltyColumns,
  OrderColumns,
} from './columns.js';
import { explainRecord, makeIssue, newFields, readRecord, recordId } from './validate.js';
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

type Columns = { length: number } & Record<string, unknown>;
type TypedArray = Int8Array | Int16Array | Uint16Array | Int32Array | Float64Array;

function allocate<T extends { length: number }>(
  shape: Record<Exclude<keyof T, 'length'>, new (n: number) => TypedArray>,
  cap: number,
): T {
  const cols: Record<string, unknown> = { length: 0 };
  for (const [k, ctor] of Object.entries(shape)) cols[k] = new (ctor as new (n: number) => TypedArray)(cap);
  return cols as T;
}

function capacityOf(cols: Columns): number {
  for (const k in cols) if (k !== 'length') return (cols[k] as TypedArray).length;
  return 0;
}

/** Reallocates every column of `cols` to `cap` rows, keeping the first `length`. */
function resize(cols: Columns, cap: number): void {
  for (const k in cols) {
    if (k === 'length') continue;
    const old = cols[k] as TypedArray;
    const next = new (old.constructor as new (n: number) => TypedArray)(cap);
    next.set(old.length > cap ? old.subarray(0, cap) : old);
    cols[k] = next;
  }
}

function ensure(cols: Columns, rows: number): void {
  const cap = capacityOf(cols);
  if (rows > cap) resize(cols, Math.max(rows, Math.ceil(cap * 1.5) + 16));
}

/** Headroom kept after a bulk build: the first appends then copy nothing. */
function headroom(n: number): number {
  return n + 1024 + (n >> 6);
}

/**
 * Local day of an instant, with the zone offset cached per UTC day: a zone changes offset
 * at most once a day, so when the offsets at both ends of a UTC day agree they hold for
 * the whole day. Two offset look-ups per day of data instead of one per 15 minutes.
 */
class DayCache {
  readonly #zone: Zone;
  /** Offsets of UTC days `#base ..`, NaN when it changes that day, UNSET when not looked up yet. */
  readonly #window = new Float64Array(4096).fill(UNSET);
  #base = NaN;
  /** Days outside the window. */
  readonly #cache = new Map<number, number>();

  constructor(zone: Zone) {
    this.#zone = zone;
  }

  day(epochMs: number): number {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    if (this.#base !== this.#base) this.#base = utcDay - 2048;
    const w = utcDay - this.#base;
    let off: number;
    if (w >= 0 && w < 4096) {
      off = this.#window[w]!;
      if (off === UNSET) this.#window[w] = off = this.#offsetOf(utcDay);
    } else {
      const cached = this.#cache.get(utcDay);
      off = cached ?? this.#offsetOf(utcDay);
      if (cached === undefined) this.#cache.set(utcDay, off);
    }
    if (off !== off) return this.#zone.day(epochMs);
    return Math.floor((epochMs + off) / MS_PER_DAY);
  }

  #offsetOf(utcDay: number): number {
    const a = this.#zone.offset(utcDay * MS_PER_DAY);
    const b = this.#zone.offset(utcDay * MS_PER_DAY + MS_PER_DAY - 1);
    return a === b ? a : NaN;
  }
}

/** A window slot not looked up yet (no zone is a year off UTC). */
const UNSET = 1e15;

interface Unknown {
  collection: CollectionName;
  id: string;
  count: number;
  firstIndex: number;
  rows: number[];
}

/**
 * Where each order row's id is during a bulk build (see `ColumnarDataset.#build`): first
 * orders are found by `finish` in one pass over the rows, which reads far less scattered
 * memory than keeping them right row by row.
 */
interface BuildState {
  /** Per row: the id as a range of `text` (start * 65536 + length), or -1 when it is in `ids`. */
  at: Float64Array;
  /** Rows in `at`. */
  rows: number;
  /** Per row of a record: its id (holes for rows read in place). */
  ids: (string | undefined)[];
  text: string | null;
}

/**
 * Valid orders queued before they are added (see `#flushOrders`): read in place (ranges of
 * `text`, `ids[k]` null) or from a record (`ids`, `customers`, `campaigns`, `channels`).
 */
const QUEUE = 256;

function newQueue() {
  const i32 = () => new Int32Array(QUEUE);
  const f64 = () => new Float64Array(QUEUE);
  return {
    n: 0,
    text: '',
    index: i32(),
    hashed: new Uint8Array(QUEUE),
    /** 1 when the id was new (added), 0 when repeated. */
    fresh: new Uint8Array(QUEUE),
    ids: new Array<string | null>(QUEUE).fill(null),
    customers: new Array<string>(QUEUE).fill(''),
    campaigns: new Array<string | undefined>(QUEUE).fill(undefined),
    channels: new Array<string | undefined>(QUEUE).fill(undefined),
    attributes: new Array<Record<string, string> | undefined>(QUEUE).fill(undefined),
    idStart: i32(),
    idEnd: i32(),
    customerStart: i32(),
    customerEnd: i32(),
    campaignStart: i32(),
    campaignEnd: i32(),
    channelStart: i32(),
    channelEnd: i32(),
    time: f64(),
    revenue: f64(),
    discount: f64(),
    cogs: f64(),
    key: f64(),
    hashA: i32(),
    hashB: i32(),
    code: i32(),
    at: i32(),
  };
}

const NOUNS: Record<CollectionName, [string, string]> = {
  campaigns: ['campaign', 'campaigns'],
  orders: ['order', 'orders'],
  costs: ['cost', 'costs'],
  exposures: ['exposure', 'exposures'],
  loyalty: ['loyalty event', 'loyalty events'],
};

/** Largest number of distinct values of one attribute name. */
const MAX_ATTRIBUTE_VALUES = 0x7ffffffe;

/**
 * Order attributes, column by column (see {@link AttributeColumns}): names as first
 * accepted, a dictionary of values and a column of codes + 1 per name. A column grows with
 * the rows written to it; rows past its end lack the attribute.
 */
class Attributes implements AttributeColumns {
  readonly names: string[] = [];
  readonly values: SmallDictionary[] = [];
  codes: Int32Array[] = [];
  readonly #index = new Map<string, number>();

  has(name: string): boolean {
    return this.#index.has(name);
  }

  /** Adds a name (the caller checked the limit). */
  addName(name: string): void {
    this.#index.set(name, this.names.length);
    this.names.push(name);
    this.values.push(new SmallDictionary(MAX_ATTRIBUTE_VALUES));
    this.codes.push(new Int32Array(0));
  }

  /** Writes the attributes of order `row` (every name known). */
  set(row: number, attrs: Record<string, string>): void {
    for (const name in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
      const k = this.#index.get(name)!;
      let col = this.codes[k]!;
      if (row >= col.length) {
        const next = new Int32Array(Math.max(row + 1, Math.ceil(col.length * 1.5) + 16));
        next.set(col);
        this.codes[k] = col = next;
      }
      col[row] = this.values[k]!.intern(attrs[name]!) + 1;
    }
  }

  /** Releases spare capacity beyond `rows` plus headroom. */
  trim(rows: number): void {
    for (let k = 0; k < this.codes.length; k++) {
      const col = this.codes[k]!;
      const want = Math.min(col.length, headroom(rows));
      if (col.length > want) this.codes[k] = col.slice(0, want);
    }
  }

  get byteLength(): number {
    let n = 0;
    for (const c of this.codes) n += c.byteLength;
    for (const d of this.values) n += d.byteLength;
    return n;
  }
}

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
  #maxListed: number;
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
  #listed: Record<CollectionName, number> = { campaigns: 0, orders: 0, costs: 0, exposures: 0, loyalty: 0 };
  #unlisted = new Map<CollectionName, { count: number; firstIndex: number }>();
  #recordIssues: DataIssue[] = [];
  #otherIssues: DataIssue[] = [];
  #unknown = new Map<string, Unknown>();
  #issuesCache: { version: number; issues: readonly DataIssue[] } | null = null;
  #firstCache: { version: number; view: Int32Array } | null = null;
  #pending: DataIssue[] | null = null;

  // Reused records of the fast path.
  #order = newFields('orders');
  #cost = newFields('costs');
  #exposure = newFields('exposures');
  #loyalty = newFields('loyalty');

  constructor(options: DatasetOptions, expectedOrders: number) {
    const tz = options.timeZone ?? 'UTC';
    if (isValidTimeZone(tz)) {
      this.timeZone = tz;
    } else {
      this.timeZone = 'UTC';
      this.#otherIssues.push({
        collection: 'options',
        index: 0,
        path: 'timeZone',
        message: `timeZone: ${expected('an IANA time zone such as "Asia/Ho_Chi_Minh"', tz)}; UTC is used`,
      });
    }
    this.#zone = zoneFor(this.timeZone);
    this.#days = new DayCache(this.#zone);
    this.#maxListed = options.maxListedIssues ?? 1000;
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
    if (this.#issuesCache?.version !== this.#version) {
      const summaries: DataIssue[] = [];
      for (const u of this.#unknown.values()) {
        const [one, many] = NOUNS[u.collection];
        summaries.push({
          collection: u.collection,
          index: u.firstIndex,
          path: 'campaignId',
          message:
            u.count === 1
              ? `1 ${one} names unknown campaign ${u.id}`
              : `${u.count} ${many} name unknown campaign ${u.id}`,
        });
      }
      for (const [collection, u] of this.#unlisted) {
        summaries.push({
          collection,
          index: u.firstIndex,
          path: '',
          message: `${u.count} more invalid ${NOUNS[collection][1]} are not listed (from ${collection}[${u.firstIndex}])`,
        });
      }
      this.#issuesCache = {
        version: this.#version,
        issues: [...this.#otherIssues, ...this.#recordIssues, ...summaries],
      };
    }
    return this.#issuesCache.issues;
  }

  get byteLength(): number {
    let n = 0;
    for (const cols of [this.orders, this.costs, this.exposures, this.loyalty] as unknown as Columns[])
      for (const k in cols) if (k !== 'length') n += (cols[k] as TypedArray).byteLength;
    n += this.#first.byteLength + this.#orderIds.byteLength + this.#firstIds.byteLength;
    n += this.customers.byteLength + this.channels.byteLength + this.costCategories.byteLength;
    n += this.attributes.byteLength;
    for (const u of this.#unknown.values()) n += 64 + u.rows.length * 8;
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
      this.#otherIssues.push({
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
        this.#otherIssues.push({
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
    const issues: DataIssue[] = [];
    this.#pending = issues;
    const unknownBefore = new Map([...this.#unknown].map(([k, u]) => [k, u.count]));
    try {
      this.addAll(records);
      this.#flushOrders();
    } finally {
      this.#pending = null;
    }
    for (const [k, u] of this.#unknown) {
      if (u.count !== unknownBefore.get(k)) {
        const [one, many] = NOUNS[u.collection];
        const added = u.count - (unknownBefore.get(k) ?? 0);
        issues.push({
          collection: u.collection,
          index: u.firstIndex,
          path: 'campaignId',
          message:
            added === 1 ? `1 ${one} names unknown campaign ${u.id}` : `${added} ${many} name unknown campaign ${u.id}`,
        });
      }
    }
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
    this.#pending?.push(issue);
    const c = issue.collection as CollectionName;
    if (this.#listed[c] < this.#maxListed) {
      this.#recordIssues.push(issue);
      this.#listed[c]++;
    } else {
      const u = this.#unlisted.get(c);
      if (u) u.count++;
      else this.#unlisted.set(c, { count: 1, firstIndex: issue.index });
    }
  }

  #reject(collection: CollectionName, record: unknown, index: number): void {
    const found = explainRecord(collection, record, index);
    if (found.length === 0) found.push(makeIssue(collection, index, '', 'rejected', recordId(collection, record)));
    // One record may have several bad fields: each is listed, the record counts once toward the cap.
    if (this.#listed[collection] < this.#maxListed) {
      for (const issue of found) {
        this.#pending?.push(issue);
        this.#recordIssues.push(issue);
      }
      this.#listed[collection]++;
    } else {
      this.#report(found[0]!);
    }
  }

  #campaignCode(collection: CollectionName, id: string | undefined, index: number, row: number): number {
    if (id === undefined) return -1;
    const code = this.campaignIndex.get(id);
    if (code !== undefined) return code;
    const key = `${collection}\u0000${id}`;
    let u = this.#unknown.get(key);
    if (!u) {
      u = { collection, id, count: 0, firstIndex: index, rows: [] };
      this.#unknown.set(key, u);
    }
    u.count++;
    u.rows.push(row);
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
      const key = `${collection}\u0000${c.id}`;
      const u = this.#unknown.get(key);
      if (!u) continue;
      const col = this[collection].campaign;
      for (const row of u.rows) col[row] = code;
      this.#unknown.delete(key);
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
      if (b.text !== text) this.#useText(b, text);
      ColumnarDataset.#pushId(b, idStart * 65536 + (idEnd - idStart));
    } else this.#updateFirst(customer, row, time, text.slice(idStart, idEnd));
  }

  /** Makes `text` the one ids of rows point into (ids of rows of another become strings). */
  #useText(b: BuildState, text: string): void {
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

  static #pushId(b: BuildState, at: number): void {
    if (b.rows === b.at.length) {
      const next = new Float64Array(b.at.length * 2);
      next.set(b.at);
      release(b.at);
      b.at = next;
    }
    b.at[b.rows++] = at;
  }

  /** The id of order row `row` during a bulk build. */
  static #idOf(b: BuildState, row: number): string {
    const a = b.at[row]!;
    if (a < 0 || b.text === null) return b.ids[row] ?? '';
    const start = Math.floor(a / 65536);
    return b.text.slice(start, start + (a % 65536));
  }

  /**
   * First order of each customer after a bulk build: one pass over the rows (earliest
   * time, ties: smaller order id), then the first-order ids from where the rows' ids are.
   */
  #findFirstOrders(b: BuildState): void {
    const n = this.customers.size;
    const first = new Int32Array(headroom(n)).fill(-1);
    const best = new Float64Array(n).fill(Infinity);
    const { customer, time, length } = this.orders;
    for (let r = 0; r < length; r++) {
      const c = customer[r]!;
      const t = time[r]!;
      const bt = best[c]!;
      if (t > bt) continue;
      if (t < bt || first[c]! < 0 || ColumnarDataset.#idOf(b, r) < ColumnarDataset.#idOf(b, first[c]!)) {
        first[c] = r;
        best[c] = t;
      }
    }
    release(best);
    this.#first = first;
    const at = new Float64Array(n).fill(-1);
    const ids: (string | undefined)[] = [];
    for (let c = 0; c < n; c++) {
      const r = first[c]!;
      if (r < 0) continue;
      at[c] = b.at[r]!;
      if (at[c]! < 0) ids[c] = b.ids[r];
    }
    this.#firstIds.fromRanges(n, b.text ?? '', at, ids);
    release(at);
    release(b.at);
  }

  /** Keeps `#first` and `#firstIds` right for a new order row (during a bulk build: its id, for `finish`). */
  #updateFirst(customer: number, row: number, time: number, id: string): void {
    const b = this.#build;
    if (b) {
      // Found by finish; the id is kept for it.
      ColumnarDataset.#pushId(b, -1);
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

/** Whether a value is a dataset built by {@link createDataset} (or anything shaped like one). */
export function isDataset(value: unknown): value is Dataset {
  return (
    value !== null &&
    typeof value === 'object' &&
    'orders' in value &&
    'customers' in value &&
    'firstOrder' in value &&
    typeof (value as Dataset).version === 'number'
  );
}
