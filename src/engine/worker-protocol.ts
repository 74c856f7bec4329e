/** Messages between the page and the report worker (structured-clone safe). */
import type { DataInput } from '../data/records.js';
import type { Dataset } from '../data/columns.js';
import { formatDay } from '../core/time.js';
import type { ReportOptions, SegmentQuery } from './report-types.js';

export type WorkerRequest = { id: number } & (
  | { type: 'import'; urls: string[] }
  | { type: 'load'; input: DataInput; timeZone?: string }
  /**
   * Chunked load: `load-begin` carries the input with its long lists left empty (the names
   * in `streamed`), `load-chunk` adds records to one of them, `load-end` builds the dataset.
   */
  | { type: 'load-begin'; input: unknown; streamed: string[]; timeZone?: string }
  | { type: 'load-chunk'; key: string; records: unknown[] }
  | { type: 'load-end' }
  | { type: 'append'; records: DataInput; timeZone?: string }
  | { type: 'report'; options: ReportOptions }
  /** The customer ids of one segment of the worker's dataset (`segmentCustomers`). */
  | { type: 'segment'; options: ReportOptions; query: SegmentQuery }
  | { type: 'compute'; input: DataInput; options: ReportOptions }
);

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** A campaign of a {@link DatasetSummary} (local dates `YYYY-MM-DD`). */
export interface SummaryCampaign {
  id: string;
  name: string;
  start: string;
  end: string;
  budget: number | null;
  type: string | null;
  targets: Record<string, number>;
}

/** What a page needs to know of a dataset to offer filters, wherever the dataset lives. */
export interface DatasetSummary {
  campaigns: SummaryCampaign[];
  /** Channel names, in order of first appearance. */
  channels: string[];
  /** Order attribute names (in order of first appearance) and each one's values (in order of first appearance). */
  attributes: Record<string, string[]>;
  /** Local day number of the latest order, or null without orders. */
  lastDay: number | null;
  /** Valid orders. */
  orders: number;
}

/** The summary of a dataset (one pass over the order days). */
export function summarizeDataset(ds: Dataset): DatasetSummary {
  const campaigns = ds.campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    start: formatDay(c.start),
    end: formatDay(c.end),
    budget: c.budget,
    type: c.type,
    targets: c.targets,
  }));
  const channels: string[] = [];
  for (let i = 0; i < ds.channels.size; i++) channels.push(ds.channels.value(i));
  const attributes: Record<string, string[]> = {};
  const a = ds.attributes;
  if (a)
    a.names.forEach((name, k) => {
      const dict = a.values[k]!;
      const values: string[] = [];
      for (let v = 0; v < dict.size; v++) values.push(dict.value(v));
      attributes[name] = values;
    });
  let lastDay = -Infinity;
  const day = ds.orders.day;
  for (let i = 0; i < ds.orders.length; i++) if (day[i]! > lastDay) lastDay = day[i]!;
  return { campaigns, channels, attributes, lastDay: ds.orders.length ? lastDay : null, orders: ds.orders.length };
}
