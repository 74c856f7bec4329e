/**
 * The CSV adapter: one file per collection, read straight into a dataset (no intermediate
 * array of objects). Users map their own headers to the canonical fields, e.g. a Vietnamese
 * export:
 *
 * @example
 * csvAdapter({
 *   sources: { orders: '/exports/don-hang.csv' },
 *   columns: { orders: { id: 'Mã đơn', customerId: 'Mã khách', time: 'Thời gian', revenue: 'Doanh thu' } },
 *   decimal: ',', // 1.234,5
 * });
 *
 * Order attributes (store, region, product category ...) are mapped as `attributes.<name>`
 * (`columns: { orders: { 'attributes.store': 'Cửa hàng' } }`, see column-mapping.ts for the string
 * form); an empty cell leaves the attribute out of that order.
 *
 * Without a mapping, a header matches a field by name, ignoring case and punctuation
 * (`customer_id`, `Customer ID` and `customerId` all match `customerId`); `targets.roi`
 * columns fill campaign targets and `attributes.store` columns order attributes. BOM, quoted
 * fields, `,` `;` or tab separators are read; the decimal mark defaults to `,` for
 * `;`-separated files and `.` otherwise.
 *
 * Plain order rows (one line, no quotes, numbers written plainly, an ISO-8601 time with or
 * without offset, or epoch ms, no attribute value) are read straight into the dataset's
 * columns in one scan; any other row becomes a record checked by the record path, so its
 * messages are the same.
 *
 * DOM-free.
 */
import { createDatasetBuilder, type LiveDataset } from '../data/dataset.js';
import { ATTRIBUTE_NAME_RE, COLLECTIONS, fieldsOf, type CollectionName } from '../data/records.js';
import { AdapterError, type Adapter } from './adapter.js';
import { detectSeparator, parseNumberCell, plainNumberAt, readCsv, type DecimalMark } from './csv-parse.js';
import { fetchText, latestLoad, type HttpOptions } from './http.js';
import {
  ATTRIBUTE_PREFIX,
  CANONICAL_FIELDS,
  mappedAttributes,
  parseColumns,
  type ColumnMapping,
  type ColumnsOption,
  type FieldKind,
} from './column-mapping.js';

type Kind = FieldKind;

/** The canonical fields of each collection, how their cells are read, and which are required. */
const FIELDS = CANONICAL_FIELDS;

/**
 * Makes the record of a row: every declared field of the collection in declaration order
 * (one object shape per collection, which keeps the validator's property reads
 * monomorphic), cell values by position in FIELDS, targets and attributes from their columns.
 */
function makerOf(
  collection: CollectionName,
): (v: unknown[], targets?: Record<string, unknown>, attributes?: Record<string, unknown>) => Record<string, unknown> {
  const slots = Object.keys(FIELDS[collection]);
  const fields = fieldsOf(collection).map(([key, f]) => [key, f.type, slots.indexOf(key)] as const);
  return (v, targets, attributes) => {
    const record: Record<string, unknown> = {};
    for (const [key, type, slot] of fields)
      record[key] = type === 'targets' ? targets : type === 'attributes' ? attributes : v[slot];
    return record;
  };
}

/** Canonical field (or `attributes.<name>` of an order) -> header in the user's file, per collection. */
export type CsvColumns = ColumnMapping;

export interface CsvReadSettings {
  /**
   * Canonical field -> header, per collection, order attributes as `attributes.<name>`:
   * an object, or its string form (JSON, or `orders.attributes.store=Cửa hàng; loyalty.channel=Kênh`).
   */
  columns?: ColumnsOption;
  separator?: ',' | ';' | '\t';
  decimal?: DecimalMark;
  /** File names or URLs per collection, for messages. */
  names?: Partial<Record<CollectionName, string>>;
  /**
   * @internal Read plain order rows straight into the dataset's columns (default true);
   * false sends every row through the record path (for tests comparing the two).
   */
  inPlace?: boolean;
}

export interface CsvAdapterOptions extends HttpOptions, CsvReadSettings {
  /** URL of the orders file (shorthand for `sources.orders`). */
  src?: string;
  /** One URL per collection. */
  sources?: Partial<Record<CollectionName, string>>;
  /** CSV text per collection, when the files are already at hand. */
  text?: Partial<Record<CollectionName, string>>;
}

const norm = (s: string) =>
  s
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.:]+/g, '');

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads CSV texts (one per collection) into a dataset. Throws an {@link AdapterError} of
 * kind `parse` when a file lacks a required column or has an unterminated quote; bad rows
 * are reported in `dataset.issues` like any bad record.
 */
