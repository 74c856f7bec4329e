/**
 * A small, fast CSV reader for the CSV adapter: RFC 4180 quoting (separators, quotes and
 * line breaks inside quoted fields, `""` for a quote), a byte order mark, `,` `;` or tab
 * separators (detected from the header line unless given), CRLF or LF line ends, and
 * numbers written with a decimal comma (`1.234,5`, as vi-VN and many European exports do).
 *
 * Rows are handed to a callback one at a time as an array of cells that is reused between
 * rows, so a million-row file does not become a million arrays.
 *
 * DOM-free.
 */ import { plainNumberAt } from '../data/plain-rows.js';

import { AdapterError } from './adapter.js';

export interface CsvReadOptions {
  /** Field separator; detected from the header line when absent. */
  separator?: ',' | ';' | '\t';
  /** Name used in error messages (the file name or URL). */
  source?: string;
  /** Called after `onHeader`: a {@link CsvRowReader} to offer each data row to first, if any. */
  rowReader?: (header: string[]) => CsvRowReader | null | undefined;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Picks the separator that splits the header line into the most fields. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * The cells of one row, without copying them: cell `i` spans `text[start[i], end[i])`,
 * unless it was quoted, in which case `quoted[i]` holds its unescaped value. Reused
 * between rows.
 */
export class CsvRow {
  readonly text: string;
  count = 0;
  /** 1-based line where the row starts. */
  line = 1;
  start = new Int32Array(64);
  end = new Int32Array(64);
  quoted: (string | null)[] = [];

  constructor(text: string) {
    this.text = text;
  }

  /** Cell `i` as a string ("" beyond the last cell). */
  get(i: number): string {
    if (i >= this.count) return '';
    const q = this.quoted[i];
    return q !== null && q !== undefined ? q : this.text.slice(this.start[i], this.end[i]);
  }

  /** @internal */
  push(start: number, end: number, quoted: string | null): void {
    const i = this.count++;
    if (i >= this.start.length) {
      const s = new Int32Array(this.start.length * 2);
      s.set(this.start);
      const e = new Int32Array(this.end.length * 2);
      e.set(this.end);
      this.start = s;
      this.end = e;
    }
    this.start[i] = start;
    this.end[i] = end;
    this.quoted[i] = quoted;
  }
}

/**
 * A reader of whole rows for one file (`CsvReadOptions.rowReader`): called at the start of each
 * data row with its position, it returns the position just past the row's line end when it
 * took the row (a row of one line), or -1 to leave the row to `onRow`.
 */
export type CsvRowReader = (pos: number) => number;

/**
 * Reads CSV text: calls `onHeader` with the header cells, then `onRow(row)` for each data
 * row (a reused {@link CsvRow}) that a row reader of `options.rowReader` did not take.
 * Empty lines are skipped. Throws an {@link AdapterError} of kind `parse` for an
 * unterminated quoted field.
 */
export function readCsv(
  text: string,
  onHeader: (cells: string[]) => void,
  onRow: (row: CsvRow) => void,
  options: CsvReadOptions = {},
): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = (options.separator ?? detectSeparator(text)).charCodeAt(0);
  const len = text.length;
  const row = new CsvRow(text);
  let line = 1;
  let header = true;
  let reader: CsvRowReader | null = null;
  while (pos < len) {
    if (reader !== null) {
      const next = reader(pos);
      if (next >= 0) {
        pos = next;
        line++;
        continue;
      }
    }
    row.count = 0;
    row.line = line;
    // One row.
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field.
        let start = pos + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0)
            throw new AdapterError(
              'parse',
              `${options.source ?? 'CSV'}: line ${row.line}: a quoted field is never closed (a " is missing)`,
            );
          for (let k = text.indexOf('\n', start); k >= 0 && k < q; k = text.indexOf('\n', k + 1)) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          out += text.slice(start, q);
          pos = q + 1;
          break;
        }
        // Skip anything up to the separator or line end (lenient about `"a" ,`).
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === sep || c === LF || c === CR) break;
          pos++;
        }
        row.push(pos, pos, out);
      } else {
        const start = pos;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === sep || c === LF || c === CR) break;
          pos++;
        }
        row.push(start, pos, null);
      }
      const c = pos < len ? text.charCodeAt(pos) : LF;
      pos++;
      if (c === sep) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      break;
    }
    if (row.count === 1 && row.quoted[0] === null && row.start[0] === row.end[0]) continue; // empty line
    if (header) {
      header = false;
      const cells = Array.from({ length: row.count }, (_, i) => row.get(i));
      onHeader(cells);
      reader = options.rowReader?.(cells) ?? null;
    } else onRow(row);
  }
}

export { plainNumberAt };

/** How numbers are written: `.` decimal point (`1,234.5`) or `,` decimal comma (`1.234,5`). */
export type DecimalMark = '.' | ',';

/** Whether `s` is plain digits with an optional sign and one optional `mark` followed by digits. */
function isPlainNumber(s: string, mark: number): boolean {
  let i = 0;
  const n = s.length;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1; // - +
  let digits = 0;
  let seenMark = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === mark && !seenMark) {
      seenMark = true;
      if (i === n - 1) return false;
    } else return false;
  }
  return digits > 0;
}

const GROUPED_DOT = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^[-+]?\d{1,3}([. \u00a0\u202f]\d{3})+(,\d+)?$/;
const GROUPED_SPACE = /^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+(\.\d+)?$/;

/**
 * Reads a number cell; returns the number, undefined for an empty cell, or the cell text
 * unchanged when it is not a number (validation then reports it as written). With `.`:
 * `1234.5`, `1,234.5`, `1 234.5`; with `,`: `1234,5`, `1.234,5`, `1 234,5`. Anything else
 * (`12,5` with `.`, `1,2,3`, `12abc`) stays text.
 */
export function parseNumberCell(cell: string, decimal: DecimalMark): number | string | undefined {
  if (cell.length === 0) return undefined;
  const mark = decimal === '.' ? 46 : 44;
  if (isPlainNumber(cell, mark)) return decimal === '.' ? +cell : +cell.replace(',', '.');
  const s = cell.trim();
  if (s.length === 0) return undefined;
  if (s !== cell && isPlainNumber(s, mark)) return decimal === '.' ? +s : +s.replace(',', '.');
  if (decimal === '.') {
    if (GROUPED_DOT.test(s)) return +s.replace(/,/g, '');
    if (GROUPED_SPACE.test(s)) return +s.replace(/[ \u00a0\u202f]/g, '');
    return cell;
  }
  if (GROUPED_COMMA.test(s)) return +s.replace(/[. \u00a0\u202f]/g, '').replace(',', '.');
  return cell;
}
