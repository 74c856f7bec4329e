/**
 * A widget's data table as CSV, and the names of exported files. DOM-free. Imported by the
 * exports, which are loaded on the first export (`export.ts`), so a page that never exports
 * does not load them.
 */
import type { DataTable } from './data-table.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * prefixed with `'`, so a spreadsheet does not run it as a formula (CSV injection). Finite
 * numbers are written as numbers (a negative number is not a formula); null is empty.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV (RFC 4180, CRLF line ends), header row first. */
export function toCsv(table: DataTable): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) lines.push(row.map((c) => csvField(c.raw)).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A file name from a caption: `promo-<slug>.<ext>`. */
export function fileName(caption: string, ext: string): string {
  const slug = caption
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `promo-${slug || 'data'}.${ext}`;
}
