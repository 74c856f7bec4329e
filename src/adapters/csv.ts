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
import { createDatasetBuilder, type LiveDataset, type OrderCells } from '../data/dataset.js';
import { ATTRIBUTE_NAME_RE, COLLECTIONS, TIME_MAX, TIME_MIN, fieldsOf, type CollectionName } from '../data/records.js';
import { HASH_A0, HASH_B0, hashEndA, hashEndB, hashStepA, hashStepB } from '../data/compact.js';
import { fastIsoAt, fixedIso } from '../data/validate.js';
import { zoneFor, type Zone } from '../core/time.js';
import { AdapterError, type Adapter } from './adapter.js';
import {
  detectSeparator,
  parseNumberCell,
  plainNumberAt,
  readCsv,
  type CsvRowReader,
  type DecimalMark,
} from './csv-parse.js';
import { fetchText, type HttpOptions } from './http.js';
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
  const zone = zoneFor(builder.timeZone);
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
          if (collection !== 'orders' || settings.inPlace === false) return null;
          const at: Record<string, number> = {};
          const attributeCells: number[] = [];
          for (const c of cols)
            if (c.extra === 0) at[c.key] = c.cell;
            else if (c.extra === 2) attributeCells.push(c.cell);
          return orderRowReader(text, separator.charCodeAt(0), zone, mark, at, attributeCells, (cells) =>
            builder.addOrderCells(cells),
          );
        },
      },
    );
  }
  return builder.finish();
}

/** What each cell of an orders file holds, for the in-place reader (0: nothing it reads). */
const ROLES = ['', 'id', 'customerId', 'time', 'revenue', 'discount', 'cogs', 'campaignId', 'channel'] as const;
const ID = 1;
const CUSTOMER = 2;
const TIME = 3;
const REVENUE = 4;
const DISCOUNT = 5;
const COGS = 6;
const CAMPAIGN = 7;
const CHANNEL = 8;
/** A cell of an order attribute: a row with a value there is left to the record path. */
const ATTRIBUTE = 9;

/**
 * The in-place reader of order rows: a row of one line without quotes, numbers written
 * plainly and a time `fastIso` reads (or epoch ms) is scanned once, its id and customer id
 * hashed as they are scanned, every field checked exactly as `readOrder` checks the record
 * the row would make, and handed to `add` as ranges of the text. Any other row is left to
 * the record path (-1), so its messages are the record path's. `cells` maps each field of
 * ROLES to its cell (-1 when the file has no such column); null when two fields share a cell.
 * A row with a value in one of `attributeCells` is left to the record path.
 */
