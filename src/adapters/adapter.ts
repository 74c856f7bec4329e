/**
 * The adapter interface: how data of any source reaches the kit (part of the plugin SDK).
 *
 * An adapter is a plain object with one required method, `load(query, { signal })`, that
 * returns the canonical input (KPI-SPEC section 1) or a ready {@link Dataset}. Everything
 * else is an optional capability:
 *  - `subscribe(onUpdate, context)`: live data (records to append, or a fresh snapshot);
 *  - `describe()`: what the adapter provides, for tooling and error messages;
 *  - `pushdown`: reserved for adapters that compute the aggregates where the data lives
 *    (a warehouse), returning the engine's {@link Aggregates} instead of rows;
 *  - `segmentCustomers(options, { segment, of }, context)`: the customer ids of one recency
 *    or re-activation segment, computed where the data lives (the engine's
 *    `segmentCustomers` does it for data in the page).
 *
 * Every fault becomes an {@link AdapterError} with a `kind` and a message a user can act on.
 *
 * DOM-free.
 */
import type {
  Aggregates,
  PushdownSummary,
  PushdownSummaryQuery,
  ResolvedOptions,
} from '../engine/aggregates-contract.js';
import type { ReportOptions, SegmentQuery } from '../engine/report-types.js';
import type { CollectionName, DataInput } from '../data/records.js';
import type { Dataset } from '../data/columns.js';
import type { PlatformAbortSignal } from '../data/platform.js';

/** Version of the adapter API; bumped on a breaking change. */
export const ADAPTER_API_VERSION = 1;

/** What the board asks for. Adapters may use it to narrow a request, or ignore it. */
export interface AdapterQuery {
  /** IANA zone of the report: local dates and wall-clock times are read in it. */
  timeZone?: string;
  /** Period, local dates inclusive. */
  from?: string;
  to?: string;
  campaignIds?: readonly string[] | null;
  channels?: readonly string[] | null;
}

export interface LoadContext {
  /** Aborted when the load is no longer wanted (a newer query, the element removed). */
  signal?: PlatformAbortSignal;
}

/** What `load` returns: the canonical input, or a dataset the adapter built itself. */
export type LoadResult = DataInput | Dataset;

/** A live update: records to append, or a whole new snapshot. */
export type AdapterUpdate = { type: 'append'; records: DataInput } | { type: 'replace'; data: LoadResult };

/** Connection state of a live subscription. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SubscribeContext {
  /** Ends the subscription when aborted. */
  signal: PlatformAbortSignal;
  /** The query the subscription serves. */
  query?: AdapterQuery;
  /** A fault that does not end the subscription (it reconnects), or one that does. */
  onError?(error: AdapterError): void;
  onStatus?(status: LiveStatus): void;
}

/** What an adapter provides. */
export interface AdapterDescription {
  /** Adapter name, as registered (`csv`, `json`, ...). */
  name: string;
  /** Collections it can deliver. */
  collections: readonly CollectionName[];
  /** Whether `subscribe` delivers live updates. */
  live: boolean;
  /** Human-readable source (a URL, a file name), for messages. */
  source?: string;
}

/**
 * Reserved: aggregation pushed down to where the data lives. An adapter with `pushdown`
 * returns the engine's aggregates for resolved options; the board then skips the dataset.
 */
export interface PushdownCapability {
  aggregate(options: ResolvedOptions, context: LoadContext): Promise<Aggregates>;
  /**
   * Optional: the data's summary (campaigns with names, channels, attribute values, the last
   * order's local day in `query.timeZone`), what `summarizeDataset` gives for data on the page.
   */
  summary?(query: PushdownSummaryQuery, context: LoadContext): Promise<PushdownSummary>;
}

/** A data adapter. Only `load` is required. */
export interface Adapter {
  load(query: AdapterQuery, context: LoadContext): Promise<LoadResult>;
  /** Live updates; returns nothing (end it with `context.signal`). */
  subscribe?(onUpdate: (update: AdapterUpdate) => void, context: SubscribeContext): void;
  describe?(): AdapterDescription;
  pushdown?: PushdownCapability;
  /**
   * Optional capability of adapters whose data stays where it lives (a warehouse): the
   * customer ids of one segment for the report options, sorted by code point, the same
   * list the engine's `segmentCustomers(data, options, query)` gives over the same data.
   * Hosts and widgets call it when present, else the engine's function over the loaded
   * data. Rejects with an {@link AdapterError} (`http` for a segment the bounds do not
   * define, `aborted` when `context.signal` fires).
   */
  segmentCustomers?(options: ReportOptions, query: SegmentQuery, context?: LoadContext): Promise<string[]>;
}

/**
 * Kinds of faults:
 * - `network`: the server could not be reached;
 * - `http`: the server answered with an error status (`status` holds it);
 * - `parse`: the body is not valid JSON or CSV, or not shaped as expected;
 * - `timeout`: no complete answer within the time limit;
 * - `aborted`: a newer query or the caller cancelled the load;
 * - `stream`: a live stream dropped or sent something unreadable;
 * - `config`: the adapter was set up wrongly (unknown name, missing `src`).
 */
export type AdapterErrorKind = 'network' | 'http' | 'parse' | 'timeout' | 'aborted' | 'stream' | 'config';

/** A typed adapter fault with a message a user can act on. */
export class AdapterError extends Error {
  readonly kind: AdapterErrorKind;
  /** HTTP status, for kind `http`. */
  readonly status?: number;
  /** The URL or file concerned, when there is one. */
  readonly source?: string;

  constructor(
    kind: AdapterErrorKind,
    message: string,
    details: { status?: number; source?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AdapterError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.source !== undefined) this.source = details.source;
  }
}

/** Whether a value is an {@link AdapterError} (also across bundles). */
export function isAdapterError(value: unknown): value is AdapterError {
  return value instanceof AdapterError || (value instanceof Error && value.name === 'AdapterError' && 'kind' in value);
}

/** The AdapterError for an aborted load. */
export function abortedError(source?: string): AdapterError {
  return new AdapterError('aborted', 'The load was cancelled (a newer query replaced it)', source ? { source } : {});
}

/** What an HTTP status means for the user. */
export function httpAdvice(status: number): string {
  if (status === 401 || status === 403) return 'check the access token or credentials (the adapter headers hook)';
  if (status === 404) return 'check the URL';
  if (status === 408 || status === 429) return 'the server is busy; it will be retried';
  if (status >= 500) return 'the server failed; try again later or contact its owner';
  return 'check the request';
}

/**
 * Turns any thrown value of a load into an {@link AdapterError}: an abort becomes
 * `aborted` (or `timeout` when the timeout fired), a fetch TypeError becomes `network`.
 */
export function toAdapterError(error: unknown, source: string, timedOut = false): AdapterError {
  if (isAdapterError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (timedOut)
    return new AdapterError('timeout', `${source} did not answer in time; try again`, { source, cause: error });
  if (name === 'AbortError') return abortedError(source);
  if (name === 'TimeoutError')
    return new AdapterError('timeout', `${source} did not answer in time; try again`, { source, cause: error });
  return new AdapterError(
    'network',
    `${source} could not be reached (${(error as Error)?.message ?? String(error)}); check the address and the connection`,
    { source, cause: error },
  );
}
