/** The demo generator: deterministic, realistic in shape, valid per the spec, fast. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOrderStream, generateDemoData, DEMO_CHANNELS, DEMO_TIME_ZONE } from '../../../demo/generate.js';
import { createDataset } from '../../../src/data/dataset.js';

describe('demo data', () => {
  // CPU time, not wall time: the machine running the tests may be busy with other work.
  const cpu0 = process.cpuUsage();
  const data = generateDemoData();
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;

  it('is generated in under two seconds of CPU time', () => {
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  it('is the same for the same seed, and differs for another', () => {
    const again = generateDemoData();
    assert.equal(again.orders.length, data.orders.length);
    assert.deepEqual(again.orders.slice(-3), data.orders.slice(-3));
    assert.deepEqual(again.costs, data.costs);
    const other = generateDemoData({ seed: 7 });
    assert.notDeepEqual(other.orders.slice(0, 50), data.orders.slice(0, 50));
  });

  it('is valid input: the dataset reports no issue', () => {
    const ds = createDataset(data, { timeZone: DEMO_TIME_ZONE });
    assert.deepEqual(ds.issues, []);
    assert.equal(ds.orders.length, data.orders.length);
  });

  it('looks like a Vietnamese retailer: ~200k orders in 2025, VND amounts, +07:00 times, five channels', () => {
    assert.ok(data.orders.length > 190_000 && data.orders.length < 215_000, String(data.orders.length));
    assert.ok(data.orders.every((o) => o.time.startsWith('2025-') && o.time.endsWith('+07:00')));
    assert.ok(
      data.orders.every((o) => Number.isInteger(o.revenue / 1000)),
      'amounts in whole thousands of đồng',
    );
    assert.deepEqual([...new Set(data.orders.map((o) => o.channel))].sort(), [...DEMO_CHANNELS].sort());
    const unattributed = data.orders.filter((o) => o.campaignId === null).length;
    assert.ok(unattributed > data.orders.length * 0.5, 'most orders have no campaign');
    assert.ok(data.costs.length > 0 && data.exposures.length > 0 && data.loyalty.length > 0);
  });

  it('runs the Tết sale, 11.11 and 12.12 flash sales, buy-one-get-one and double points, with budgets', () => {
    const byId = Object.fromEntries(data.campaigns.map((c) => [c.id, c]));
    assert.equal(byId['FLASH-1111']!.start, '2025-11-11');
    assert.equal(byId['FLASH-1111']!.end, '2025-11-11');
    assert.equal(byId['FLASH-1212']!.start, '2025-12-12');
    assert.match(byId['TET']!.name, /Tết/);
    assert.equal(byId['BOGO']!.type, 'bundle');
    assert.equal(byId['LOYALTY-X2']!.type, 'points');
    assert.ok(data.campaigns.every((c) => (c.budget ?? 0) > 0));
    // 11.11 sells several times an ordinary day.
    const day = (d: string) => data.orders.filter((o) => o.time.startsWith(d)).length;
    assert.ok(day('2025-11-11') > 3 * day('2025-11-04'));
  });

  it('streams new orders that continue the ids and append cleanly', () => {
    const ds = createDataset(data, { timeZone: DEMO_TIME_ZONE });
    const stream = createOrderStream(data);
    const batch = stream.next(20);
    assert.equal(batch.orders[0]!.id, `DH${String(data.orders.length + 1).padStart(7, '0')}`);
    const r = ds.append(batch);
    assert.equal(r.added.orders, 20);
    assert.deepEqual(r.issues, []);
  });
});
