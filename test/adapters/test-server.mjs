/**
 * A real local server for the adapter tests (Node tests start it directly; the browser
 * tests reach it through the web-test-runner plugin in web-test-runner.config.mjs).
 *
 * Routes (all with CORS for the test page):
 *   GET /data.json            one document with campaigns and orders
 *   GET /campaigns.json       campaigns as a JSON array
 *   GET /orders.json          orders as an object { orders: [...] }
 *   GET /auth.json            as /data.json, only with `Authorization: Bearer secret-token`, else 401
 *   GET /status/:code         answers that status
 *   GET /slow.json?ms=N       answers /data.json after N ms
 *   GET /bad.json             malformed JSON
 *   GET /orders.csv           orders as CSV with the canonical headers
 *   GET /vi-orders.csv        a vi-VN export: BOM, `;`, Vietnamese headers, decimal comma, quotes
 *   GET /pos-orders.csv       a POS export: Vietnamese headers with `Cửa hàng`, `Khu vực`, `Ngành hàng`
 *                             (order attributes), a row without a store and one quoted
 *   GET /pos-loyalty.csv      loyalty events with a `Kênh` (channel) column
 *   GET /pos-export.json      the same orders and loyalty events as JSON with the POS's own
 *                             property names (nested `khach.ma`, `cua_hang`, `kenh` ...)
 *   GET /campaigns.csv        campaigns as CSV
 *   GET /bad.csv              an unterminated quoted field
 *   GET /counter.json         { orders: [one order per request so far] } (polling)
 *   GET /flaky.json           fails with 503 every second request (polling keeps the last good)
 *   GET /sse?drop=N           SSE: orders O-1, O-2, ... each sent twice (at-least-once), the
 *                             connection dropped after N events; resumes after Last-Event-ID
 *   GET /sse-records          SSE of costs and exposures (records without an id of their own):
 *                             event r1 (a cost) sent twice with the same id, an event without
 *                             id, r2 (an exposure), then the connection dropped; resumed after
 *                             Last-Event-ID r2 it sends r2 again (at-least-once) and r3 (a cost)
 *   WS  /ws?drop=N            the same over WebSocket (ids in the JSON message)
 *   GET /sse-status           SSE endpoint answering 500
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

export const campaigns = [
  { id: 'C1', name: 'Tết sale', start: '2025-01-20', end: '2025-02-10', budget: 1000 },
  { id: 'C2', name: 'Women day', start: '2025-03-01', end: '2025-03-08' },
];

export const orders = [
  { id: 'O1', customerId: 'K1', time: '2025-01-25T10:00:00+07:00', revenue: 100, campaignId: 'C1', channel: 'web' },
  { id: 'O2', customerId: 'K2', time: '2025-01-26T09:30:00+07:00', revenue: 250.5, discount: 20, campaignId: 'C1' },
  { id: 'O3', customerId: 'K1', time: '2025-03-02T12:00:00+07:00', revenue: 80, campaignId: 'C2', channel: 'store' },
];

const ordersCsv = [
  'id,customerId,time,revenue,discount,campaignId,channel',
  ...orders.map((o) =>
    [o.id, o.customerId, o.time, o.revenue, o.discount ?? '', o.campaignId, o.channel ?? ''].join(','),
  ),
].join('\n');

const viOrdersCsv =
  '\ufeffMã đơn;Mã khách;Thời gian;Doanh thu;Giảm giá;Chiến dịch;Kênh\r\n' +
  'D1;KH001;2025-01-25 10:00:00;1.234,5;100;C1;"Cửa hàng; Quận 1"\r\n' +
  'D2;KH002;2025-01-26 11:00:00;250000;0;C1;web\r\n' +
  'D3;KH001;2025-01-27 12:00:00;12,5;;;"app ""mới"""\r\n' +
  'D4;KH003;2025-01-28 13:00:00;abc;;C1;web\r\n';

/** The POS export's orders and loyalty events in canonical form (what the mappings must give). */
export const posOrders = [
  {
    id: 'HD1',
    customerId: 'KH1',
    time: '2025-01-25T10:00:00+07:00',
    revenue: 120000,
    campaignId: 'C1',
    channel: 'store',
    attributes: { store: 'Q1-01', region: 'HCM', category: 'FMCG' },
  },
  {
    id: 'HD2',
    customerId: 'KH2',
    time: '2025-01-25T11:00:00+07:00',
    revenue: 80000,
    campaignId: 'C1',
    channel: 'web',
    attributes: { region: 'HN', category: 'Fresh' },
  },
  {
    id: 'HD3',
    customerId: 'KH1',
    time: '2025-01-26T09:00:00+07:00',
    revenue: 45500.5,
    channel: 'store',
    attributes: { store: 'HN-02', region: 'HN', category: 'Beauty; Care' },
  },
  { id: 'HD4', customerId: 'KH3', time: '2025-01-26T12:00:00+07:00', revenue: 30000, channel: 'app' },
];
export const posLoyalty = [
  { customerId: 'KH1', time: '2025-01-25T10:00:00+07:00', earned: 12, redeemed: 0, channel: 'store' },
  { customerId: 'KH2', time: '2025-01-25T20:00:00+07:00', earned: 0, redeemed: 50, channel: 'zalo' },
  { customerId: 'KH3', time: '2025-01-26T12:00:00+07:00', earned: 3, redeemed: 0 },
];
const csvCell = (v) =>
  v === undefined ? '' : /[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
const posOrdersCsv = [
  'Số HĐ,Mã KH,Thời gian,Doanh thu,Chiến dịch,Kênh,Cửa hàng,Khu vực,Ngành hàng',
  ...posOrders.map((o) =>
    [
      o.id,
      o.customerId,
      o.time,
      o.revenue,
      o.campaignId,
      o.channel,
      o.attributes?.store,
      o.attributes?.region,
      o.attributes?.category,
    ]
      .map(csvCell)
      .join(','),
  ),
].join('\r\n');
const posLoyaltyCsv = [
  'Mã KH,Thời gian,Điểm cộng,Điểm đổi,Kênh',
  ...posLoyalty.map((l) => [l.customerId, l.time, l.earned, l.redeemed, l.channel].map(csvCell).join(',')),
].join('\n');
const posExport = {
  orders: posOrders.map((o) => ({
    so_hd: o.id,
    khach: { ma: o.customerId },
    thoi_gian: o.time,
    doanh_thu: o.revenue,
    chien_dich: o.campaignId ?? null,
    kenh: o.channel,
    cua_hang: o.attributes?.store ?? null,
    khu_vuc: o.attributes?.region ?? '',
    nganh_hang: o.attributes?.category,
  })),
  loyalty: posLoyalty.map((l) => ({
    khach: { ma: l.customerId },
    time: l.time,
    earned: l.earned,
    redeemed: l.redeemed,
    kenh: l.channel,
  })),
};

const campaignsCsv = [
  'id,name,start,end,budget,targets.roi',
  'C1,"Tết sale",2025-01-20,2025-02-10,1000,2',
  'C2,Women day,2025-03-01,2025-03-08,,',
].join('\n');

/** The events of /sse-records: [id or null, message] of the first and the resumed connection. */
export const sseRecordEvents = {
  first: [
    ['r1', { costs: [{ campaignId: 'C1', date: '2025-01-25', amount: 100, category: 'media' }] }],
    ['r1', { costs: [{ campaignId: 'C1', date: '2025-01-25', amount: 100, category: 'media' }] }],
    [null, { exposures: [{ campaignId: 'C1', date: '2025-01-25', impressions: 1000, clicks: 10 }] }],
    ['r2', { exposures: [{ campaignId: 'C1', date: '2025-01-26', impressions: 500, clicks: 4 }] }],
  ],
  resumed: [
    ['r2', { exposures: [{ campaignId: 'C1', date: '2025-01-26', impressions: 500, clicks: 4 }] }],
    ['r3', { costs: [{ campaignId: 'C1', date: '2025-01-26', amount: 50, category: 'staff' }] }],
  ],
};

function sseEvents(from, drop) {
  const out = [];
  for (let i = from; i < from + drop; i++) {
    const n = Math.floor(i / 2) + 1; // each order twice
    out.push({
      id: `e${i}`,
      order: { id: `O-${n}`, customerId: `K${n % 3}`, time: Date.UTC(2025, 0, 1, 0, n), revenue: 10 },
    });
  }
  return out;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startTestServer() {
  let counter = 0;
  let flaky = 0;
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, last-event-id, accept, content-type',
    'access-control-expose-headers': '*',
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status, body, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, ...cors });
      res.end(body);
    };
    if (req.method === 'OPTIONS') return send(204, '');
    const p = url.pathname;
    if (p === '/data.json') return send(200, JSON.stringify({ campaigns, orders }));
    if (p === '/campaigns.json') return send(200, JSON.stringify(campaigns));
    if (p === '/orders.json') return send(200, JSON.stringify({ orders }));
    if (p === '/auth.json')
      return req.headers.authorization === 'Bearer secret-token'
        ? send(200, JSON.stringify({ campaigns, orders }))
        : send(401, '{"error":"unauthorized"}');
    if (p.startsWith('/status/')) return send(Number(p.slice(8)), 'failure', 'text/plain');
    if (p === '/slow.json') {
      const t = setTimeout(
        () => send(200, JSON.stringify({ campaigns, orders })),
        Number(url.searchParams.get('ms') ?? 2000),
      );
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (p === '/bad.json') return send(200, '{"orders": [{"id": "O1",');
    if (p === '/orders.csv') return send(200, ordersCsv, 'text/csv; charset=utf-8');
    if (p === '/vi-orders.csv') return send(200, viOrdersCsv, 'text/csv; charset=utf-8');
    if (p === '/pos-orders.csv') return send(200, posOrdersCsv, 'text/csv; charset=utf-8');
    if (p === '/pos-loyalty.csv') return send(200, posLoyaltyCsv, 'text/csv; charset=utf-8');
    if (p === '/pos-export.json') return send(200, JSON.stringify(posExport));
    if (p === '/campaigns.csv') return send(200, campaignsCsv, 'text/csv; charset=utf-8');
    if (p === '/bad.csv') return send(200, 'id,customerId,time,revenue\nO1,K1,"2025-01-01T00:00:00Z,5\n', 'text/csv');
    if (p === '/counter.json') {
      counter++;
      const list = Array.from({ length: counter }, (_, i) => ({
        id: `P${i + 1}`,
        customerId: 'K1',
        time: Date.UTC(2025, 0, 1, i),
        revenue: 1,
      }));
      return send(200, JSON.stringify({ orders: list }));
    }
    if (p === '/flaky.json') {
      flaky++;
      return flaky % 2 === 0
        ? send(503, 'busy', 'text/plain')
        : send(200, JSON.stringify({ orders: orders.slice(0, flaky > 2 ? 3 : 1) }));
    }
    if (p === '/sse-status') return send(500, 'down', 'text/plain');
    if (p === '/sse-records') {
      const resumed = req.headers['last-event-id'] === 'r2';
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...cors });
      res.write(': hello\n\n');
      const events = resumed ? sseRecordEvents.resumed : sseRecordEvents.first;
      let i = 0;
      const tick = setInterval(() => {
        if (i >= events.length) {
          clearInterval(tick);
          if (!resumed) res.destroy(); // drop; the resumed connection stays open, quiet
          return;
        }
        const [id, message] = events[i++];
        res.write(`${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(message)}\n\n`);
      }, 5);
      res.on('close', () => clearInterval(tick));
      return;
    }
    if (p === '/sse') {
      const drop = Number(url.searchParams.get('drop') ?? 4);
      const last = req.headers['last-event-id'];
      const from = last ? Number(String(last).slice(1)) + 1 : 0;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...cors });
      res.write(': hello\n\n');
      const events = sseEvents(from, drop);
      let i = 0;
      const tick = setInterval(() => {
        if (i >= events.length || from >= 12) {
          clearInterval(tick);
          if (from < 12) res.destroy(); // drop the connection mid-stream
          return;
        }
        const e = events[i++];
        res.write(`id: ${e.id}\ndata: ${JSON.stringify({ orders: [e.order] })}\n\n`);
      }, 5);
      res.on('close', () => clearInterval(tick));
      return;
    }
    send(404, 'not found', 'text/plain');
  });
  const wss = new WebSocketServer({ noServer: true });
  let wsConnections = 0;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/ws') return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const drop = Number(url.searchParams.get('drop') ?? 4);
      const n = wsConnections++;
      // Each new connection replays the last message of the previous one (same id): at-least-once.
      const from = n === 0 ? 0 : n * drop - 1;
      const events = sseEvents(from, drop);
      let i = 0;
      const tick = setInterval(() => {
        if (from >= 11) return clearInterval(tick); // after three connections: stay open, quiet
        if (i >= events.length) {
          clearInterval(tick);
          ws.terminate(); // drop
          return;
        }
        const e = events[i++];
        ws.send(JSON.stringify({ id: e.id, orders: [e.order] }));
        if (i === 1) ws.send('not json'); // an unreadable message is reported, not fatal
      }, 5);
      ws.on('close', () => clearInterval(tick));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    reset() {
      counter = 0;
      flaky = 0;
      wsConnections = 0;
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
