/**
 * Where the spec's collections live in the user's warehouse: one table (or view) per
 * collection, and the column holding each field.
 *
 * Identifiers are validated when the mapping is created (letters, digits, `_`, `$`, a
 * table may be `schema.table`) and quoted by the dialect; they come from the server's
 * configuration, never from a request.
 *
 * What the columns are expected to hold:
 * - order and loyalty `time`: an instant. `timestamptz` (default: PostgreSQL
 *   `timestamptz`, DuckDB `TIMESTAMPTZ`), `epoch_ms` (a number of milliseconds since
 *   1970-01-01T00:00Z) or `utc_timestamp` (a timestamp without zone holding UTC time).
 *   Wall-clock times without a zone are not supported in a warehouse: convert them to
 *   instants when loading (the in-browser engine reads them in the report's zone).
 * - campaign `start`/`end`, cost and exposure `date`: a `DATE` (or `YYYY-MM-DD` text).
 * - ids, customer ids, campaign ids, channels, categories: text (other types are cast to text).
 * - amounts: numbers; `cogs` NULL when unknown, `discount` NULL counts as 0.
 * - order attributes (KPI-SPEC section 7.2: store, region, category ...): each either in
 *   a column of its own (`attributes.columns`, text) or as a key of a JSON object column
 *   (`attributes.json`: DuckDB `JSON` or text, PostgreSQL `jsonb`, `json` or text). NULL,
 *   a missing key or a JSON null means the order lacks the attribute.
 * The warehouse is trusted to hold valid records (ids unique, required fields present,
 * amounts >= 0): rows with a NULL required field are left out.
 */

import { ATTRIBUTE_NAME_RE, COLLECTIONS, fieldsOf, type CollectionName, type Records } from '../data/records.js';

export type Collection = CollectionName;
/** The fields of a collection that a mapping can place: those with a normalised SQL column. */
export type FieldOf<C extends Collection> = {
  [K in keyof Records[C]]: Records[C][K] extends { sql: string } ? K : never;
}[keyof Records[C]] &
  string;

/**
 * Field names of each collection (KPI-SPEC section 1) that a mapping can place, derived
 * from the declaration of data/records.ts.
 */
export const FIELDS = Object.fromEntries(
  COLLECTIONS.map((c) => [c, fieldsOf(c).flatMap(([key, f]) => (f.sql === null ? [] : [key]))]),
) as unknown as { readonly [C in Collection]: readonly FieldOf<C>[] };

/** Optional fields: a mapping may set them to `null` when the table has no such column. */
const OPTIONAL = Object.fromEntries(
  COLLECTIONS.map((c) => [c, fieldsOf(c).flatMap(([key, f]) => (f.sql === null || f.required ? [] : [key]))]),
) as unknown as Record<Collection, readonly string[]>;

export const TIME_KINDS = ['timestamptz', 'epoch_ms', 'utc_timestamp'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];

/** One collection's table and columns. Columns default to the snake_case field name. */
export interface TableMapping<C extends Collection> {
  /** Table or view name, optionally `schema.table`. Default: the collection name. */
  table?: string;
  /** Column of each field; `null` for an optional field the table lacks. */
  columns?: Partial<Record<FieldOf<C>, string | null>>;
  /**
   * Column holding the tenant (retailer) key of each row, when one warehouse serves many
   * tenants. Default: the mapping's `tenant`. Required on every table when the handler
   * has a `scope` hook.
   */
  tenant?: string;
}

export interface TimedTableMapping<C extends Collection> extends TableMapping<C> {
  /** How `time` is stored. Default `timestamptz`. */
  timeKind?: TimeKind;
}

/**
 * Where the order attributes live. A name in `columns` is read from its column; any other
 * name from the JSON object column `json` (its key is the attribute name); without
 * `json`, a name not in `columns` is absent from every order (a filter on it keeps no
 * order, a breakdown by it has no value).
 *
 * ```ts
 * attributes: { columns: { store: 'store_code', region: 'region' } }   // one column each
 * attributes: { json: 'attrs' }                                         // {"store": "Q1-01", ...}
 * attributes: { columns: { store: 'store_code' }, json: 'extra' }       // both
 * ```
 */
export interface AttributeMapping {
  /** Attribute name (KPI-SPEC 7.2: `^[A-Za-z][A-Za-z0-9_]{0,31}$`) -> column. */
  columns?: Record<string, string>;
  /** A column holding a JSON object of attribute name -> value. */
  json?: string | null;
}

/** The orders table: a timed table that may also hold order attributes. */
export interface OrdersTableMapping extends TimedTableMapping<'orders'> {
  attributes?: AttributeMapping;
}

/**
 * The user's tables. `campaigns` and `orders` are required (defaults apply when given as
 * `{}`); `costs`, `exposures` and `loyalty` may be `null` when the warehouse has none.
 */
export interface WarehouseMapping {
  /** Tenant column of every table that does not name its own (see {@link TableMapping.tenant}). */
  tenant?: string;
  campaigns?: TableMapping<'campaigns'>;
  orders?: OrdersTableMapping;
  costs?: TableMapping<'costs'> | null;
  exposures?: TableMapping<'exposures'> | null;
  loyalty?: TimedTableMapping<'loyalty'> | null;
}

