/**
 * Large input reaches the report worker in chunks (Chromium): no single message carries more
 * than LOAD_CHUNK records, the dataset (numbers, issues, summary) is the one a single load
 * builds, and a load stopped by its signal sends nothing more.
 */
import { expect } from '@open-wc/testing';
import { createReportWorker, LOAD_CHUNK } from '../../src/engine/report-worker.js';
import { computeReport } from '../../src/engine/report.js';
import { createDataset } from '../../src/data/dataset.js';
import type { DataInput } from '../../src/data/records.js';
import type { WorkerRequest } from '../../src/engine/worker-protocol.js';

const workerUrl = new URL('../../src/engine/worker.ts', import.meta.url);
const DAY = 86_400_000;
const NOV1 = Date.UTC(2026, 10, 1);

/** 120 000 orders over 30 days (revenue 1 + i % 3), with bad rows far into the later chunks. */
function bigInput(): DataInput {
  const orders: unknown[] = [];
  for (let i = 0; i < 120_000; i++)
    orders.push({
      id: `o${i}`,
      customerId: `u${i % 9_000}`,
      time: new Date(NOV1 + (i % 30) * DAY + (i % 1000) * 1000).toISOString(),
      revenue: 1 + (i % 3),
      campaignId: i % 2 ? 'C1' : 'C2',
      channel: i < 100_000 ? 'web' : 'app',
    });
  orders[60_000] = { ...(orders[60_000] as object), revenue: 'twelve' };
  orders[110_000] = { ...(orders[110_000] as object), id: 'o5' };
  orders[115_000] = { ...(orders[115_000] as object), campaignId: 'NOPE' };
  return {
    campaigns: [
      { id: 'C1', name: 'Tết', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
      { id: 'C2', name: 'Flash', start: '2026-11-01', end: '2026-11-30' },
    ],
    orders,
    costs: [{ campaignId: 'C1', date: '2026-11-02', amount: 100, category: 'media' }],
  } as unknown as DataInput;
}

/** A real worker whose posted messages are recorded. */
function recordedWorker(): { worker: Worker; sent: WorkerRequest[] } {
  const worker = new Worker(workerUrl, { type: 'module' });
  const sent: WorkerRequest[] = [];
  const post = worker.postMessage.bind(worker) as (m: unknown) => void;
  worker.postMessage = ((m: WorkerRequest) => {
    sent.push(m);
    post(m);
  }) as typeof worker.postMessage;
  return { worker, sent };
}

const options = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Ho_Chi_Minh' };

describe('report worker: chunked load', () => {
  it('sends long lists in chunks and builds the same dataset as a single load', async () => {
    const input = bigInput();
    const { worker, sent } = recordedWorker();
    const w = createReportWorker({ worker });
    try {
      const loaded = await w.load(input, { timeZone: options.timeZone });
      expect(sent.map((m) => m.type)).to.deep.equal([
        'load-begin',
        'load-chunk',
        'load-chunk',
        'load-chunk',
        'load-end',
      ]);
      const chunks = sent.filter((m) => m.type === 'load-chunk') as { key: string; records: unknown[] }[];
      expect(chunks.map((m) => [m.key, m.records.length])).to.deep.equal([
        ['orders', 50_000],
        ['orders', 50_000],
        ['orders', 20_000],
      ]);
      expect(LOAD_CHUNK).to.equal(50_000);
      // The first message carries the short lists and leaves the long one empty.
      const begin = sent[0] as { input: { orders: unknown[]; campaigns: unknown[] } };
      expect(begin.input.orders).to.deep.equal([]);
      expect(begin.input.campaigns).to.have.length(2);

      const page = createDataset(input, { timeZone: options.timeZone });
      // 120 000 - the bad revenue - the repeated id.
      expect(loaded.orders).to.equal(119_998);
      expect(loaded.issues).to.equal(page.issues.length);
      expect(loaded.summary).to.deep.equal({
        campaigns: [
          { id: 'C1', name: 'Tết', start: '2026-11-01', end: '2026-11-30', budget: 1000, type: null, targets: {} },
          { id: 'C2', name: 'Flash', start: '2026-11-01', end: '2026-11-30', budget: null, type: null, targets: {} },
        ],
        channels: ['web', 'app'],
        attributes: {},
        lastDay: page.orders.day.reduce((a, b) => Math.max(a, b), -Infinity),
        orders: 119_998,
      });
      const report = await w.report(options);
      expect(report).to.deep.equal(computeReport(input as never, options));
      // Issues keep the index of the record in the whole list, not in its chunk.
      expect(report.issues.map((i) => i.index)).to.include.members([60_000, 110_000, 115_000]);

      const appended = await w.append({
        orders: [{ id: 'live', customerId: 'z', time: '2026-11-30T20:00:00Z', revenue: 7, channel: 'kiosk' }],
      } as never);
      expect(appended.added.orders).to.equal(1);
      expect(appended.summary.channels).to.deep.equal(['web', 'app', 'kiosk']);
      expect(appended.summary.orders).to.equal(119_999);
    } finally {
      w.terminate();
    }
  });

  it('sends small input in one message', async () => {
    const { worker, sent } = recordedWorker();
    const w = createReportWorker({ worker });
    try {
      const loaded = await w.load({ orders: [{ id: 'a', customerId: 'x', time: '2026-11-01T00:00:00Z', revenue: 3 }] });
      expect(sent.map((m) => m.type)).to.deep.equal(['load']);
      expect(loaded.summary.orders).to.equal(1);
    } finally {
      w.terminate();
    }
  });

  it('stops posting chunks when the load is aborted', async () => {
    const { worker, sent } = recordedWorker();
    const w = createReportWorker({ worker });
    const abort = new AbortController();
    try {
      const loading = w.load(bigInput(), { signal: abort.signal });
      abort.abort();
      let error: unknown = null;
      try {
        await loading;
      } catch (e) {
        error = e;
      }
      expect((error as Error | null)?.name).to.equal('AbortError');
      expect(sent.map((m) => m.type)).to.deep.equal(['load-begin']);
    } finally {
      w.terminate();
    }
  });
});
