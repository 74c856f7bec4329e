/**
 * Adapters: how data of any source reaches the kit (the plugin SDK for data). Importing
 * this module registers the built-in adapters: inline, json, csv, sse, websocket, polling,
 * pushdown.
 *
 * DOM-free.
 */
import { registerBuiltinAdapters } from './builtins.js';

export * from './adapter.js';
export * from './registry.js';
export * from './source.js';
export { registerBuiltinAdapters } from './builtins.js';
export { inlineAdapter, type InlineAdapter, type InlineAdapterOptions } from './inline.js';
export { jsonAdapter, type JsonAdapterOptions } from './json.js';
export { csvAdapter, csvToDataset, type CsvAdapterOptions, type CsvColumns, type CsvReadSettings } from './csv.js';
export { readCsv, parseNumberCell, detectSeparator, type DecimalMark } from './csv-parse.js';
export {
  parseColumns,
  mapRecords,
  CANONICAL_FIELDS,
  type ColumnMapping,
  type ColumnsOption,
  type FieldKind,
} from './column-mapping.js';
export {
  sseAdapter,
  webSocketAdapter,
  backoffDelay,
  parseLiveMessage,
  type LiveAdapterOptions,
  type SseAdapterOptions,
  type WebSocketAdapterOptions,
  type WebSocketConstructor,
  type WebSocketLike,
  type RetryOptions,
} from './live.js';
export { pollingAdapter, type PollingOptions } from './polling.js';
export { pushdownAdapter, type PushdownAdapter, type PushdownAdapterOptions } from './pushdown.js';
export type { HeadersOption, HttpOptions } from './http.js';

registerBuiltinAdapters();
