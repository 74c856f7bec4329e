/// <reference types="node" />
/**
 * The HTTP endpoint of the pushdown: the board sends its query (period, filters,
 * options), the handler validates it with zod, computes the report in the warehouse and
 * answers with the report as JSON.
 *
 * One handler, three doors:
 * - `node(req, res)`: plain `node:http` (and Express, whose req/res extend Node's; a body
 *   Express already parsed into `req.body` is used as is);
 * - `fetch(request)`: fetch-style servers (Hono, Bun, Deno, workers): `Request` in, `Response` out;
 * - `query(input)`: an already-parsed query object in, `{ status, body }` out (Fastify:
 *   `reply.code(r.status).send(r.body)`).
 *
 * POST a JSON body, or GET with search parameters (`?from=2025-03-01&to=2025-03-31&
 * campaignIds=C1&campaignIds=C2&compare=year&filters.region=HCM&breakdowns=store`).
 * Every value reaches SQL only as a bound parameter.
 *
 * Segment lists (KPI-SPEC section 7.3, `segmentCustomers`): the same query plus
 * `segment: { segment, of }` answers the customer ids of one recency or re-activation
 * segment instead of a report, for a CRM to act on:
 *
 * ```http
 * POST /api/kpi
 * {"from": "2025-01-20", "to": "2025-02-09", "timeZone": "Asia/Ho_Chi_Minh",
 *  "segment": {"segment": "8-14", "of": "returned"}}
 *
 * 200 application/json
 * ["u001","u017", ...]
 * ```
 *
 * (GET: `...&segment=8-14&of=returned`.) `of` is `recency` (as of `asOf`),
 * `reactivation` (as of the day before `from`) or `returned` (those of the re-activation
 * segment with an order in the period's attributed orders, filters applied); `segment`
 * is a label of the query's `recencyBounds` (`0-7`, `8-14`, `15-28`, `29+` by default),
 * anything else is a 400, and a list longer than `maxSegmentCustomers` a 422. The ids
 * are sorted by code point and streamed: `node` and `fetch` write the JSON array in
 * chunks as the warehouse produces the rows (with a driver that streams, such as
 * `pgDriver` and `duckdbDriver`), so the list is never built whole on the server; a
 * statement that fails before the first rows is a 500, one that fails later cuts the
 * response short (the client sees invalid JSON, never a shorter list). `stream(input)`
 * gives the same chunks to other servers (Fastify:
 * `reply.type('application/json').send(Readable.from(r.chunks))`); `query(input)`
 * collects them into an array.
 *
 * Data summary (what a board's filters and periods need: campaigns with their names, runs
 * and budgets, channels, order attributes with their values, the last order's local day,
 * the number of orders; the engine's `summarizeDataset` for data in the warehouse):
 * `POST {"summary": true, "timeZone": "Asia/Ho_Chi_Minh"}` (GET `?summary=1&timeZone=...`),
 * optionally narrowed by `campaignIds`, `channels` and `filters` as a query. Lists are in
 * code-point order; each attribute lists at most `maxAttributeValues` values (default
 * 1 000), and `truncatedAttributes` names the attributes cut; at most `maxAttributes`
 * attribute names are listed (default 50), and `truncatedAttributeNames` says when more
 * were left out. See {@link warehouseDataSummary}.
 *
 * Many tenants in one warehouse: give a `scope(request)` hook. It reads the caller's
 * session, token or header (the host decides how) and returns the tenant key(s) and the
 * limits of that caller. Every table scan of every statement is then restricted to the
 * tenant's rows by a bound parameter (the mapping names each table's tenant column); a
 * request cannot name a tenant, and a query reaching outside the caller's campaigns,
 * channels, attribute values or dates is refused with 403 and a plain reason, never
 * answered narrowed. A summary request asks what the caller may see: the limits it leaves
 * out narrow it (campaigns, channels, attribute values; orders, exposures and loyalty events
 * from `earliestDate` on), and a value it names outside them is refused with 403 too. Cost
 * limits ({@link PushdownLimits}) apply to every request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseLocalDate } from '../core/time.js';
import type { Report, ReportOptions, SegmentQuery } from '../engine/report-types.js';
import type { z } from 'zod';
import type { Aggregates, PushdownSummary } from '../engine/aggregates-contract.js';
import { resolveOptions } from '../engine/options.js';
import { requireTenantColumns, resolveMapping } from './table-mapping.js';
import {
  checkScope,
  DEFAULT_LIMITS,
  outsideScope,
  positiveInt,
  pushdownQuerySchema,
  pushdownSummarySchema,
  queryFromSearchParams,
  refuse,
  type PushdownLimits,
  type PushdownQuery,
  type PushdownScope,
  type Refusal,
  type ScopeRequest,
} from './pushdown-request.js';
import { jsonArrayChunks, writeChunks } from './json-stream.js';
import { warehouseDataSummary, type DataSummaryOptions } from './summary.js';
import {
  StatementTimeoutError,
  warehouseAggregates,
  warehouseReport,
  warehouseSegmentCustomers,
  type SegmentCustomerList,
  type WarehouseAccess,
  type WarehouseConfig,
} from './warehouse.js';

export {
  DEFAULT_LIMITS,
  pushdownQuerySchema,
  pushdownSummarySchema,
  queryFromSearchParams,
  requestHeader,
  type PushdownLimits,
  type PushdownQuery,
  type PushdownSummaryRequest,
  type PushdownScope,
  type ScopeRequest,
} from './pushdown-request.js';

export interface PushdownHandlerOptions extends WarehouseConfig {
  /** Largest accepted request body, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called with a failure of the warehouse (the client only gets a generic 500). */
  onError?: (error: unknown) => void;
  /** Extra response headers (CORS, caching ...). */
  headers?: Record<string, string>;
  /**
   * Who is asking: the tenant key(s) and limits of the request's caller, or null when the
   * request carries no valid credentials (401). With a hook, every table of the mapping
   * must name its tenant column (checked when the handler is created).
   */
  scope?: (request: ScopeRequest) => PushdownScope | null | undefined | Promise<PushdownScope | null | undefined>;
  /** Cost limits; see {@link DEFAULT_LIMITS}. */
  limits?: PushdownLimits;
}

