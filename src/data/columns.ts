/**
 * The columnar dataset the engine reads (built by `createDataset`).
 *
 * Each collection is a set of typed-array columns of equal capacity; `length` rows are
 * valid (capacity grows geometrically on append). String ids are dictionary-encoded once
 * at ingest: a column holds the code, the dictionary maps it back. Local dates are day
 * numbers (days since 1970-01-01 on the local calendar of `timeZone`, see core/time.ts).
 * Missing optional numbers are NaN in float columns; missing codes are -1.
 *
 * The engine must only read rows `0 .. length - 1` and must not mutate columns.
 */
import type { DataIssue } from '../core/issues.js';

export interface OrderColumns {
  length: number;
  /** Customer code: index into `Dataset.customers`. */
  customer: Int32Array;
  /** Instant, epoch milliseconds. */
  time: Float64Array;
  /**
   * Local day number of `time` in `Dataset.timeZone`. Unsigned 16 bits (2 bytes a row,
   * days 0 .. 65535: 1970-01-01 .. 2149-06-06); ingest rejects times outside that range.
   */
  day: Uint16Array;
  revenue: Float64Array;
  /** 0 when absent. */
  discount: Float64Array;
  /** NaN when absent. */
  cogs: Float64Array;
  /** Campaign code (index into `Dataset.campaigns`), or -1 when none or unknown (at most 32 767 campaigns). */
  campaign: Int16Array;
  /** Channel code (index into `Dataset.channels`), or -1 when absent. */
  channel: Int16Array;
}

export interface CostColumns {
  length: number;
  /** Campaign code, or -1 when the cost names an unknown campaign (reported). */
  campaign: Int16Array;
  day: Int32Array;
  amount: Float64Array;
  /** Category code (index into `Dataset.costCategories`), or -1. */
  category: Int16Array;
}

export interface ExposureColumns {
  length: number;
  /** Campaign code, or -1 when the exposure names an unknown campaign (reported). */
  campaign: Int16Array;
  day: Int32Array;
  impressions: Float64Array;
  reach: Float64Array;
  clicks: Float64Array;
  engagements: Float64Array;
  channel: Int16Array;
}

export interface LoyaltyColumns {
  length: number;
  customer: Int32Array;
  time: Float64Array;
  /** Local day number, as `OrderColumns.day`. */
  day: Uint16Array;
  earned: Float64Array;
  redeemed: Float64Array;
  /** Channel code, or -1 (loyalty events may name the channel they happened in). */
  channel: Int16Array;
}

/**
 * Order attributes (KPI-SPEC 7.2), column by column: at most 8 names per dataset, each
 * dictionary-encoded. `codes[k][row]` is the code of order `row`'s value of `names[k]` plus
 * one, or 0 when the order lacks that attribute (a column may be shorter than the orders
 * when no later order had the name: rows past its end lack it too).
 */
export interface AttributeColumns {
  /** Attribute names in the order they were first accepted (at most 8). */
  readonly names: readonly string[];
  /** Per name, its values. */
  readonly values: readonly Dictionary[];
  /** Per name, per order row: value code + 1, or 0 when absent. */
  readonly codes: readonly Int32Array[];
}

/** A valid campaign as held by the dataset. */
export interface CampaignRecord {
  id: string;
  name: string;
  /** Local day numbers, inclusive. */
  start: number;
  end: number;
  budget: number | null;
  type: string | null;
  targets: Record<string, number>;
}

/** A growable string dictionary: code <-> value. */
export interface Dictionary {
  readonly size: number;
  value(code: number): string;
  /** The code of a value, or -1. */
  code(value: string): number;
}

export interface Dataset {
  readonly timeZone: string;
  /** Increases on every change (append), so derived caches can be invalidated. */
  readonly version: number;
  readonly campaigns: readonly CampaignRecord[];
  /** Campaign id -> index into `campaigns`. */
  readonly campaignIndex: ReadonlyMap<string, number>;
  readonly customers: Dictionary;
  readonly channels: Dictionary;
  readonly costCategories: Dictionary;
  readonly orders: OrderColumns;
  readonly costs: CostColumns;
  readonly exposures: ExposureColumns;
  readonly loyalty: LoyaltyColumns;
  /** Order attributes; absent (or empty) when no order has any. */
  readonly attributes?: AttributeColumns;
  /**
   * Row index of each customer's first order (earliest time, ties: smaller order id),
   * indexed by customer code (length = `customers.size`); -1 for a customer with no
   * valid order (a customer seen only in loyalty events).
   */
  readonly firstOrder: Int32Array;
  /** Validation report of everything ingested so far (KPI-SPEC section 4). */
  readonly issues: readonly DataIssue[];
}

/**
 * Whether a value is a dataset built by `createDataset` (or anything shaped like one). Kept
 * beside the shape it checks, so a caller can tell a dataset from plain input without
 * loading the dataset's builder.
 */
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