/** A validated mapping: every identifier checked, every column resolved (null = absent). */
export interface ResolvedTable {
  collection: Collection;
  /** Identifier parts of the table (`['sales', 'orders']`). */
  table: string[];
  columns: Record<string, string | null>;
  timeKind: TimeKind;
  /** Tenant column, or null when the table names none. */
  tenant: string | null;
  /** Orders only: attribute name -> its own column, and the JSON column of the others. */
  attributes?: { columns: ReadonlyMap<string, string>; json: string | null };
}

export interface ResolvedMapping {
  campaigns: ResolvedTable;
  orders: ResolvedTable;
  costs: ResolvedTable | null;
  exposures: ResolvedTable | null;
  loyalty: ResolvedTable | null;
}

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function checkIdent(where: string, value: unknown): string {
  if (typeof value !== 'string' || !IDENT_RE.test(value))
    throw new TypeError(
      `warehouse mapping: ${where} must be an identifier of letters, digits, "_" or "$" (got ${JSON.stringify(value)})`,
    );
  return value;
}

function resolveTable<C extends Collection>(
  collection: C,
  m: TimedTableMapping<C> | undefined,
  defaultTenant: string | undefined,
): ResolvedTable {
  const tableName = m?.table ?? collection;
  if (typeof tableName !== 'string') throw new TypeError(`warehouse mapping: ${collection}.table must be a string`);
  const parts = tableName.split('.');
  if (parts.length > 3) throw new TypeError(`warehouse mapping: ${collection}.table has too many parts`);
  parts.forEach((p) => checkIdent(`${collection}.table`, p));
  const given = (m?.columns ?? {}) as Record<string, string | null | undefined>;
  for (const key of Object.keys(given)) {
    if (!(FIELDS[collection] as readonly string[]).includes(key))
      throw new TypeError(`warehouse mapping: ${collection} has no field "${key}"`);
  }
  const columns: Record<string, string | null> = {};
  for (const field of FIELDS[collection]) {
    const col = given[field];
    if (col === null) {
      if (!OPTIONAL[collection].includes(field))
        throw new TypeError(`warehouse mapping: ${collection}.${field} is required and cannot be null`);
      columns[field] = null;
    } else {
      columns[field] = checkIdent(`${collection}.columns.${field}`, col ?? snake(field));
    }
  }
  const timeKind = m?.timeKind ?? 'timestamptz';
  if (!TIME_KINDS.includes(timeKind))
    throw new TypeError(`warehouse mapping: ${collection}.timeKind must be one of ${TIME_KINDS.join(', ')}`);
  const tenantCol = m?.tenant ?? defaultTenant;
  const tenant = tenantCol === undefined ? null : checkIdent(`${collection}.tenant`, tenantCol);
  return { collection, table: parts, columns, timeKind, tenant };
}

function resolveAttributes(m: AttributeMapping | undefined): NonNullable<ResolvedTable['attributes']> {
  if (m !== undefined && (m === null || typeof m !== 'object'))
    throw new TypeError('warehouse mapping: orders.attributes must be an object { columns?, json? }');
  for (const key of Object.keys(m ?? {}))
    if (key !== 'columns' && key !== 'json')
      throw new TypeError(`warehouse mapping: orders.attributes has no field "${key}" (use columns or json)`);
  const columns = new Map<string, string>();
  const given = m?.columns ?? {};
  if (typeof given !== 'object' || given === null)
    throw new TypeError('warehouse mapping: orders.attributes.columns must be an object of name -> column');
  for (const [name, col] of Object.entries(given)) {
    if (!ATTRIBUTE_NAME_RE.test(name))
      throw new TypeError(
        `warehouse mapping: orders.attributes.columns: ${JSON.stringify(name)} is not an attribute name (a letter, then up to 31 letters, digits or "_")`,
      );
    columns.set(name, checkIdent(`orders.attributes.columns.${name}`, col));
  }
  const json = m?.json === undefined || m.json === null ? null : checkIdent('orders.attributes.json', m.json);
  return { columns, json };
}

/** Validates a mapping and fills in defaults. Throws a TypeError naming the bad entry. */
export function resolveMapping(mapping: WarehouseMapping = {}): ResolvedMapping {
  const t = mapping.tenant === undefined ? undefined : checkIdent('tenant', mapping.tenant);
  return {
    campaigns: resolveTable('campaigns', mapping.campaigns, t),
    orders: {
      ...resolveTable('orders', mapping.orders, t),
      attributes: resolveAttributes(mapping.orders?.attributes),
    },
    costs: mapping.costs === null ? null : resolveTable('costs', mapping.costs, t),
    exposures: mapping.exposures === null ? null : resolveTable('exposures', mapping.exposures, t),
    loyalty: mapping.loyalty === null ? null : resolveTable('loyalty', mapping.loyalty, t),
  };
}

/** The mapped tables (absent optional collections left out), every table the statements may read. */
export function mappedTables(map: ResolvedMapping): ResolvedTable[] {
  return Object.values(map).filter(
    (t): t is ResolvedTable => t !== null && typeof t === 'object' && Array.isArray((t as ResolvedTable).table),
  );
}

/**
 * Throws a TypeError naming every mapped table without a tenant column: a handler that
 * scopes requests by tenant must be able to filter every table it reads.
 */
export function requireTenantColumns(map: ResolvedMapping): void {
  const missing = mappedTables(map)
    .filter((t) => t.tenant === null)
    .map((t) => t.collection);
  if (missing.length > 0)
    throw new TypeError(
      `warehouse mapping: a scope hook is set, so every table needs a tenant column; ${missing.join(
        ', ',
      )} ${missing.length === 1 ? 'has' : 'have'} none (set mapping.tenant, or tenant on each table)`,
    );
}
