/**
 * The board's data side, kept out of the element: loads through the source (inline data, an
 * adapter object, or a registered adapter by name), holds the dataset, appends streamed
 * records, and computes reports (on the page, or in a Web Worker for large data).
 * DOM-free apart from the Worker the engine itself may start.
 */
import { computeReport } from '../../engine/report.js';
import { createDataset, isDataset } from '../../data/dataset.js';
import type { Report, ReportOptions } from '../../engine/types.js';
import type { Dataset } from '../../data/types.js';

export type BoardSource =
  | { kind: 'none' }
  | { kind: 'data'; data: unknown }
  | { kind: 'adapter'; adapter: object }
  | { kind: 'named'; name: string; src: string };

export interface BoardEngineEvents {
  onDataset(dataset: Dataset | null): void;
  onAppend(): void;
  onError(message: string, error: unknown): void;
  onLive(live: boolean): void;
}

export class BoardEngine {
  workerMode: 'auto' | 'always' | 'never' = 'auto';
  private dataset: Dataset | null = null;
  private abort: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;
  private loadSeq = 0;

  constructor(private readonly events: BoardEngineEvents) {}

  /** Stops loading and streaming. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.events.onLive(false);
  }

  /** (Re)loads from the source; the previous dataset stays until the new one is ready. */
  load(source: BoardSource, query: ReportOptions, timeZone: string): void {
    this.stop();
    const seq = ++this.loadSeq;
    if (source.kind === 'none') return;
    const abort = new AbortController();
    this.abort = abort;
    const done = (ds: Dataset) => {
      if (seq !== this.loadSeq) return;
      this.dataset = ds;
      this.events.onDataset(ds);
    };
    try {
      if (source.kind === 'data') {
        done(isDataset(source.data) ? source.data : createDataset(source.data as never, { timeZone }));
        return;
      }
      const adapter = source.kind === 'adapter' ? source.adapter : null;
      if (!adapter) throw new Error(`No adapter named "${(source as { name: string }).name}"`);
      const a = adapter as {
        load(query: ReportOptions, options: { signal: AbortSignal }): Promise<unknown>;
        subscribe?(listener: (records: Record<string, unknown[]>) => void, options: { signal: AbortSignal }): unknown;
      };
      a.load(query, { signal: abort.signal }).then(
        (input) => {
          if (seq !== this.loadSeq) return;
          done(isDataset(input) ? input : createDataset(input as never, { timeZone }));
          if (typeof a.subscribe === 'function') {
            const off = a.subscribe((records) => this.append(records), { signal: abort.signal });
            this.unsubscribe = typeof off === 'function' ? (off as () => void) : null;
            this.events.onLive(true);
          }
        },
        (error: unknown) => {
          if (seq !== this.loadSeq || abort.signal.aborted) return;
          this.events.onError(error instanceof Error ? error.message : String(error), error);
        },
      );
    } catch (error) {
      this.events.onError(error instanceof Error ? error.message : String(error), error);
    }
  }

  /** Appends records to the dataset; the next report only visits the new rows. */
  append(records: Record<string, unknown[]>): void {
    if (!this.dataset) return;
    try {
      (this.dataset as Dataset & { append(r: unknown): unknown }).append(records);
      this.events.onAppend();
    } catch (error) {
      this.events.onError(error instanceof Error ? error.message : String(error), error);
    }
  }

  /** The report of a query over the current dataset. */
  async compute(query: ReportOptions): Promise<Report> {
    if (!this.dataset) throw new Error('No data loaded');
    return computeReport(this.dataset, query);
  }
}
