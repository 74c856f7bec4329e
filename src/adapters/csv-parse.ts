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
 */
import { AdapterError } from './adapter.js';

export interface CsvReadOptions {
  /** Field separator; detected from the header line when absent. */
  separator?: ',' | ';' | '\t';
  /** Name used in error messages (the file name or URL). */
  source?: string;
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
 * Reads CSV text: calls `onHeader` with the header cells, then `onRow(cells, count, line)`
 * for each data row (`count` cells are valid; `line` is the 1-based line number where the
 * row starts). Empty lines are skipped. Throws an {@link AdapterError} of kind `parse` for
 * an unterminated quoted field.
 */
export function readCsv(
  text: string,
  onHeader: (cells: string[]) => void,
  onRow: (cells: string[], count: number, line: number) => void,
  options: CsvReadOptions = {},
): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = (options.separator ?? detectSeparator(text)).charCodeAt(0);
  const len = text.length;
  const cells: string[] = [];
  let line = 1;
  let header = true;
  while (pos < len) {
    const rowLine = line;
    let count = 0;
    // One row.
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field.
        let start = pos + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0)
            throw new AdapterError(
              'parse',
              `${options.source ?? 'CSV'}: line ${rowLine}: a quoted field is never closed (a " is missing)`,
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
        value = out;
        // Skip anything up to the separator or line end (lenient about `"a" ,`).
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === sep || c === LF || c === CR) break;
          pos++;
        }
      } else {
        const start = pos;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === sep || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      cells[count++] = value;
      const c = pos < len ? text.charCodeAt(pos) : LF;
      pos++;
      if (c === sep) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      break;
    }
    if (count === 1 && cells[0] === '') continue; // empty line
    if (header) {
      header = false;
      onHeader(cells.slice(0, count));
    } else onRow(cells, count, rowLine);
  }
}

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
