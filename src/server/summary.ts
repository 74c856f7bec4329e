/**
 * The summary of the data in the warehouse: what the engine's `summarizeDataset` gives for
 * data on the page (campaigns, channels, order attributes and their values, the last order's
 * local day, the number of orders), so a board whose reports are computed in the warehouse
 * offers the same filters and periods as one holding its data.
 */
import type { PushdownSummary, PushdownSummaryQuery } from '../engine/aggregates-contract.js';
import { resolveOptions } from '../engine/options.js';
import { compareCodePoints } from '../engine/segments.js';
import { formatDay, parseLocalDate, zoneFor } from '../core/time.js';
import { ATTRIBUTE_NAME_RE } from '../data/records.js';
import { campaignsStatement, SUMMARY_ROWS, summaryStatement, type SummarySince } from './statements.js';
import { resolveMapping } from './table-mapping.js';
import {
  compileQuery,
  num,
  statementRunner,
  str,
  type WarehouseAccess,
  type WarehouseConfig,
} from './warehouse-run.js';

/** Values listed per attribute when no limit is given. */
export const DEFAULT_MAX_ATTRIBUTE_VALUES = 1_000;

/** Attribute names listed when no limit is given. */
export const DEFAULT_MAX_ATTRIBUTES = 50;

/**
 * A count given as an option or a limit: `fallback` when it is undefined, else itself when it
 * is a positive integer; anything else throws the error `fail` makes of its text.
 */
export function positiveCount(v: number | undefined, fallback: number, fail: (got: string) => Error): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v <= 0) throw fail(String(v));
  return v;
}

/** A count option of the summary (null, as undefined, is not given): a RangeError naming it unless a positive integer. */
const countOption = (name: string, v: number | null | undefined, fallback: number): number =>
  positiveCount(v ?? undefined, fallback, (got) => new RangeError(`${name}: expected a positive integer, got ${got}`));

/** What {@link warehouseDataSummary} is asked: the query, and what the caller may see. */
export interface DataSummaryOptions extends PushdownSummaryQuery {
  /** The first local date (YYYY-MM-DD) whose orders, exposures and loyalty events count; campaigns ended before it are left out. */
  earliestDate?: string;
  /** Most values listed per attribute (the first ones in code-point order). Default 1 000. */
  maxAttributeValues?: number;
  /**
   * Most attribute names listed: those of their own column first, then the JSON column's
   * keys, each group in code-point order. Default 50. The cut is made in the warehouse
   * (with the dialect's `matches`, as the three built in have): the answer holds at most
   * one name more than this, whatever the JSON column holds.
   */
  maxAttributes?: number;
}

/**
 * The summary of the warehouse's data, as `summarizeDataset` gives it for data on the page,
 * every list in code-point order (a table has no row order): the campaigns (targets are not
 * mapped: `{}`), the channels of orders, exposures and loyalty events, each order
 * attribute's values (its own column, or the keys of the JSON column) up to
 * `maxAttributeValues` (`truncatedAttributes` names those cut) and at most `maxAttributes`
 * attributes (own columns first; `truncatedAttributeNames` says when names were cut), the local day (in
 * `timeZone`) of the latest order and the number of orders.
 *
 * Narrowed by `campaignIds` (those campaigns, their orders and exposures), `channels` and
 * `filters` (the orders passing them, as a report's), `earliestDate`; `access.tenants`
 * restricts every table read. Rejects with a RangeError for a bad option, before any
 * statement runs; with the driver's error when a statement fails.
 */