function orderRowReader(
  text: string,
  sep: number,
  zone: Zone,
  mark: number,
  cells: Record<string, number>,
  attributeCells: readonly number[],
  add: (cells: OrderCells) => void,
): CsvRowReader | null {
  let width = 0;
  for (const k of ROLES) if (k) width = Math.max(width, (cells[k] ?? -1) + 1);
  for (const at of attributeCells) width = Math.max(width, at + 1);
  const roles = new Uint8Array(width);
  for (let r = 1; r < ROLES.length; r++) {
    const at = cells[ROLES[r]!] ?? -1;
    if (at < 0) continue;
    if (roles[at] !== 0) return null;
    roles[at] = r;
  }
  for (const at of attributeCells) {
    if (roles[at] !== 0) return null;
    roles[at] = ATTRIBUTE;
  }
  const len = text.length;
  const out: OrderCells = {
    text,
    idStart: 0,
    idEnd: 0,
    customerStart: 0,
    customerEnd: 0,
    time: 0,
    revenue: 0,
    discount: 0,
    cogs: NaN,
    campaignStart: 0,
    campaignEnd: 0,
    channelStart: 0,
    channelEnd: 0,
    hashed: true,
    idHashA: 0,
    idHashB: 0,
    customerHashA: 0,
    customerHashB: 0,
  };
  // Next line feed, carriage return and quote at or after the row being read (len: none).
  let lf = -1;
  let cr = -1;
  let quote = -1;
  const next = (ch: string, from: number) => {
    const i = text.indexOf(ch, from);
    return i < 0 ? len : i;
  };
  return (pos) => {
    if (lf < pos) lf = next('\n', pos);
    if (cr < pos) cr = next('\r', pos);
    if (quote < pos) quote = next('"', pos);
    // The row's line ends at the first LF or CR; a quote anywhere in it is left to the record path.
    const eol = lf < cr ? lf : cr;
    if (quote < eol) return -1;
    let p = pos;
    let cell = 0;
    let idStart = -1;
    let idEnd = -1;
    let customerStart = -1;
    let customerEnd = -1;
    let timeStart = -1;
    let timeEnd = -1;
    let time = NaN;
    let revenue = -1;
    let discount = 0;
    let cogs = NaN;
    out.campaignStart = out.campaignEnd = out.channelStart = out.channelEnd = 0;
    for (;;) {
      const role = cell < width ? roles[cell]! : 0;
      const s = p;
      if (role === ID || role === CUSTOMER) {
        let a = HASH_A0;
        let b = HASH_B0;
        for (; p < eol; p++) {
          const c = text.charCodeAt(p);
          if (c === sep) break;
          a = hashStepA(a, c);
          b = hashStepB(b, c);
        }
        if (role === ID) {
          idStart = s;
          idEnd = p;
          out.idHashA = hashEndA(a);
          out.idHashB = hashEndB(b, p - s);
        } else {
          customerStart = s;
          customerEnd = p;
          out.customerHashA = hashEndA(a);
          out.customerHashB = hashEndB(b, p - s);
        }
      } else if (role >= REVENUE && role <= COGS) {
        // Digits with at most one decimal mark, read as they are scanned (as plainNumberAt
        // reads them); a sign takes plainNumberAt itself, anything else the record path.
        let m = 0;
        let digits = 0;
        let frac = -1;
        let v = NaN;
        for (; p < eol; p++) {
          const c = text.charCodeAt(p);
          const d = c - 48;
          if (d >= 0 && d <= 9) {
            m = m * 10 + d;
            digits++;
            if (frac >= 0) frac++;
          } else if (c === sep) break;
          else if (c === mark && frac < 0) frac = 0;
          else if ((c === 45 || c === 43) && p === s) {
            while (p < eol && text.charCodeAt(p) !== sep) p++;
            v = plainNumberAt(text, s, p, mark);
            break;
          } else return -1;
        }
        if (p > s) {
          if (digits > 0) {
            if (digits > 15 || frac === 0) return -1;
            v = frac > 0 ? m / POW10[frac]! : m;
          }
          if (!(v >= 0)) return -1;
          if (role === REVENUE) revenue = v;
          else if (role === DISCOUNT) discount = v;
          else cogs = v;
        }
      } else if (role === TIME) {
        // The usual export shape (`YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`) filling the
        // cell is read at fixed positions; any other cell is scanned for the general reader.
        const z = text.charCodeAt(s + 19);
        const e = s + (z === 43 || z === 45 ? 25 : 20);
        if (e === eol || (e < eol && text.charCodeAt(e) === sep)) time = fixedIso(text, s, e - s);
        if (time === time) p = e;
        else {
          while (p < eol && text.charCodeAt(p) !== sep) p++;
          timeStart = s;
          timeEnd = p;
        }
      } else {
        while (p < eol && text.charCodeAt(p) !== sep) p++;
        if (role === ATTRIBUTE) {
          if (p > s) return -1;
        } else if (role === CAMPAIGN) {
          out.campaignStart = s;
          out.campaignEnd = p;
        } else if (role === CHANNEL) {
          out.channelStart = s;
          out.channelEnd = p;
        }
      }
      if (p >= eol) break;
      p++;
      cell++;
    }
    if (idStart >= idEnd || customerStart >= customerEnd || revenue < 0) return -1;
    if (time !== time) {
      if (timeStart >= timeEnd) return -1;
      time = fastIsoAt(text, timeStart, timeEnd, zone);
      if (time !== time) time = plainNumberAt(text, timeStart, timeEnd, -1);
    }
    if (!(time >= TIME_MIN && time < TIME_MAX)) return -1;
    out.idStart = idStart;
    out.idEnd = idEnd;
    out.customerStart = customerStart;
    out.customerEnd = customerEnd;
    out.time = time;
    out.revenue = revenue;
    out.discount = discount;
    out.cogs = cogs;
    add(out);
    // Past the line end: LF, CRLF or CR.
    if (eol >= len) return len;
    return eol === cr && lf === eol + 1 ? eol + 2 : eol + 1;
  };
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

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
  let current: AbortController | null = null;
  return {
    async load(query, { signal } = {}) {
      if (!options.text && Object.keys(sources).length === 0)
        throw new AdapterError('config', 'The csv adapter needs src (the orders file), sources or text');
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const texts: Partial<Record<CollectionName, string>> = { ...options.text };
        await Promise.all(
          (Object.entries(sources) as [CollectionName, string][]).map(async ([c, url]) => {
            texts[c] = await fetchText(url, query, options, controller.signal);
          }),
        );
        return csvToDataset(texts, query.timeZone ?? 'UTC', {
          ...options,
          columns,
          names: { ...sources, ...options.names },
        });
      } finally {
        signal?.removeEventListener('abort', onAbort);
        if (current === controller) current = null;
      }
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
