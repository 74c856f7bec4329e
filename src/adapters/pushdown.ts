/**
 * The pushdown adapter: for order histories too big to ship to a browser. The board sends
 * its query (period, filters, options) to an endpoint made with `createPushdownHandler`
 * from `promo-kpi-kit/server`; the warehouse computes the engine's aggregates in SQL and
 * the board assembles the report with the same `finishReport` it uses for in-browser
 * data, so every number is the same.
 *
 * ```ts
 * const adapter = pushdownAdapter({ url: '/api/kpi', headers: () => ({ authorization: `Bearer ${token}` }) });
 * board.adapter = adapter;                                   // the board calls adapter.pushdown.aggregate and .summary
 * const report = await adapter.report({ from: '2025-03-01', to: '2025-03-31' }); // or standalone
 * const ids = await adapter.segmentCustomers(                // a segment's customers, for a CRM
 *   { from: '2025-01-20', to: '2025-02-09' },
 *   { segment: '8-14', of: 'returned' },
 * );
 * ```
 *
 * Custom KPIs: their formulas run in the browser, over the aggregates; custom per-record
 * measures are computed by the server, so register them there too (with `sql`).
 *
 * DOM-free: uses only `fetch`.
 */
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type PushdownSummary,
  type ResolvedOptions,
} from '../engine/aggregates-contract.js';
import { finishReport } from '../engine/finish.js';
import { resolveOptions } from '../engine/options.js';
import type { Report, ReportOptions, SegmentQuery } from '../engine/report-types.js';
import { timedRequest } from './http.js';
import {
  AdapterError,
  httpAdvice,
  type Adapter,
  type AdapterDescription,
  type LoadContext,
  type PushdownCapability,
} from './adapter.js';
import type { PlatformFetch, PlatformURL } from '../data/platform.js';

export interface PushdownAdapterOptions {
  /** The endpoint (a `createPushdownHandler` behind any server). */
  url: string | PlatformURL;
  /** Extra request headers (auth), or a function giving them per request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Time limit of one request, ms. Default 60 000 (warehouse queries can take a while); 0 for none, as for the other HTTP adapters. */
  timeoutMs?: number;
  /** The fetch to use (tests, a custom agent). Default: the global fetch. */
  fetch?: PlatformFetch;
}

/** A pushdown adapter: the board's {@link Adapter} with the pushdown capability, plus `report`. */
export interface PushdownAdapter extends Adapter {
  pushdown: Required<PushdownCapability>;
  segmentCustomers: NonNullable<Adapter['segmentCustomers']>;
  /** The report for options, computed by the warehouse and assembled here. */
  report(options: ReportOptions, context?: LoadContext): Promise<Report>;
}

/** The body the endpoint expects for resolved options. */
export function pushdownRequestBody(o: ResolvedOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    from: o.from,
    to: o.to,
    timeZone: o.timeZone,
    returnWindowDays: o.returnWindowDays,
    lifetimeDays: o.lifetimeDays,
    cohortGrain: o.cohortGrain,
    asOf: o.asOf,
    shape: 'aggregates',
  };
  if (o.campaignIds !== null) body.campaignIds = o.campaignIds;
  if (o.channels !== null) body.channels = o.channels;
  body.compare = o.compare;
  if (o.filters !== null) body.filters = o.filters;
  if (o.breakdowns.length > 0) body.breakdowns = o.breakdowns;
  body.recencyBounds = o.recencyBounds;
  return body;
}

function isIdList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isAggregates(v: unknown): v is Aggregates {
  const a = v as Partial<Aggregates> | null;
  return (
    !!a &&
    typeof a === 'object' &&
    a.version === AGGREGATES_VERSION &&
    !!a.total?.current &&
    !!a.total.previous &&
    typeof a.byCampaign === 'object' &&
    Array.isArray(a.daily) &&
    Array.isArray(a.cohorts?.rows) &&
    Array.isArray(a.recency) &&
    typeof a.pacing === 'object' &&
    Array.isArray(a.issues)
  );
}

function isSummary(v: unknown): v is PushdownSummary {
  const s = v as PushdownSummary | null;
  return Array.isArray(s?.campaigns) && Array.isArray(s.channels) && !!s.attributes;
}

/** Creates a pushdown adapter for an endpoint. */
export function pushdownAdapter(options: PushdownAdapterOptions): PushdownAdapter {
  if (!options || !options.url) throw new AdapterError('config', 'pushdownAdapter: the endpoint `url` is required');
  const source = String(options.url);
  const timeoutMs = options.timeoutMs ?? 60_000;

  /** POSTs `body` and returns the parsed JSON answer, checked by `accept` (which names what was expected). */
  async function post<T>(
    requestBody: Record<string, unknown>,
    context: LoadContext,
    accept: (body: unknown) => body is T,
    expected: string,
  ): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    return timedRequest(source, timeoutMs, context.signal, async (signal) => {
      const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
      const res = await doFetch(source, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...extra },
        body: JSON.stringify(requestBody),
        signal,
      });
      if (!res.ok) {
        let detail = '';
        try {
          const body = (await res.json()) as { error?: string; issues?: { path: string; message: string }[] };
          detail = [body.error, ...(body.issues ?? []).map((i) => `${i.path}: ${i.message}`)]
            .filter(Boolean)
            .join('; ');
        } catch {
          // not JSON: the status says enough
        }
        throw new AdapterError(
          'http',
          `${source} answered ${res.status}${detail ? ` (${detail})` : ''}; ${httpAdvice(res.status)}`,
          { status: res.status, source },
        );
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch (cause) {
        throw new AdapterError('parse', `${source} did not answer with JSON`, { source, cause });
      }
      if (!accept(body))
        throw new AdapterError(
          'parse',
          `${source} did not answer with ${expected}; is it a promo-kpi-kit pushdown endpoint of the same version?`,
          { source },
        );
      return body;
    });
  }

  function aggregate(o: ResolvedOptions, context: LoadContext = {}): Promise<Aggregates> {
    return post(pushdownRequestBody(o), context, isAggregates, `aggregates (version ${AGGREGATES_VERSION})`);
  }

  function segmentCustomers(
    reportOptions: ReportOptions,
    query: SegmentQuery,
    context: LoadContext = {},
  ): Promise<string[]> {
    const { shape: _shape, ...body } = pushdownRequestBody(resolveOptions(reportOptions));
    return post(
      { ...body, segment: { segment: query.segment, of: query.of } },
      context,
      isIdList,
      'a list of customer ids',
    );
  }

  const description: AdapterDescription = { name: 'pushdown', collections: [], live: false, source };

  return {
    // The board skips the dataset for an adapter with `pushdown`; no rows come to the browser.
    async load() {
      return {};
    },
    describe: () => description,
    pushdown: {
      aggregate,
      // A summary request (`{ summary: true, timeZone }`): the data's campaigns, channels, attribute values, last day.
      summary: (query, context = {}) => post({ ...query, summary: true }, context, isSummary, 'a data summary'),
    },
    segmentCustomers,
    async report(reportOptions, context) {
      const o = resolveOptions(reportOptions);
      return finishReport(await aggregate(o, context), o);
    },
  };
}
