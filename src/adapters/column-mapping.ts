/**
 * Column mappings: which column of a CSV file, or which property of a JSON record, holds each
 * canonical field (KPI-SPEC section 1), order attributes included. One option, `columns`,
 * read the same way by the CSV and JSON adapters, from a property (an object) or from an
 * HTML attribute (a string):
 *
 * @example
 * // An object (a property, or `adapter-options` JSON):
 * { orders: { customerId: 'Mã khách', 'attributes.store': 'Cửa hàng', 'attributes.region': 'Khu vực' },
 *   loyalty: { channel: 'Kênh' } }
 * // The same, nested:
 * { orders: { customerId: 'Mã khách', attributes: { store: 'Cửa hàng', region: 'Khu vực' } }, loyalty: { channel: 'Kênh' } }
 * // The same as a string: JSON, or `collection.field=column` pairs separated by `;` or new lines:
 * 'orders.customerId=Mã khách; orders.attributes.store=Cửa hàng; orders.attributes.region=Khu vực; loyalty.channel=Kênh'
 *
 * Keys are canonical fields of the collection, `attributes.<name>` for an order attribute
 * (names as the data rule: a letter, then letters, digits or `_`, at most 32; at most 8
 * attributes). A mistake (an unknown collection or field, a bad attribute name, an empty
 * column) is an {@link AdapterError} of kind `config` that names it.
 *
 * DOM-free.
 */
import {
  ATTRIBUTE_NAME_RE,
  COLLECTIONS,
  MAX_ATTRIBUTES,
  fieldsOf,
  type CollectionName,
  type FieldType,
} from '../data/records.js';
import { AdapterError } from './adapter.js';

/** How a CSV cell of a field is read. */
export type FieldKind = 'id' | 'text' | 'number' | 'time' | 'date';

/** How a cell of a field of each type is read; campaign targets and order attributes come from columns of their own. */
const CELL_KINDS: Record<FieldType, FieldKind | null> = {
  id: 'id',
  label: 'text',
  text: 'text',
  amount: 'number',
  count: 'number',
  time: 'time',
  date: 'date',
  campaignType: 'text',
  targets: null,
  attributes: null,
};

/**
 * The canonical fields of each collection as the adapters read them (derived from the
 * declaration of data/records.ts): how a cell is read, and whether the field is required.
 * Campaign targets (`targets.<kpi>`) and order attributes (`attributes.<name>`) come on top.
 */
export const CANONICAL_FIELDS = Object.fromEntries(
  COLLECTIONS.map((c) => [
    c,
    Object.fromEntries(
      fieldsOf(c).flatMap(([key, f]) => {
        const kind = CELL_KINDS[f.type];
        return kind === null ? [] : [[key, [kind, f.required] as const]];
      }),
    ),
  ]),
) as Record<CollectionName, Record<string, readonly [FieldKind, boolean]>>;

/** Prefix of an attribute key in a mapping: `attributes.store`. */
export const ATTRIBUTE_PREFIX = 'attributes.';

/**
 * Canonical field (or `attributes.<name>` of an order) -> the column (CSV header) or
 * property (JSON key) holding it, per collection.
 */
export type ColumnMapping = Partial<Record<CollectionName, Record<string, string>>>;

/** What `columns` may be given as: a mapping (flat or with a nested `attributes` object), or its string form. */
export type ColumnsOption = ColumnMapping | Partial<Record<CollectionName, Record<string, unknown>>> | string;

function configError(message: string): AdapterError {
  return new AdapterError('config', `The columns option: ${message}`);
}

