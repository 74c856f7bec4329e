/**
 * The JSON-over-HTTP adapter: one document holding the collections
 * (`{ "campaigns": [...], "orders": [...] }`), or one URL per collection (each answering a
 * JSON array, or an object with the collection's key). A headers hook carries auth, a
 * timeout bounds each request, and a new query aborts the load still running.
 *
 * Records whose property names differ from the canonical ones are mapped with `columns`, the
 * same option as the CSV adapter's (see column-mapping.ts): canonical field, or `attributes.<name>`
 * of an order, -> the record's property (or a dotted path into it).
 *
 * @example
 * jsonAdapter({
 *   src: '/api/export.json',
 *   columns: { orders: { customerId: 'customer_id', 'attributes.store': 'shop.code', 'attributes.region': 'region' } },
 * });
 *
 * DOM-free.
 */
import { COLLECTIONS, type CollectionName, type DataInput } from '../data/records.js';
import { AdapterError, abortedError, type Adapter, type AdapterQuery } from './adapter.js';
import { fetchText, latestLoad, withParams, type HttpOptions } from './http.js';
import { mapRecords, parseColumns, type ColumnMapping, type ColumnsOption } from './column-mapping.js';

export interface JsonAdapterOptions extends HttpOptions {
  /** URL of one document holding the collections. */
  src?: string;
  /** One URL per collection. */
  sources?: Partial<Record<CollectionName, string>>;
  /** Query parameters sent with each request, from the board's query (e.g. `from`, `to`). */
  params?: (query: AdapterQuery) => Record<string, string | undefined>;
  /** Picks the canonical input out of a differently shaped document. */
  select?: (json: unknown) => DataInput;
  /**
   * Canonical field (or `attributes.<name>` of an order) -> the record's property or dotted
   * path, per collection: an object, or its string form (JSON, or
   * `orders.attributes.store=shop; loyalty.channel=source`). Applied after `select`.
   */
  columns?: ColumnsOption;
}

/** The input with each collection's records mapped by `columns`. */
function applyColumns(input: DataInput, columns: ColumnMapping): DataInput {
  const out: Record<string, unknown> = { ...input };
  for (const c of COLLECTIONS) {
    const list = input[c];
    if (columns[c] && Array.isArray(list)) out[c] = mapRecords(list, columns[c]);
  }
  return out as DataInput;
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AdapterError(
      'parse',
      `${url} did not return valid JSON (${(e as Error).message}); check that the URL serves JSON`,
      { source: url, cause: e },
    );
  }
}

export function jsonAdapter(options: JsonAdapterOptions): Adapter {
  const latest = latestLoad();
  const columns = parseColumns(options.columns);
  const mapped = Object.keys(columns).length > 0;
  const finish = (input: DataInput) => (mapped ? applyColumns(input, columns) : input);
  const source = options.src ?? Object.values(options.sources ?? {}).join(', ');
  return {
    async load(query, { signal } = {}) {
      if (!options.src && !options.sources)
        throw new AdapterError(
          'config',
          'The json adapter needs src (one document) or sources (one URL per collection)',
        );
      // A new query aborts the previous load.
      return latest(signal, async (loadSignal, replaced) => {
        try {
          const params = options.params?.(query);
          if (options.src) {
            const url = withParams(options.src, params);
            const json = parseJson(await fetchText(url, query, options, loadSignal), url);
            if (options.select) return finish(options.select(json));
            if (json === null || typeof json !== 'object' || Array.isArray(json))
              throw new AdapterError(
                'parse',
                `${url} returned ${Array.isArray(json) ? 'a list' : String(json)}; expected an object with campaigns, orders, costs, exposures or loyalty`,
                { source: url },
              );
            return finish(json as DataInput);
          }
          const entries = COLLECTIONS.filter((c) => options.sources![c]).map((c) => [c, options.sources![c]!] as const);
          const parts = await Promise.all(
            entries.map(async ([collection, base]) => {
              const url = withParams(base, params);
              const json = parseJson(await fetchText(url, query, options, loadSignal), url);
              const list = Array.isArray(json) ? json : (json as Record<string, unknown> | null)?.[collection];
              if (!Array.isArray(list))
                throw new AdapterError(
                  'parse',
                  `${url} returned no ${collection} list; expected a JSON array or an object with "${collection}"`,
                  { source: url },
                );
              return [collection, list] as const;
            }),
          );
          const input = Object.fromEntries(parts) as DataInput;
          return finish(options.select ? options.select(input) : input);
        } catch (e) {
          if (loadSignal.aborted && !signal?.aborted && replaced()) throw abortedError(source);
          throw e;
        }
      });
    },
    describe() {
      return {
        name: 'json',
        collections: options.src ? COLLECTIONS : COLLECTIONS.filter((c) => options.sources?.[c]),
        live: false,
        source,
      };
    },
  };
}
