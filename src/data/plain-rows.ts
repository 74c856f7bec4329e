/**
 * Plain rows of delimited text (a CSV file) read straight into the dataset's columns, for
 * the row sink's `plainRows` (dataset-contract.ts, order-ingest.ts). Hand-written for the
 * ingest hot path (`npm run bench data`: CSV text into a dataset); what it checks follows
 * the declaration of records.ts, and a row it cannot read plainly goes to the record path.
 *
 * DOM-free.
 */
import { readInstantAt, type Zone } from '../core/time.js';
import { HASH_A0, HASH_B0, hashEndA, hashEndB, hashStepA, hashStepB } from './compact/hash.js';
import { RECORDS, absentValue, inTimeSpan, type FieldSpec } from './records.js';

/** How the cells of a text's rows are laid out, for {@link plainOrderRows}. */
export interface PlainRowLayout {
  /** The one character between cells. */
  separator: string;
  /** The decimal mark of numbers: `.` or `,`. */
  decimal: string;
  /** The cell of each declared field the text has (by position in a row). */
  cells: Readonly<Record<string, number>>;
  /** Other cells (order attributes): a row with a value in one of them goes to the record path. */
  otherCells: readonly number[];
}

/**
 * Reads the row starting at `pos` into the dataset and returns where the next row starts,
 * or -1 to leave this row to the record path.
 */
export type PlainRowReader = (pos: number) => number;

/**
 * An order read in place from a text (a row), every field already checked as the fast
 * path would: ids and customer ids non-empty, time an instant in the span the dataset
 * holds, amounts from 0 to `MAX_AMOUNT` (absent ones as declared). Strings are ranges of
 * `text`; an empty range is an absent optional field.
 */
export interface OrderCells {
  text: string;
  idStart: number;
  idEnd: number;
  customerStart: number;
  customerEnd: number;
  time: number;
  revenue: number;
  discount: number;
  cogs: number;
  campaignStart: number;
  campaignEnd: number;
  channelStart: number;
  channelEnd: number;
  /**
   * Whether the reader hashed the id and customer id as it scanned them (`idHash*`,
   * `customerHash*`: the ends of `compact.ts` hashing), which then need not be read again.
   */
  hashed: boolean;
  idHashA: number;
  idHashB: number;
  customerHashA: number;
  customerHashB: number;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A number written plainly in `text.slice(start, end)`: an optional sign, up to 15 digits
 * and at most one decimal `mark` (a char code; -1 for none) followed by digits, read
 * without making a string. The result is exact: an integer mantissa divided by a power
 * of ten, which IEEE division rounds exactly as `Number("...")` would. Returns NaN for
 * anything else (grouping, spaces, exponents, more than 15 digits), to be read the slow way.
 */
export function plainNumberAt(text: string, start: number, end: number, mark: number): number {
  let i = start;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === mark && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || frac === 0) return NaN;
  const v = frac > 0 ? m / POW10[frac]! : m;
  return neg ? -v : v;
}

/**
 * The order fields the dataset holds in columns, by their role in the reader (0: none).
 * Every other declared field is checked as its type asks (see {@link roleOf}).
 */
const ROLES = ['', 'id', 'customerId', 'time', 'revenue', 'discount', 'cogs', 'campaignId', 'channel'] as const;
const ID = 1;
const CUSTOMER = 2;
const TIME = 3;
const REVENUE = 4;
const DISCOUNT = 5;
const COGS = 6;
const CAMPAIGN = 7;
const CHANNEL = 8;
/** A cell of an order attribute, or of a field whose value needs the record path's checks: a row with a value there is left to it. */
const ATTRIBUTE = 9;
/** A cell of an optional field any text is valid for (an id, a text) that the dataset does not hold. */
const ANY_TEXT = 10;
/** The same for a required field: an empty cell leaves the row to the record path. */
const SOME_TEXT = 11;

/** The role of a declared order field the dataset holds no column for. */
function roleOf(field: string): number {
  const f = (RECORDS.orders as Record<string, FieldSpec | undefined>)[field];
  if (f === undefined) return 0;
  if (f.type !== 'id' && f.type !== 'text' && f.type !== 'label') return ATTRIBUTE;
  return f.required ? SOME_TEXT : ANY_TEXT;
}

const NO_DISCOUNT = absentValue(RECORDS.orders.discount) ?? NaN;
const NO_COGS = absentValue(RECORDS.orders.cogs) ?? NaN;

/**
 * The in-place reader of plain order rows: a row of one line without quotes, numbers
 * written plainly and a time `readInstantAt` reads (or epoch ms) is scanned once, its id
 * and customer id hashed as they are scanned, every field checked exactly as the fast path
 * checks the record the row would make, and handed to `add` as ranges of the text. Any
 * other row is left to the record path (-1), so its messages are the record path's. Null
 * when two fields share a cell.
 */
export function plainOrderRows(
  text: string,
  layout: PlainRowLayout,
  zone: Zone,
  add: (cells: OrderCells) => void,
): PlainRowReader | null {
  const sep = layout.separator.charCodeAt(0);
  const mark = layout.decimal.charCodeAt(0);
  const cells = layout.cells;
  const otherCells = layout.otherCells;
  let width = 0;
  for (const k in cells) width = Math.max(width, (cells[k] ?? -1) + 1);
  for (const at of otherCells) width = Math.max(width, at + 1);
  const roles = new Uint8Array(width);
  for (const field in cells) {
    const at = cells[field] ?? -1;
    if (at < 0) continue;
    const r = ROLES.indexOf(field as (typeof ROLES)[number]);
    if (roles[at] !== 0) return null;
    roles[at] = r > 0 ? r : roleOf(field);
  }
  for (const at of otherCells) {
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
    // The row's fields are written to `out` as they are scanned; it is handed on only when all are valid.
    let timeStart = -1;
    let timeEnd = -1;
    let time = NaN;
    out.idStart = out.idEnd = out.customerStart = out.customerEnd = -1;
    out.revenue = -1;
    out.discount = NO_DISCOUNT;
    out.cogs = NO_COGS;
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
          out.idStart = s;
          out.idEnd = p;
          out.idHashA = hashEndA(a);
          out.idHashB = hashEndB(b, p - s);
        } else {
          out.customerStart = s;
          out.customerEnd = p;
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
          if (role === REVENUE) out.revenue = v;
          else if (role === DISCOUNT) out.discount = v;
          else out.cogs = v;
        }
      } else if (role === TIME) {
        // The usual export shape (`YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`) filling the
        // cell is read at fixed positions; any other cell is scanned for the general reader.
        const z = text.charCodeAt(s + 19);
        const e = s + (z === 43 || z === 45 ? 25 : 20);
        if (e === eol || (e < eol && text.charCodeAt(e) === sep)) time = readInstantAt(text, s, e, zone);
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
        } else if (role === SOME_TEXT) {
          if (p === s) return -1;
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
    if (out.idStart >= out.idEnd || out.customerStart >= out.customerEnd || out.revenue < 0) return -1;
    if (time !== time) {
      if (timeStart >= timeEnd) return -1;
      time = readInstantAt(text, timeStart, timeEnd, zone);
      if (time !== time) time = plainNumberAt(text, timeStart, timeEnd, -1);
    }
    if (!inTimeSpan(time)) return -1;
    out.time = time;
    add(out);
    // Past the line end: LF, CRLF or CR.
    if (eol >= len) return len;
    return eol === cr && lf === eol + 1 ? eol + 2 : eol + 1;
  };
}
