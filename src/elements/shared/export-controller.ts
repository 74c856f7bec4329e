/**
 * A widget's exports as a controller (it needs no lifecycle hook, so it is not added to the
 * host): the numbers as CSV, the chart as SVG or PNG.
 * Each export fires a cancelable `promo-export` on the host (`detail: { format, filename,
 * blob }`); unless it is cancelled, the file is downloaded. A failure fires `promo-error`.
 * The code that writes the files is loaded on the first export, so a page that never exports
 * does not pay for it.
 */
import type { ReactiveControllerHost } from 'lit';
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

export class ExportController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: ExportSource;

  constructor(host: ReactiveControllerHost & HTMLElement, source: ExportSource) {
    this.#host = host;
    this.#source = source;
  }

  /** Exports in a format; resolves with the blob, or null when there is nothing to export (or it failed). */
  async export(format: ExportFormat): Promise<Blob | null> {
    const host = this.#host;
    try {
      const table = this.#source.table();
      const { exportFile, download } = await import('./export.js');
      const base = table?.caption || this.#source.label() || host.localName;
      const file = await exportFile(format, table, format === 'csv' ? null : this.#source.chart(), base);
      if (!file) return null;
      const proceed = host.dispatchEvent(
        new CustomEvent<PromoExportDetail>('promo-export', {
          detail: { format, ...file },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      if (proceed) download(file.blob, file.filename);
      return file.blob;
    } catch (error) {
      host.dispatchEvent(
        new CustomEvent<PromoErrorDetail>('promo-error', {
          detail: { message: error instanceof Error ? error.message : String(error), error },
          bubbles: true,
          composed: true,
        }),
      );
      return null;
    }
  }
}
