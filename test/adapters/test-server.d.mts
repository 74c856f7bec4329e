export declare const campaigns: Record<string, unknown>[];
export declare const orders: Record<string, unknown>[];
/** The events of /sse-records: [SSE id or null, message] per connection. */
export declare const sseRecordEvents: Record<'first' | 'resumed', [string | null, Record<string, unknown>][]>;
/** The POS export's records in canonical form (/pos-orders.csv, /pos-loyalty.csv, /pos-export.json). */
export declare const posOrders: Record<string, unknown>[];
export declare const posLoyalty: Record<string, unknown>[];
export interface TestServer {
  url: string;
  wsUrl: string;
  reset(): void;
  close(): Promise<void>;
}
export declare function startTestServer(): Promise<TestServer>;
