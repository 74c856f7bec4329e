/**
 * A memory benchmark, run by `npm run bench heap` (not by `npm test`: heap figures drift by
 * megabytes with the load of a shared machine). The deterministic leak checks (listeners,
 * observers, workers, timers back to baseline) are in leaks.test.ts and run in every test run.
 *
 * Mounting the board, replacing its data and streaming into it must not keep what each cycle
 * made. The check is on objects, not megabytes: every board, every data input and every report
 * is watched through a WeakRef, and after a full GC (gc() from --js-flags=--expose-gc, in
 * web-test-runner.config.mjs) none of the unmounted or replaced ones may still be alive.
 * The used heap after each batch (performance.memory) is printed for information only: in
 * Chromium it wandered from +2.5 MB to +29 MB over 360 cycles from run to run, on a different
 * scenario each time, while heap snapshots (CDP) after N and 3N cycles held the same number of
 * kit objects (boards, tiles, datasets, reports: none beyond the live board) and the snapshot's
 * total size grew by about 0.3 MB (V8's own code and feedback arrays, bounded).
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/kpi-board/define.js';
import '../../src/elements/campaign-chart/define.js';
import '../../src/elements/cohort-heatmap/define.js';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import type { Adapter, AdapterUpdate, SubscribeContext } from '../../src/adapters/adapter.js';
import { heapAfterGc } from './resource-ledger.js';

const MB = 1024 * 1024;

function data(seed: number) {
  return {
    campaigns: [
      { id: 'C1', name: 'Tết', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
      { id: 'C2', name: 'Flash', start: '2026-11-01', end: '2026-11-30', budget: 500 },
    ],
    orders: Array.from({ length: 200 }, (_, i) => ({
      id: `o${seed}-${i}`,
      customerId: `K${seed}-${i % 50}`,
      time: `2026-11-0${1 + (i % 7)}T10:00:00Z`,
      revenue: 100 + seed + i,
      cogs: 30,
      campaignId: i % 3 === 2 ? null : `C${1 + (i % 2)}`,
      channel: i % 2 ? 'web' : 'store',
    })),
  };
}

function newBoard(): PromoKpiBoard {
  const b = document.createElement('promo-kpi-board') as PromoKpiBoard;
  for (const [k, v] of [
    ['from', '2026-11-01'],
    ['to', '2026-11-07'],
    ['time-zone', 'UTC'],
    ['worker', 'never'],
  ])
    b.setAttribute(k, v!);
  return b;
}

/** Objects made by the cycles, watched without being kept. */
class Watch {
  private readonly refs: [string, WeakRef<object>][] = [];
  add(kind: string, o: object | null | undefined): void {
    if (o) this.refs.push([kind, new WeakRef(o)]);
  }
  /** Counts of the watched objects still alive among the first `n` watched, by kind (after a full GC). */
  alive(n = this.refs.length): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [kind, ref] of this.refs.slice(0, n)) if (ref.deref()) out[kind] = (out[kind] ?? 0) + 1;
    return out;
  }
  get size(): number {
    return this.refs.length;
  }
}

/**
 * Full collections run from their own task, with no JavaScript on the stack (V8's
 * `gc({ execution: 'async' })`): a gc() called from a script may find a stale pointer to some
 * recent object on the native stack and keep it alive for that collection (seen in Chromium:
 * now and then one board of hundreds, at a random cycle, that a heap snapshot never shows).
 */
async function fullGcOffStack(): Promise<void> {
  const gc = (globalThis as { gc?: (o?: object) => Promise<void> | void }).gc;
  for (let i = 0; i < 3; i++) {
    await gc?.({ type: 'major', execution: 'async' });
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Runs `batch` five times, prints the used heap after a full GC after each batch (information
 * only, see above), and returns the objects watched during the first four batches that are
 * still alive after the fifth. The last batch's objects are left out: its last board or report
 * may still be referenced for a moment by a pending task or by the board's current state,
 * which is not a leak; a leak keeps objects of every batch.
 */
async function cycles(watch: Watch, batch: () => Promise<void>): Promise<Record<string, number>> {
  const h: number[] = [];
  let early = 0;
  for (let i = 0; i < 5; i++) {
    if (i === 4) early = watch.size;
    await batch();
    const m = await heapAfterGc();
    if (m !== null) h.push(m);
  }
  await new Promise((r) => setTimeout(r, 50));
  await fullGcOffStack();
  const all = watch.alive();
  console.log(
    `heap after each batch, MB: ${h.map((x) => (x / MB).toFixed(1)).join(' ')}; ` +
      `watched ${watch.size}, alive ${JSON.stringify(all)}`,
  );
  return watch.alive(early);
}

describe('heap', function () {
  this.timeout(120_000);

  before(function () {
    if (!(globalThis as { gc?: unknown }).gc) this.skip();
  });

  it('mounting and unmounting the board: no board or report kept', async () => {
    const input = data(0);
    const watch = new Watch();
    const alive = await cycles(watch, async () => {
      for (let i = 0; i < 120; i++) {
        const b = newBoard();
        watch.add('board', b);
        b.data = input;
        document.body.append(b);
        if (i % 30 === 0) await b.reportComplete();
        else await b.updateComplete;
        watch.add('report', b.currentReport);
        b.remove();
      }
    });
    expect(watch.size).to.be.greaterThan(600);
    expect(alive, 'unmounted boards and their reports still alive').to.deep.equal({});
  });

  it('replacing the data: no replaced data or report kept', async () => {
    const b = newBoard();
    document.body.append(b);
    let seed = 0;
    const watch = new Watch();
    const alive = await cycles(watch, async () => {
      for (let i = 0; i < 120; i++) {
        const d = data(seed++);
        watch.add('data', d);
        b.data = d;
        if (i % 30 === 0) await b.reportComplete();
        else await b.updateComplete;
        watch.add('report', b.currentReport);
      }
      await b.reportComplete();
      watch.add('report', b.currentReport);
    });
    b.remove();
    expect(b.currentReport?.kpis.revenue?.value).to.be.a('number');
    expect(alive, 'replaced data inputs and reports still alive').to.deep.equal({});
  });

  it('streams subscribed and unsubscribed: no board or report kept', async () => {
    let n = 0;
    const adapter: Adapter = {
      load: async () => data(0),
      subscribe(onUpdate: (u: AdapterUpdate) => void, ctx: SubscribeContext) {
        const t = setInterval(
          () =>
            onUpdate({
              type: 'append',
              records: {
                orders: [
                  { id: `l${n++}`, customerId: 'L', time: '2026-11-03T00:00:00Z', revenue: 1, campaignId: 'C1' },
                ],
              },
            }),
          2,
        );
        ctx.signal.addEventListener('abort', () => clearInterval(t), { once: true });
      },
    };
    const watch = new Watch();
    const alive = await cycles(watch, async () => {
      for (let i = 0; i < 40; i++) {
        const b = newBoard();
        watch.add('board', b);
        b.adapter = adapter;
        document.body.append(b);
        await b.reportComplete();
        await new Promise((r) => setTimeout(r, 10));
        watch.add('report', b.currentReport);
        b.remove();
      }
    });
    expect(n).to.be.greaterThan(0);
    expect(alive, 'unsubscribed boards and their reports still alive').to.deep.equal({});
  });
});