/** The string form: JSON, or `collection.field=column` pairs separated by `;` or line breaks. */
function parseString(text: string): unknown {
  const s = text.trim();
  if (s === '') return {};
  if (s.startsWith('{')) {
    try {
      return JSON.parse(s);
    } catch (e) {
      throw configError(`not valid JSON (${(e as Error).message})`);
    }
  }
  const out: Record<string, Record<string, string>> = {};
  for (const part of s.split(/[;\n\r]+/)) {
    const pair = part.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? '' : pair.slice(0, eq).trim();
    const dot = key.indexOf('.');
    if (eq < 0 || dot <= 0)
      throw configError(
        `"${pair}" is not collection.field=column (e.g. orders.attributes.store=Cửa hàng; loyalty.channel=Kênh)`,
      );
    (out[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = pair.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Reads the `columns` option (an object or its string form) into a checked, flat
 * {@link ColumnMapping}. Throws an {@link AdapterError} of kind `config` naming the mistake.
 */
export function parseColumns(value: unknown): ColumnMapping {
  if (value === undefined || value === null || value === '') return {};
  const raw = typeof value === 'string' ? parseString(value) : value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw configError(`expected an object of collection to { field: column }, got ${describe(raw)}`);
  const out: ColumnMapping = {};
  for (const [collection, fields] of Object.entries(raw as Record<string, unknown>)) {
    if (!(COLLECTIONS as readonly string[]).includes(collection))
      throw configError(`"${collection}" is not a collection; use ${COLLECTIONS.join(', ')}`);
    const c = collection as CollectionName;
    if (fields === undefined || fields === null) continue;
    if (typeof fields !== 'object' || Array.isArray(fields))
      throw configError(`${c} should be an object of field to column, got ${describe(fields)}`);
    const flat: Record<string, string> = {};
    for (const [key, column] of Object.entries(fields as Record<string, unknown>)) {
      if (key === 'attributes' && c === 'orders' && typeof column === 'object' && column !== null) {
        if (Array.isArray(column)) throw configError(`orders.attributes should be an object of name to column`);
        for (const [name, col] of Object.entries(column as Record<string, unknown>))
          flat[ATTRIBUTE_PREFIX + name] = checkColumn(c, ATTRIBUTE_PREFIX + name, col);
        continue;
      }
      flat[key] = checkColumn(c, key, column);
    }
    let attributes = 0;
    for (const key of Object.keys(flat)) {
      if (key.startsWith(ATTRIBUTE_PREFIX) && c === 'orders') {
        const name = key.slice(ATTRIBUTE_PREFIX.length);
        if (!ATTRIBUTE_NAME_RE.test(name))
          throw configError(
            `orders.${key}: an attribute name is a letter, then letters, digits or _ (at most 32), e.g. store`,
          );
        attributes++;
      } else if (!(key in CANONICAL_FIELDS[c]))
        throw configError(
          `${c} has no field "${key}"; its fields are ${Object.keys(CANONICAL_FIELDS[c]).join(', ')}${c === 'orders' ? ' and attributes.<name>' : ''}`,
        );
    }
    if (attributes > MAX_ATTRIBUTES)
      throw configError(`${attributes} order attributes mapped; a dataset holds at most ${MAX_ATTRIBUTES}`);
    out[c] = flat;
  }
  return out;
}

function checkColumn(collection: CollectionName, key: string, column: unknown): string {
  if (typeof column !== 'string' || column.trim() === '')
    throw configError(`${collection}.${key} should name a column, got ${describe(column)}`);
  return column;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'a list';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
}

/** The attribute names of a collection's mapping, with their columns. */
export function mappedAttributes(fields: Record<string, string> | undefined): [name: string, column: string][] {
  if (!fields) return [];
  return Object.entries(fields)
    .filter(([k]) => k.startsWith(ATTRIBUTE_PREFIX))
    .map(([k, col]) => [k.slice(ATTRIBUTE_PREFIX.length), col]);
}

/** A value of `record` at `key`: the property of that name, else a dotted path (`shop.code`). */
function lookup(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  if (!key.includes('.')) return undefined;
  let v: unknown = record;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * Applies a mapping to JSON records of one collection: each mapped field takes the value of
 * its property (or dotted path); mapped attributes join the record's own `attributes`, an
 * absent, null or empty value being left out. Fields not mapped keep their canonical name.
 * Records that are not objects are passed on unchanged (validation reports them).
 */
export function mapRecords(records: readonly unknown[], fields: Record<string, string> | undefined): unknown[] {
  if (!fields || Object.keys(fields).length === 0) return records as unknown[];
  const plain = Object.entries(fields).filter(([k]) => !k.startsWith(ATTRIBUTE_PREFIX));
  const attrs = mappedAttributes(fields);
  return records.map((record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
    const r = record as Record<string, unknown>;
    const out: Record<string, unknown> = { ...r };
    for (const [field, key] of plain) out[field] = lookup(r, key);
    if (attrs.length > 0) {
      const own = r.attributes;
      // A non-object `attributes` of the record is left as it is, for validation to report.
      if (own === undefined || own === null || (typeof own === 'object' && !Array.isArray(own))) {
        let merged: Record<string, unknown> | undefined = own ? { ...(own as Record<string, unknown>) } : undefined;
        for (const [name, key] of attrs) {
          const v = lookup(r, key);
          if (v !== undefined && v !== null && v !== '') (merged ??= {})[name] = v;
        }
        out.attributes = merged;
      }
    }
    return out;
  });
}