export async function warehouseDataSummary(
  config: WarehouseConfig,
  options: DataSummaryOptions = {},
  access: WarehouseAccess = {},
): Promise<PushdownSummary> {
  const map = resolveMapping(config.mapping);
  const maxValues = countOption('maxAttributeValues', options.maxAttributeValues, DEFAULT_MAX_ATTRIBUTE_VALUES);
  const maxNames = countOption('maxAttributes', options.maxAttributes, DEFAULT_MAX_ATTRIBUTES);
  let since: SummarySince | null = null;
  const o = resolveOptions({
    // The period is not read: the summary spans the whole data (from `earliestDate` on).
    from: '1970-01-01',
    to: '1970-01-01',
    compare: 'none',
    timeZone: options.timeZone,
    campaignIds: options.campaignIds as string[] | undefined,
    channels: options.channels as string[] | undefined,
    filters: options.filters as Record<string, string[]> | undefined,
    // Every attribute of its own column, as a column of the orders.
    breakdowns: [...(map.orders.attributes?.columns.keys() ?? [])],
  });
  if (o.issues.length > 0) throw new RangeError(o.issues.map((i) => i.message).join('; '));
  const zone = zoneFor(o.timeZone);
  if (options.earliestDate !== undefined) {
    const day = parseLocalDate(options.earliestDate);
    if (day === null) throw new RangeError('earliestDate: expected a local date YYYY-MM-DD');
    since = { day, ms: zone.startOfDay(day) };
  }
  const q = { ...compileQuery(o, [], access), campaignIds: o.campaignIds };
  const run = statementRunner(config, map, access);
  const wanted = o.campaignIds === null ? null : new Set(o.campaignIds);
  const campaigns = (await run('campaigns', campaignsStatement(config.dialect, map, q)))
    .filter((r) => (wanted === null || wanted.has(String(r.id))) && (since === null || num(r.end_day) >= since.day))
    .map((r) => ({
      id: String(r.id),
      name: String(r.name),
      start: formatDay(num(r.start_day)),
      end: formatDay(num(r.end_day)),
      budget: r.budget === null || r.budget === undefined ? null : num(r.budget),
      type: str(r.type),
      targets: {},
    }));
  const rows = await run('summary', summaryStatement(config.dialect, map, q, since, maxValues, maxNames));
  const channels: string[] = [];
  const attributes: Record<string, string[]> = {};
  const truncatedAttributes: string[] = [];
  let orders = 0;
  let lastDay: number | null = null;
  // A name ranked after the cap, which the statement reads only to tell that names were cut.
  let namesBeyond = false;
  for (const r of rows) {
    const kind = num(r.kind);
    if (kind === SUMMARY_ROWS.orders) {
      orders = num(r.n);
      lastDay = r.t === null || r.t === undefined ? null : zone.day(num(r.t));
    } else if (kind === SUMMARY_ROWS.channel) channels.push(String(r.value));
    else {
      const name = String(r.name);
      if (r.t !== null && r.t !== undefined && num(r.t) > maxNames) {
        namesBeyond = true;
        continue;
      }
      // A JSON key that is no attribute name cannot be filtered on or broken down by (left
      // out by the statement when the dialect has `matches`).
      if (!ATTRIBUTE_NAME_RE.test(name)) continue;
      const values = (attributes[name] ??= []);
      values.push(String(r.value));
      if (values.length === 1 && num(r.n) > maxValues) truncatedAttributes.push(name);
    }
  }
  // Own columns count first, then the JSON keys, each group in code-point order.
  const ownColumns = map.orders.attributes?.columns;
  const names = Object.keys(attributes).sort(
    (a, b) => Number(!ownColumns?.has(a)) - Number(!ownColumns?.has(b)) || compareCodePoints(a, b),
  );
  const kept = names.slice(0, maxNames).sort(compareCodePoints);
  const sorted: Record<string, string[]> = {};
  for (const name of kept) sorted[name] = attributes[name]!.sort(compareCodePoints);
  return {
    campaigns,
    channels: channels.sort(compareCodePoints),
    attributes: sorted,
    lastDay: orders > 0 ? lastDay : null,
    orders,
    truncatedAttributes: truncatedAttributes.filter((name) => Object.hasOwn(sorted, name)).sort(compareCodePoints),
    truncatedAttributeNames: namesBeyond || names.length > maxNames,
  };
}
