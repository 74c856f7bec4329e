/**
 * The customer-list export of the re-activation panel: a CSV of customer ids and their
 * segment, offered to the page (`promo-export`) and downloaded. Loaded on demand, when a list
 * is exported ("Export customer list (CSV)" in the menu, or `exportCustomers()`), so a page
 * that never exports one does not load it.
 */
import { fileName, toCsv } from '../shared/csv.js';
import type { PromoExportDetail } from '../shared/widget.js';
import type { ReactivationList } from './layout.js';

/** The labels of the file, in the reader's language. */
export interface CustomerListText {
  /** The table's caption ("Customer list"). */
  caption: string;
  /** The headers of the id and segment columns. */
  columns: [string, string];
}

/**
 * Exports `lists` (the ids of each of `segments`, in order) as CSV, with a byte-order mark so
 * spreadsheets read UTF-8, named `promo-customers-<segment|all>[-returned].csv`. Fires a
 * cancelable `promo-export` on `host`; unless it is cancelled, the file is downloaded.
 * Resolves with the blob.
 */
export async function exportCustomerList(
  host: HTMLElement,
  segments: readonly string[],
  lists: readonly (readonly string[])[],
  of: ReactivationList,
  text: CustomerListText,
): Promise<Blob> {
  const csv = toCsv({
    caption: text.caption,
    columns: text.columns,
    // Plain cells (each text its raw value): importing `cell` here, in a module loaded on
    // demand, would split data-table.ts into a chunk of its own that the widget loads at once.
    rows: lists.flatMap((ids, i) => ids.map((id) => [id, segments[i]!].map((v) => ({ raw: v, text: v })))),
  });
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const filename = fileName(
    `customers ${segments.length === 1 ? segments[0] : 'all'} ${of === 'returned' ? 'returned' : ''}`,
    'csv',
  );
  const proceed = host.dispatchEvent(
    new CustomEvent<PromoExportDetail>('promo-export', {
      detail: { format: 'csv', filename, blob },
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
  if (proceed) (await import('../shared/export.js')).download(blob, filename);
  return blob;
}
