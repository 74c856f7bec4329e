/**
 * The dataset's implementation: the columns of every collection, the dictionaries they
 * share, the validation report, and adding records of any collection (see dataset.ts for
 * the public surface). Orders go through {@link OrderIngest} (queued, deduplicated, first
 * orders kept right); campaigns, costs, exposures and loyalty events are added here, one
 * record at a time. Campaigns should come before the rows naming them: rows naming one not
 * known yet are noted and get its code when it comes.
 *
 * After the initial build spare capacity is released but for a small headroom. Internal
 * tables that grow free their smaller copy at once, so a build does not leave large
 * garbage behind.
 *
 * DOM-free.
 */
import type { DataIssue } from '../core/issues.js';
import { isValidTimeZone, zoneFor, type Zone } from '../core/time.js';
import { SmallDictionary, StringDictionary } from './compact/index.js';
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
import { Attributes } from './attribute-columns.js';
import type { CampaignRecord, CostColumns, ExposureColumns, LoyaltyColumns, OrderColumns } from './columns.js';
import type { AppendResult, DatasetOptions, LiveDataset, RowSink } from './dataset-contract.js';
import { expected, makeIssue } from './explain.js';
import { IssueLog } from './issue-log.js';
import { OrderIngest } from './order-ingest.js';
import type { PlainRowLayout, PlainRowReader } from './plain-rows.js';
import { MAX_CODES, RecordCodes } from './record-codes.js';
import { COLLECTIONS, type CollectionName, type DataInput } from './records.js';
import { newFields, readRecord } from './validate.js';

const MAX_CAMPAIGNS = 32767;

export class ColumnarDataset implements LiveDataset, RowSink {
  readonly timeZone: string;
  readonly campaigns: CampaignRecord[] = [];
  readonly campaignIndex: Map<string, number>;
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
  #codes: RecordCodes;
  #orders: OrderIngest;

  #received: Record<Exclude<CollectionName, 'orders'>, number> = { campaigns: 0, costs: 0, exposures: 0, loyalty: 0 };
  #firstCache: { version: number; view: Int32Array } | null = null;

  // Reused records of the fast path.
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
    this.#codes = new RecordCodes(this.#log);
    this.campaignIndex = this.#codes.campaignIndex;
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
    this.#orders = new OrderIngest(
      this,
      { zone: this.#zone, days: this.#days, codes: this.#codes, log: this.#log },
      expectedOrders,
    );
  }

  get version(): number {
    return this.#version;
  }

  get firstOrder(): Int32Array {
    const n = this.customers.size;
    if (this.#firstCache?.version !== this.#version || this.#firstCache.view.length !== n)
      this.#firstCache = { version: this.#version, view: this.#orders.first.subarray(0, n) };
    return this.#firstCache.view;
  }

  get issues(): readonly DataIssue[] {
    return this.#log.issues(this.#version);
  }

  get byteLength(): number {
    let n = 0;
    for (const cols of [this.orders, this.costs, this.exposures, this.loyalty] as unknown as Columns[])
      for (const k in cols) if (k !== 'length') n += (cols[k] as TypedArray).byteLength;
    n += this.#orders.byteLength;
    n += this.customers.byteLength + this.channels.byteLength + this.costCategories.byteLength;
    n += this.attributes.byteLength;
    n += this.#log.byteLength;
    n += this.campaigns.length * 200;
    return n;
  }

  add(collection: CollectionName, record: unknown): void {
    // Queued orders go first: a campaign added now must not be known to orders before it.
    if (collection === 'orders') return this.#orders.add(record);
    this.#orders.flush();
    const index = this.#received[collection]++;
    switch (collection) {
      case 'campaigns':
        return this.#addCampaign(record, index);
      case 'costs':
        return this.#addCost(record, index);
      case 'exposures':
        return this.#addExposure(record, index);
      case 'loyalty':
        return this.#addLoyalty(record, index);
    }
  }

  plainRows(collection: CollectionName, text: string, layout: PlainRowLayout): PlainRowReader | null {
    return collection === 'orders' ? this.#orders.plainRows(text, layout) : null;
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
    if (!this.#orders.building) {
      this.#orders.flush();
      return this;
    }
    this.#orders.finishBuild();
    for (const cols of [this.orders, this.costs, this.exposures, this.loyalty] as unknown as Columns[]) {
      const want = headroom(cols.length);
      if (capacityOf(cols) > want) resize(cols, want);
    }
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
      this.#orders.flush();
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

  #addCampaign(record: unknown, index: number): void {
    const r = newFields('campaigns');
    if (!readRecord('campaigns', record, this.#zone, r)) return this.#log.reject('campaigns', record, index);
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
      this.#log.report(
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
      this.#log.report(
        makeIssue('campaigns', index, '', `more than ${MAX_CAMPAIGNS} campaigns; this one is left out`, c.id),
      );
      return;
    }
    const code = this.campaigns.length;
    this.campaigns.push(c);
    this.#codes.addCampaign(c.id, code);
    // Rows that named this campaign before it was known now belong to it.
    for (const collection of ['orders', 'costs', 'exposures'] as const) {
      const rows = this.#log.takeUnknown(collection, c.id);
      if (!rows) continue;
      const col = this[collection].campaign;
      for (const row of rows) col[row] = code;
    }
  }

  #addCost(record: unknown, index: number): void {
    const c = this.#cost;
    if (!readRecord('costs', record, this.#zone, c)) return this.#log.reject('costs', record, index);
    const cols = this.costs;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    cols.campaign[row] = this.#codes.campaign('costs', c.campaignId, index, row);
    cols.day[row] = c.date;
    cols.amount[row] = c.amount;
    cols.category[row] = this.#codes.channel(c.category, this.costCategories, 'costs', index, 'category');
    cols.length = row + 1;
  }

  #addExposure(record: unknown, index: number): void {
    const e = this.#exposure;
    if (!readRecord('exposures', record, this.#zone, e)) return this.#log.reject('exposures', record, index);
    const cols = this.exposures;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    cols.campaign[row] = this.#codes.campaign('exposures', e.campaignId, index, row);
    cols.day[row] = e.date;
    cols.impressions[row] = e.impressions;
    cols.reach[row] = e.reach;
    cols.clicks[row] = e.clicks;
    cols.engagements[row] = e.engagements;
    cols.channel[row] = this.#codes.channel(e.channel, this.channels, 'exposures', index, 'channel');
    cols.length = row + 1;
  }

  #addLoyalty(record: unknown, index: number): void {
    const l = this.#loyalty;
    if (!readRecord('loyalty', record, this.#zone, l)) return this.#log.reject('loyalty', record, index);
    const cols = this.loyalty;
    const row = cols.length;
    ensure(cols as unknown as Columns, row + 1);
    const customer = this.customers.intern(l.customerId);
    this.#orders.reserveFirst(customer);
    cols.customer[row] = customer;
    cols.time[row] = l.time;
    cols.day[row] = this.#days.day(l.time);
    cols.earned[row] = l.earned;
    cols.redeemed[row] = l.redeemed;
    cols.channel[row] = this.#codes.channel(l.channel, this.channels, 'loyalty', index, 'channel');
    cols.length = row + 1;
  }
}
