/**
 * A widget's exports: the numbers as CSV, the chart as SVG or PNG.
 * Each export fires a cancelable `promo-export` on the host (`detail: { format, filename,
 * blob }`); unless it is cancelled, the file is downloaded. A failure fires `promo-error`.
 * The code that writes the files is loaded on the first export, so a page that never exports
 * does not pay for it.
 */
import type { DataTable } from './data-table.js';

export const EXPORT_FORMATS = ['csv', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Detail of `promo-export`: cancel the event to handle the file yourself instead of downloading. */
export interface PromoExportDetail {
  format: ExportFormat;
  filename: string;
  blob: Blob;
}

/** Detail of `promo-error`. */
export interface PromoErrorDetail {
  /** A plain message, as shown. */
  message: string;
  /** The error that was caught, if any. */
  error?: unknown;
}

/** What the host has to export, read when an export starts. */
export interface ExportSource {
  /** The numbers behind the host (CSV), or null. */
  table(): DataTable | null;
  /** The chart (SVG, PNG), or null; several charts are stacked one under another. */
  chart(): SVGSVGElement | readonly SVGSVGElement[] | null;
  /** The name of the files when the table has no caption (the host's tag name when empty). */
  label(): string;
}

/**
 * Exports the host's numbers (`csv`) or chart (`svg`, `png`); resolves with the blob, or null
 * when there is nothing to export (or it failed). The file writers and the `promo-export`
 * event are loaded with the first export, a user's action (`export.ts`).
 */
export async function exportWidget(
  host: HTMLElement,
  format: ExportFormat,
  source: ExportSource,
): Promise<Blob | null> {
  try {
    const table = source.table();
    const { saveExport } = await import('./export.js');
    return await saveExport(host, format, table, source);
  } catch (error) {
    fireError(host, error);
    return null;
  }
}

/** The message of a caught error, as `promo-error` carries it. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Fires `promo-error` on `host` (bubbles, composed) for a caught error. */
export function fireError(host: HTMLElement, error: unknown): void {
  host.dispatchEvent(
    new CustomEvent<PromoErrorDetail>('promo-error', {
      detail: { message: errorText(error), error },
      bubbles: true,
      composed: true,
    }),
  );
}