export function csvToDataset(
  texts: Partial<Record<CollectionName, string>>,
  timeZone: string,
  settings: CsvReadSettings = {},
): LiveDataset {
  const expectedOrders = texts.orders ? countLines(texts.orders) : 0;
  const builder = createDatasetBuilder({ timeZone }, expectedOrders);
  const columns = parseColumns(settings.columns);
  for (const collection of COLLECTIONS) {
    const text = texts[collection];
    if (text === undefined) continue;
    const name = settings.names?.[collection] ?? `${collection}.csv`;
    const separator = settings.separator ?? detectSeparator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const decimal = settings.decimal ?? (separator === ';' ? ',' : '.');
    const mark = decimal.charCodeAt(0);
    const fields = FIELDS[collection];
    const mapping = columns[collection] ?? {};
    // Cell values by field position; each row becomes an object literal of one fixed shape
    // (MAKERS), which keeps the validator's property reads monomorphic.
    const fieldNames = Object.keys(fields);
    const vals: unknown[] = new Array(fieldNames.length).fill(undefined);
    const make = makerOf(collection);
    // `extra`: 1 a campaign target, 2 an order attribute (keyed by name), 0 a field (by slot).
    let cols: { cell: number; key: string; slot: number; kind: Kind; extra: 0 | 1 | 2 }[] = [];
    readCsv(
      text,
      (header) => {
        const byName = new Map(header.map((h, i) => [norm(h), i]));
        const missing: string[] = [];
        for (const [key, [kind, required]] of Object.entries(fields)) {
          const wanted = mapping[key];
          const cell = byName.get(norm(wanted ?? key));
          if (cell === undefined) {
            if (required || wanted !== undefined) missing.push(wanted ? `${key} (mapped to "${wanted}")` : key);
            continue;
          }
          cols.push({ cell, key, slot: fieldNames.indexOf(key), kind, extra: 0 });
        }
        if (collection === 'campaigns')
          header.forEach((h, i) => {
            const m = /^targets?[.:]\s*(.+)$/i.exec(h.trim());
            if (m) cols.push({ cell: i, key: m[1]!, slot: -1, kind: 'number', extra: 1 });
          });
        if (collection === 'orders') {
          // Mapped attributes, then `attributes.<name>` headers for names not mapped.
          const names = new Set<string>();
          for (const [attr, wanted] of mappedAttributes(mapping)) {
            const cell = byName.get(norm(wanted));
            if (cell === undefined) missing.push(`${ATTRIBUTE_PREFIX}${attr} (mapped to "${wanted}")`);
            else cols.push({ cell, key: attr, slot: -1, kind: 'text', extra: 2 });
            names.add(attr);
          }
          header.forEach((h, i) => {
            const m = /^attributes?[.:]\s*(.+)$/i.exec(h.trim());
            if (!m || names.has(m[1]!)) return;
            if (!ATTRIBUTE_NAME_RE.test(m[1]!))
              throw new AdapterError(
                'parse',
                `${name}: the column ${JSON.stringify(h)} names an attribute "${m[1]}"; an attribute name is a letter, then letters, digits or _ (at most 32). Rename the header or map it with columns.orders`,
                { source: name },
              );
            names.add(m[1]!);
            cols.push({ cell: i, key: m[1]!, slot: -1, kind: 'text', extra: 2 });
          });
        }
        if (missing.length)
          throw new AdapterError(
            'parse',
            `${name} has no column for ${missing.join(', ')}; its headers are ${header.map((h) => JSON.stringify(h)).join(', ')}. Rename the headers or map them with columns.${collection}`,
            { source: name },
          );
        cols = cols.sort((a, b) => a.cell - b.cell);
      },
      (row) => {
        let targets: Record<string, unknown> | undefined;
        let attributes: Record<string, unknown> | undefined;
        const { start, end, quoted, count } = row;
        for (let j = 0; j < cols.length; j++) {
          const c = cols[j]!;
          const i = c.cell;
          let v: unknown;
          const q = i < count ? quoted[i] : '';
          if (q === null) {
            // Unquoted: read numbers and epoch times from the text without making strings.
            const s = start[i]!;
            const e = end[i]!;
            if (s === e) v = undefined;
            else if (c.kind === 'number') {
              v = plainNumberAt(text, s, e, mark);
              if (v !== v) v = parseNumberCell(text.slice(s, e), decimal);
            } else if (c.kind === 'time') {
              const n = plainNumberAt(text, s, e, -1);
              v = n === n ? n : text.slice(s, e);
            } else v = text.slice(s, e);
          } else if (q === undefined || q === '') v = undefined;
          else if (c.kind === 'number') v = parseNumberCell(q, decimal);
          else if (c.kind === 'time') v = allDigits(q) ? +q : q;
          else v = q;
          if (c.extra === 0) vals[c.slot] = v;
          else if (v !== undefined) {
            if (c.extra === 1) (targets ??= {})[c.key] = v;
            else (attributes ??= {})[c.key] = v;
          }
        }
        builder.add(collection, make(vals, targets, attributes));
      },
      {
        separator,
        source: name,
        rowReader: () => {
          if (settings.inPlace === false) return null;
          const at: Record<string, number> = {};
          const attributeCells: number[] = [];
          for (const c of cols)
            if (c.extra === 0) at[c.key] = c.cell;
            else if (c.extra === 2) attributeCells.push(c.cell);
          return builder.plainRows(collection, text, { separator, decimal, cells: at, otherCells: attributeCells });
        },
      },
    );
  }
  return builder.finish();
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n + 1;
}

/** The CSV adapter (see the module comment). */
export function csvAdapter(options: CsvAdapterOptions): Adapter {
  // A mistake in the mapping is a config error when the adapter is made, not at each load.
  const columns = parseColumns(options.columns);
  const sources: Partial<Record<CollectionName, string>> = { ...options.sources };
  if (options.src) sources.orders = options.src;
  const latest = latestLoad();
  return {
    async load(query, { signal } = {}) {
      if (!options.text && Object.keys(sources).length === 0)
        throw new AdapterError('config', 'The csv adapter needs src (the orders file), sources or text');
      return latest(signal, async (loadSignal) => {
        const texts: Partial<Record<CollectionName, string>> = { ...options.text };
        await Promise.all(
          (Object.entries(sources) as [CollectionName, string][]).map(async ([c, url]) => {
            texts[c] = await fetchText(url, query, options, loadSignal);
          }),
        );
        return csvToDataset(texts, query.timeZone ?? 'UTC', {
          ...options,
          columns,
          names: { ...sources, ...options.names },
        });
      });
    },
    describe() {
      return {
        name: 'csv',
        collections: COLLECTIONS.filter((c) => sources[c] || options.text?.[c]),
        live: false,
        source: Object.values(sources).join(', ') || 'CSV text',
      };
    },
  };
}
