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
 * campaignIds=C1&campaignIds=C2`). Every value reaches SQL only as a bound parameter.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isValidTimeZone, parseLocalDate } from '../engine/time.js';
import { COHORT_GRAINS, type Report, type ReportOptions } from '../engine/types.js';
import type { Aggregates } from '../engine/aggregates.js';
import { resolveOptions } from '../engine/options.js';
import { resolveMapping } from './mapping.js';
import { warehouseAggregates, warehouseReport, type WarehouseConfig } from './warehouse.js';

const localDate = z
  .string()
  .max(10)
  .refine((v) => parseLocalDate(v) !== null, { message: 'expected a local date YYYY-MM-DD' });

/** The query the board sends (KPI-SPEC section 2). Unknown keys are refused. */
export const pushdownQuerySchema = z.strictObject({
  from: localDate,
  to: localDate,
  timeZone: z
    .string()
    .max(64)
    .refine((v) => isValidTimeZone(v), { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh' })
    .optional(),
  campaignIds: z.array(z.string().min(1).max(256)).max(10_000).optional(),
  channels: z.array(z.string().min(1).max(256)).max(1_000).optional(),
  returnWindowDays: z.number().positive().max(3_650).optional(),
  lifetimeDays: z.number().positive().max(36_525).optional(),
  cohortGrain: z.enum(COHORT_GRAINS).optional(),
  asOf: localDate.optional(),
  /**
   * `report` (default): the report of KPI-SPEC section 6. `aggregates`: the engine's
   * aggregates, for a board that assembles the report itself (the browser pushdown adapter).
   */
  shape: z.enum(['report', 'aggregates']).optional(),
});

export type PushdownQuery = z.infer<typeof pushdownQuerySchema>;

export interface PushdownHandlerOptions extends WarehouseConfig {
  /** Largest accepted request body, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called with a failure of the warehouse (the client only gets a generic 500). */
  onError?: (error: unknown) => void;
  /** Extra response headers (CORS, caching ...). */
  headers?: Record<string, string>;
}

/** A response before it is written: HTTP status and JSON body. */
export interface PushdownResult {
  status: number;
  body: Report | Aggregates | { error: string; issues?: { path: string; message: string }[] };
}

export interface PushdownHandler {
  query(input: unknown): Promise<PushdownResult>;
  node(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void>;
  fetch(request: Request): Promise<Response>;
}

const LIST_KEYS = new Set(['campaignIds', 'channels']);
const NUMBER_KEYS = new Set(['returnWindowDays', 'lifetimeDays']);

/** Search parameters as a query object: list keys repeat (or are comma-separated), numbers parse. */
export function queryFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (LIST_KEYS.has(key)) out[key] = values.flatMap((v) => v.split(',')).filter((v) => v !== '');
    else if (NUMBER_KEYS.has(key)) out[key] = values[0] === '' ? undefined : Number(values[0]);
    else out[key] = values[0];
  }
  return out;
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

/** Creates the endpoint for a configured warehouse. */
export function createPushdownHandler(options: PushdownHandlerOptions): PushdownHandler {
  const maxBytes = options.maxBodyBytes ?? 65_536;
  // Validated once, at startup: a bad mapping throws here rather than on the first request.
  const mapping = resolveMapping(options.mapping);
  const headers = { 'content-type': 'application/json; charset=utf-8', ...(options.headers ?? {}) };

  async function query(input: unknown): Promise<PushdownResult> {
    const parsed = pushdownQuerySchema.safeParse(input);
    if (!parsed.success) {
      return {
        status: 400,
        body: {
          error: 'invalid query',
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      };
    }
    const { shape, ...reportOptions } = parsed.data;
    try {
      if (shape === 'aggregates') {
        const o = resolveOptions(reportOptions as ReportOptions);
        return { status: 200, body: await warehouseAggregates(options, mapping, o) };
      }
      return { status: 200, body: await warehouseReport(options, reportOptions as ReportOptions) };
    } catch (error) {
      options.onError?.(error);
      return { status: 500, body: { error: 'the warehouse query failed' } };
    }
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

  async function fromRequest(method: string, url: URL, readBody: () => Promise<unknown>): Promise<PushdownResult> {
    try {
      if (method === 'GET') return await query(queryFromSearchParams(url.searchParams));
      if (method === 'POST') return await query(await readBody());
      return { status: 405, body: { error: 'use GET or POST' } };
    } catch (e) {
      if (e instanceof BodyError) return { status: e.status, body: { error: e.message } };
      options.onError?.(e);
      return { status: 500, body: { error: 'the request could not be read' } };
    }
  }

  return {
    query,
    async node(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const r = await fromRequest(req.method ?? 'GET', url, async () => {
        const given = req.body;
        if (typeof given === 'string') return parseJson(given);
        if (given instanceof Uint8Array) return parseJson(Buffer.from(given).toString('utf8'));
        if (given !== undefined && given !== null && typeof given === 'object') return given;
        return parseJson(await readNodeBody(req));
      });
      res.writeHead(r.status, { ...headers, ...(r.status === 405 ? { allow: 'GET, POST' } : {}) });
      res.end(JSON.stringify(r.body));
    },
    async fetch(request) {
      const r = await fromRequest(request.method, new URL(request.url), async () => {
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > maxBytes) throw new BodyError(413, `the request body is larger than ${maxBytes} bytes`);
        const text = await request.text();
        if (Buffer.byteLength(text) > maxBytes)
          throw new BodyError(413, `the request body is larger than ${maxBytes} bytes`);
        return parseJson(text);
      });
      return new Response(JSON.stringify(r.body), {
        status: r.status,
        headers: { ...headers, ...(r.status === 405 ? { allow: 'GET, POST' } : {}) },
      });
    },
  };
}
