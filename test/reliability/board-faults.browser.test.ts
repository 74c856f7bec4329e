/**
 * Adapter faults through the board, against the real local test server (test/server,
 * started by web-test-runner): the board shows the error with a retry button, keeps the last
 * good numbers, recovers on retry, and a stream that drops and delivers twice counts every
 * order once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import { jsonAdapter } from '../../src/adapters/json.js';
import { csvAdapter } from '../../src/adapters/csv.js';
import { sseAdapter } from '../../src/adapters/live.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { Report } from '../../src/engine/report-types.js';

let base = '';
before(async () => {
  base = ((await (await fetch('/__adapter-test-server')).json()) as { url: string }).url;
});

/** Revenue of every order of the period (attributed or not). */
const allRevenue = (r: Report | null) => r!.daily.reduce((s, d) => s + d.allRevenue, 0);
// test/server data: O1 100 + O2 250.5 (C1), O3 80 (C2).
const GOOD_REVENUE = 430.5;

function message(board: PromoKpiBoard): HTMLElement | null {
  return board.shadowRoot!.querySelector('[part="message"]');
}

describe('board: adapter faults keep the last good numbers', () => {
  const faults: [string, () => Adapter, RegExp][] = [
    ['HTTP 500', () => jsonAdapter({ src: `${base}/status/500` }), /500/],
    ['HTTP 404', () => jsonAdapter({ src: `${base}/status/404` }), /404/],
    ['HTTP 401', () => jsonAdapter({ src: `${base}/status/401` }), /401/],
    ['malformed JSON', () => jsonAdapter({ src: `${base}/bad.json` }), /JSON/],
    ['timeout', () => jsonAdapter({ src: `${base}/slow.json?ms=5000`, timeoutMs: 200 }), /time/i],
    ['unterminated CSV', () => csvAdapter({ src: `${base}/bad.csv` }), /quote|CSV|bad\.csv/i],
    ['unreachable server', () => jsonAdapter({ src: 'http://127.0.0.1:9/data.json' }), /reached|connection/i],
  ];
  for (const [name, make, pattern] of faults) {
    it(name, async () => {
      let active: Adapter = jsonAdapter({ src: `${base}/data.json` });
      const adapter: Adapter = { load: (q, c) => active.load(q, c) };
      const errors: string[] = [];
      const board = await fixture<PromoKpiBoard>(
        html`<promo-kpi-board
          .adapter=${adapter}
          from="2025-01-01"
          to="2025-03-31"
          time-zone="Asia/Ho_Chi_Minh"
          layout="tiles"
          @promo-board-error=${(e: CustomEvent<{ message: string }>) => errors.push(e.detail.message)}
        ></promo-kpi-board>`,
      );
      const good = await board.reportComplete();
      expect(allRevenue(good)).to.equal(GOOD_REVENUE);
      const goodOrders = good!.kpis.orders!.value;
      expect(goodOrders).to.equal(3);

      // The fault: reload through the failing source.
      active = make();
      board.reload();
      await waitUntil(() => errors.length > 0, 'an error event', { timeout: 8000 });
      await board.updateComplete;
      expect(errors[0]).to.match(pattern);
      const msg = message(board)!;
      expect(msg, 'an error message').to.not.equal(null);
      expect(msg.getAttribute('role')).to.equal('alert');
      expect(msg.textContent).to.match(pattern);
      // The last good numbers stay on screen.
      expect(board.currentReport, 'report kept').to.equal(good);
      const tiles = [...board.shadowRoot!.querySelectorAll('promo-kpi-tile')];
      expect(tiles.length).to.be.greaterThan(0);
      const revenueTile = tiles.find((t) => t.getAttribute('kpi') === 'revenue')!;
      await revenueTile.updateComplete;
      expect(revenueTile.shadowRoot!.textContent).to.match(/430/);

      // Retry (the button) once the source is healthy: the error clears, nothing counted twice.
      active = jsonAdapter({ src: `${base}/data.json` });
      const retry = msg.querySelector('button')!;
      expect(retry, 'a retry button').to.not.equal(null);
      retry.click();
      await waitUntil(
        () =>
          board.shadowRoot!.querySelector('[part="message"]') === null &&
          !board.currentReport!.issues.length &&
          board.currentReport !== good,
        'recovered',
        { timeout: 8000 },
      ).catch(() => undefined);
      const again = await board.reportComplete();
      expect(message(board), 'the error is gone').to.equal(null);
      expect(again!.kpis.orders!.value).to.equal(goodOrders);
      expect(allRevenue(again)).to.equal(GOOD_REVENUE);
    });
  }

  it('a live stream that drops, reconnects and delivers every order twice: each counted once', async () => {
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board
        .adapter=${sseAdapter({
          url: `${base}/sse?drop=4`,
          base: jsonAdapter({ src: `${base}/data.json` }),
          retry: { initialMs: 20, maxMs: 50 },
        })}
        from="2025-01-01"
        to="2025-03-31"
        time-zone="UTC"
        layout="tiles"
      ></promo-kpi-board>`,
    );
    await board.reportComplete();
    // The server sends O-1, O-1, O-2, O-2, ... (10 each), drops the connection every four
    // events and resumes after Last-Event-ID; depending on where a drop cuts, up to O-8 go out.
    await waitUntil(async () => allRevenue(await board.reportComplete()) >= GOOD_REVENUE + 60, 'the stream orders', {
      timeout: 10_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    const r = await board.reportComplete();
    const streamed = allRevenue(r) - GOOD_REVENUE;
    const k = streamed / 10; // distinct stream orders counted
    expect(Number.isInteger(k) && k >= 6 && k <= 8, `stream revenue ${streamed}`).to.equal(true);
    // Every repeat was reported as a duplicate and left out: O-1 .. O-(k-1) at least.
    const dupes = new Set(r!.issues.filter((i) => /duplicate/.test(i.message)).map((i) => i.id));
    for (let n = 1; n < k; n++) expect(dupes.has(`O-${n}`), `O-${n} repeat reported`).to.equal(true);
    for (const id of dupes) expect(Number(id!.slice(2))).to.be.at.most(k);
    expect(
      r!.daily.reduce((s, d) => s + d.orders, 0),
      'attributed orders unchanged',
    ).to.equal(3);
    expect(board.shadowRoot!.querySelector('.live'), 'the live marker').to.not.equal(null);
  });
});