/** A response before it is written: HTTP status and JSON body (a segment's ids: an array). */
export interface PushdownResult {
  status: number;
  body:
    | Report
    | Aggregates
    | PushdownSummary
    | string[]
    | { error: string; issues?: { path: string; message: string }[]; limit?: string };
}

/** A segment answer before it is written: the JSON array of ids as text, in chunks. */
export interface PushdownStream {
  status: 200;
  /** Chunks to write in order; ending the iteration early cancels the warehouse query. */
  chunks: AsyncIterable<string>;
}

export interface PushdownHandler {
  /**
   * An already-parsed query; `request` is what the `scope` hook receives. A segment
   * request's ids are collected into an array.
   */
  query(input: unknown, request?: ScopeRequest): Promise<PushdownResult>;
  /**
   * As `query`, but a segment's ids come as chunks of JSON text, read from the warehouse as
   * they are written. Read the chunks to the end, or end the iteration early (`return()`):
   * the list keeps its turn among the concurrent queries (and its cursor) until then.
   */
  stream(input: unknown, request?: ScopeRequest): Promise<PushdownResult | PushdownStream>;
  node(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void>;
  fetch(request: Request): Promise<Response>;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'the request body is not valid JSON');
  }
}

/** The answer to a request the schema refuses: 400 with each issue's path and message. */
function invalid(error: z.ZodError): PushdownResult {
  return {
    status: 400,
    body: { error: 'invalid query', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  };
}

/** Creates the endpoint for a configured warehouse. */
export function createPushdownHandler(options: PushdownHandlerOptions): PushdownHandler {
  const maxBytes = options.maxBodyBytes ?? 65_536;
  // Validated once, at startup: a bad mapping throws here rather than on the first request.
  const mapping = resolveMapping(options.mapping);
  const scopeHook = options.scope;
  if (scopeHook !== undefined) {
    if (typeof scopeHook !== 'function') throw new TypeError('createPushdownHandler: scope must be a function');
    requireTenantColumns(mapping);
  }
  const given = options.limits ?? {};
  const limits: Required<PushdownLimits> = {
    maxPeriodDays: positiveInt('maxPeriodDays', given.maxPeriodDays, DEFAULT_LIMITS.maxPeriodDays),
    maxCampaignIds: positiveInt('maxCampaignIds', given.maxCampaignIds, DEFAULT_LIMITS.maxCampaignIds),
    maxSegmentCustomers: positiveInt(
      'maxSegmentCustomers',
      given.maxSegmentCustomers,
      DEFAULT_LIMITS.maxSegmentCustomers,
    ),
    statementTimeoutMs: positiveInt(
      'statementTimeoutMs',
      given.statementTimeoutMs ?? options.statementTimeoutMs,
      DEFAULT_LIMITS.statementTimeoutMs,
    ),
    maxConcurrentQueries: positiveInt(
      'maxConcurrentQueries',
      given.maxConcurrentQueries,
      DEFAULT_LIMITS.maxConcurrentQueries,
    ),
    maxQueuedQueries: positiveInt('maxQueuedQueries', given.maxQueuedQueries, DEFAULT_LIMITS.maxQueuedQueries),
    maxAttributeValues: positiveInt('maxAttributeValues', given.maxAttributeValues, DEFAULT_LIMITS.maxAttributeValues),
    maxAttributes: positiveInt('maxAttributes', given.maxAttributes, DEFAULT_LIMITS.maxAttributes),
  };
  const config: WarehouseConfig = { ...options, statementTimeoutMs: limits.statementTimeoutMs };
  const headers = { 'content-type': 'application/json; charset=utf-8', ...(options.headers ?? {}) };

  // Queries computed at once, and the ones waiting for a turn.
  let running = 0;
  const waiting: (() => void)[] = [];
  async function turn<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limits.maxConcurrentQueries) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  /** Cost limits that do not depend on the caller: 422 naming the limit, or null. */
  function overLimits(q: PushdownQuery): Refusal | null {
    const from = parseLocalDate(q.from)!;
    const to = parseLocalDate(q.to)!;
    const days = Math.abs(to - from) + 1;
    if (days > limits.maxPeriodDays)
      return refuse(
        422,
        `the period is ${days} days; the longest this server answers is ${limits.maxPeriodDays} days (maxPeriodDays)`,
        'maxPeriodDays',
      );
    return tooManyCampaigns(q.campaignIds);
  }

  /** The `maxCampaignIds` limit, of a query or a summary request: 422 naming it, or null. */
  function tooManyCampaigns(campaignIds: readonly string[] | undefined): Refusal | null {
    const n = campaignIds?.length ?? 0;
    return n > limits.maxCampaignIds
      ? refuse(
          422,
          `the query names ${n} campaigns; at most ${limits.maxCampaignIds} are allowed (maxCampaignIds)`,
          'maxCampaignIds',
        )
      : null;
  }

  async function stream(input: unknown, request?: ScopeRequest): Promise<PushdownResult | PushdownStream> {
    // Who is asking comes first: a caller without credentials learns nothing else.
    let scope: PushdownScope | null | undefined;
    let checked: ReturnType<typeof checkScope> | null = null;
    if (scopeHook) {
      try {
        scope = await scopeHook(request);
      } catch (error) {
        options.onError?.(error);
        return refuse(401, 'the credentials of this request could not be checked');
      }
      if (scope === null || scope === undefined) return refuse(401, 'this request carries no valid credentials');
      try {
        checked = checkScope(scope);
      } catch (error) {
        options.onError?.(error);
        return refuse(500, 'the server could not tell what this account may see');
      }
    }
    if (input !== null && typeof input === 'object' && Object.hasOwn(input, 'summary'))
      return summaryAnswer(input, scope, checked);
    const parsed = pushdownQuerySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const over = overLimits(parsed.data);
    if (over) return over;
    const { shape, segment, ...reportOptions } = parsed.data;
    if (segment !== undefined && shape !== undefined)
      return {
        status: 400,
        body: {
          error: 'invalid query',
          issues: [{ path: 'shape', message: 'a segment request answers customer ids: leave shape out' }],
        },
      };
    const o = resolveOptions(reportOptions as ReportOptions);
    const access: WarehouseAccess = {};
    if (scope && checked) {
      const outside = outsideScope(parsed.data, scope);
      if (outside) return outside;
      const e = checked.earliestDay;
      if (e !== null) {
        // The period, then asOf, then the comparison period (which the report reads too).
        const what =
          o.fromDay < e
            ? `it starts ${o.from}`
            : o.asOfDay < e
              ? `asOf is ${o.asOf}`
              : o.previousFromDay < e
                ? `its comparison period starts ${o.previousFrom}`
                : null;
        if (what !== null)
          return refuse(
            403,
            `this account may see dates from ${scope.earliestDate} on; the query reaches earlier (${what})`,
          );
      }
      access.tenants = checked.tenants;
    }
    const busy = queueFull();
    if (busy) return busy;
    if (segment !== undefined) return segmentAnswer(reportOptions as ReportOptions, segment, access);
    try {
      return await turn(async () => {
        if (shape === 'aggregates') return { status: 200, body: await warehouseAggregates(config, mapping, o, access) };
        return { status: 200, body: await warehouseReport(config, reportOptions as ReportOptions, access) };
      });
    } catch (error) {
      return failure(error);
    }
  }

  /** 503 when no more queries may wait for their turn, else null. */
  function queueFull(): Refusal | null {
    return waiting.length >= limits.maxQueuedQueries && running >= limits.maxConcurrentQueries
      ? refuse(
          503,
          `the server is answering too many queries; try again shortly (maxQueuedQueries = ${limits.maxQueuedQueries})`,
          'maxQueuedQueries',
        )
      : null;
  }

  /**
   * The summary of the data the caller may see (a summary request): the limits of its scope
   * that the request leaves out narrow it; a value it names outside them is refused, as in a
   * query. `earliestDate` leaves out older orders, exposures, loyalty events and campaigns.
   */
  async function summaryAnswer(
    input: object,
    scope: PushdownScope | null | undefined,
    checked: ReturnType<typeof checkScope> | null,
  ): Promise<PushdownResult> {
    const parsed = pushdownSummarySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const over = tooManyCampaigns(parsed.data.campaignIds);
    if (over) return over;
    const { summary: _summary, ...asked } = parsed.data;
    const options: DataSummaryOptions = {
      ...asked,
      maxAttributeValues: limits.maxAttributeValues,
      maxAttributes: limits.maxAttributes,
    };
    const access: WarehouseAccess = {};
    if (scope && checked) {
      const filters = scope.attributes || asked.filters ? { ...scope.attributes, ...asked.filters } : undefined;
      const narrowed = {
        ...asked,
        campaignIds: asked.campaignIds ?? scope.campaignIds,
        channels: asked.channels ?? scope.channels,
        filters,
      };
      const outside = outsideScope(narrowed, scope);
      if (outside) return outside;
      Object.assign(options, narrowed, { earliestDate: scope.earliestDate });
      access.tenants = checked.tenants;
    }
    const busy = queueFull();
    if (busy) return busy;
    try {
      return await turn(async () => ({ status: 200, body: await warehouseDataSummary(config, options, access) }));
    } catch (error) {
      return failure(error);
    }
  }

  function failure(error: unknown): PushdownResult {
    if (error instanceof StatementTimeoutError)
      return refuse(
        422,
        `the query ran longer than ${limits.statementTimeoutMs} ms (statementTimeoutMs); ask for a shorter period or fewer campaigns`,
        'statementTimeoutMs',
      );
    options.onError?.(error);
    return { status: 500, body: { error: 'the warehouse query failed' } };
  }

  /**
   * A segment's ids: the first rows are read before anything is written (a failing
   * statement or a list over `maxSegmentCustomers` is still a plain error answer); the
   * query keeps its turn among the concurrent queries until the last id is written.
   */
  async function segmentAnswer(
    reportOptions: ReportOptions,
    segment: SegmentQuery,
    access: WarehouseAccess,
  ): Promise<PushdownResult | PushdownStream> {
    let release!: () => void;
    const finished = new Promise<void>((r) => (release = r));
    await new Promise<void>((started) => void turn(() => (started(), finished)));
    let list: SegmentCustomerList;
    try {
      list = await warehouseSegmentCustomers(config, reportOptions, segment, access);
    } catch (error) {
      release();
      if (error instanceof RangeError)
        return { status: 400, body: { error: 'invalid query', issues: [{ path: 'segment', message: error.message }] } };
      return failure(error);
    }
    if (list.size > limits.maxSegmentCustomers) {
      const cancel = list.batches[Symbol.asyncIterator]();
      await cancel.return?.();
      release();
      return refuse(
        422,
        `the segment holds ${list.size} customers; at most ${limits.maxSegmentCustomers} are listed (maxSegmentCustomers): narrow it with filters or a shorter period`,
        'maxSegmentCustomers',
      );
    }
    return { status: 200, chunks: jsonArrayChunks(list.batches, options.onError, release) };
  }

  async function query(input: unknown, request?: ScopeRequest): Promise<PushdownResult> {
    const r = await stream(input, request);
    if (!('chunks' in r)) return r;
    let text = '';
    try {
      for await (const chunk of r.chunks) text += chunk;
    } catch {
      return { status: 500, body: { error: 'the warehouse query failed' } };
    }
    return { status: 200, body: JSON.parse(text) as string[] };
  }

  async function readNodeBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxBytes) throw new BodyError(413, `the request body is larger than ${maxBytes} bytes`);
      chunks.push(b);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function fromRequest(
    method: string,
    url: URL,
    readBody: () => Promise<unknown>,
    request: ScopeRequest,
  ): Promise<PushdownResult | PushdownStream> {
    try {
      if (method === 'GET') return await stream(queryFromSearchParams(url.searchParams), request);
      if (method === 'POST') return await stream(await readBody(), request);
      return { status: 405, body: { error: 'use GET or POST' } };
    } catch (e) {
      if (e instanceof BodyError) return { status: e.status, body: { error: e.message } };
      options.onError?.(e);
      return { status: 500, body: { error: 'the request could not be read' } };
    }
  }

  return {
    query,
    stream,
    async node(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const r = await fromRequest(
        req.method ?? 'GET',
        url,
        async () => {
          const given = req.body;
          if (typeof given === 'string') return parseJson(given);
          if (given instanceof Uint8Array) return parseJson(Buffer.from(given).toString('utf8'));
          if (given !== undefined && given !== null && typeof given === 'object') return given;
          return parseJson(await readNodeBody(req));
        },
        req,
      );
      res.writeHead(r.status, { ...headers, ...(r.status === 405 ? { allow: 'GET, POST' } : {}) });
      if ('body' in r) {
        res.end(JSON.stringify(r.body));
        return;
      }
      await writeChunks(res, r.chunks);
    },
    async fetch(request) {
      const r = await fromRequest(
        request.method,
        new URL(request.url),
        async () => {
          const declared = Number(request.headers.get('content-length') ?? '0');
          if (declared > maxBytes) throw new BodyError(413, `the request body is larger than ${maxBytes} bytes`);
          const text = await request.text();
          if (Buffer.byteLength(text) > maxBytes)
            throw new BodyError(413, `the request body is larger than ${maxBytes} bytes`);
          return parseJson(text);
        },
        request,
      );
      const init = { status: r.status, headers: { ...headers, ...(r.status === 405 ? { allow: 'GET, POST' } : {}) } };
      if ('body' in r) return new Response(JSON.stringify(r.body), init);
      const chunks = r.chunks[Symbol.asyncIterator]();
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const next = await chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          } catch (e) {
            controller.error(e);
          }
        },
        async cancel() {
          await chunks.return?.();
        },
      });
      return new Response(body, init);
    },
  };
}
