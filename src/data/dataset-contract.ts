/**
 * What the dataset offers beyond the columns the engine reads ({@link Dataset}, columns.ts):
 * the options of a build, live appends and their result, and the row sink adapters feed.
 * Implemented by columnar-dataset.ts; made by the functions of dataset.ts.
 *
 * DOM-free.
 */
import type { DataIssue } from '../core/issues.js';
import type { Dataset } from './columns.js';
import type { PlainRowLayout, PlainRowReader } from './plain-rows.js';
import type { CollectionName, DataInput } from './records.js';

/** Options of `createDataset`. */
export interface DatasetOptions {
  /** IANA zone local dates are taken in (default `UTC`). */
  timeZone?: string;
  /**
   * Issues listed one by one per collection; beyond it one summary issue counts the rest
   * (a feed of a million bad rows should not hold a million messages). Default 1000.
   */
  maxListedIssues?: number;
}

/** What one `append` added. */
export interface AppendResult {
  /** Valid records added, per collection. */
  added: Record<CollectionName, number>;
  /** Issues raised by this append (also in `dataset.issues`). */
  issues: DataIssue[];
}

/** A {@link Dataset} that live data can be appended to. */
export interface LiveDataset extends Dataset {
  /** Validates and adds records of any collections; repeated order ids are reported, not added. */
  append(records: DataInput): AppendResult;
  /** Bytes held by the columns, dictionaries and dedupe structures. */
  readonly byteLength: number;
}

/**
 * How adapters hand rows to the data layer (the one interface for every reader of files
 * or feeds): records one at a time, or plain rows of a text read in place.
 */
export interface RowSink {
  /** The zone local dates are taken in (UTC when the one asked for is not a valid zone). */
  readonly timeZone: string;
  /** Validates one record and adds it when valid. Campaigns should come before the rows naming them. */
  add(collection: CollectionName, record: unknown): void;
  /**
   * A reader of the plain rows of `text` (one line, no quotes, numbers written plainly)
   * straight into the dataset's columns, with the same result as `add` of the record each
   * row holds; it leaves any other row to the caller (returns -1), which then hands that
   * row to `add`. Null when the collection has no such reader (only orders do) or the
   * layout cannot be read in place.
   */
  plainRows(collection: CollectionName, text: string, layout: PlainRowLayout): PlainRowReader | null;
  /** Ends the bulk build (releases spare capacity) and returns the dataset. */
  finish(): LiveDataset;
}

/** Incremental construction, for parsers that produce one record at a time (CSV). */
export type DatasetBuilder = RowSink;
