/**
 * The numbers behind a widget, as one table: rendered as an accessible `<table>` ("show as
 * table") and exported as CSV. DOM-free.
 *
 * The CSV writer and the file namer are in `csv.ts`, which only the exports import: a module
 * that both a widget and a chunk loaded on demand read (or re-export from) is bundled with the
 * widget whole, so they are kept apart from `cell`, which every widget reads.
 */

/** One cell: the raw value (CSV) and the text shown (table). */
export interface DataCell {
  /** Plain value written to CSV: numbers unformatted, so spreadsheets can compute with them. */
  raw: string | number | null;
  /** Formatted for the locale, shown in the table. */
  text: string;
}

export interface DataTable {
  /** Caption of the table, also the base of export file names. */
  caption: string;
  /** Column headers; the first column heads each row. */
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric?: boolean[];
  rows: DataCell[][];
}

/** A cell from a raw value and its formatted text. */
export const cell = (raw: string | number | null | undefined, text?: string): DataCell => ({
  raw: raw ?? null,
  text: text ?? (raw === null || raw === undefined ? '—' : String(raw)),
});
