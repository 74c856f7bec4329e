import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { linearScale } from '../../../src/elements/shared/scale.js';
import { areaPath, linePath } from '../../../src/elements/shared/paths.js';

/** Amounts and fractions as the charts see them: up to 1e12, down to thousandths. */
const num = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n * 1000),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000),
);

test('linearScale maps, nices and ticks exactly as d3-scale scaleLinear', () => {
  fc.assert(
    fc.property(num, num, num, num, fc.integer({ min: 1, max: 20 }), fc.boolean(), (a, b, r0, r1, count, nice) => {
      fc.pre(a !== b);
      const ours = linearScale([a, b], [r0, r1], { nice });
      const d3 = scaleLinear().domain([a, b]);
      if (nice) d3.nice();
      d3.range([r0, r1]);
      // (-0 and 0 are the same number here.)
      const plain = (xs: readonly number[]) => xs.map((x) => x + 0);
      assert.deepEqual(plain(ours.domain), plain(d3.domain()));
      assert.deepEqual(plain(ours.ticks(count)), plain(d3.ticks(count)));
      const tolerance = 1e-9 * Math.max(1, Math.abs(r0), Math.abs(r1));
      for (const v of [a, b, (a + b) / 2, a - (b - a), 0]) {
        const x = ours(v);
        const y = d3(v);
        assert.ok(Math.abs(x - y) <= tolerance, `${v}: ${x} vs ${y}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('linearScale: clamp keeps outputs in the range; a one-value domain maps to the middle', () => {
  const s = linearScale([0, 10], [100, 200], { clamp: true });
  assert.equal(s(-5), 100);
  assert.equal(s(5), 150);
  assert.equal(s(50), 200);
  assert.equal(linearScale([3, 3], [0, 10])(3), 5);
  assert.equal(linearScale([3, 3], [0, 10])(99), 5);
  assert.deepEqual(linearScale([0, 0.97], [0, 1], { nice: true }).domain, [0, 1]);
});

test('linePath and areaPath draw what d3-shape line and area draw', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: -99, max: 999 }))), (pts) => {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      assert.equal(
        linePath(xs, ys),
        line<number>()
          .x((_, i) => xs[i])
          .y((v) => v)(ys) ?? '',
      );
      assert.equal(
        areaPath(xs, ys, 120),
        area<number>()
          .x((_, i) => xs[i])
          .y0(120)
          .y1((v) => v)(ys) ?? '',
      );
    }),
  );
});

test('linePath and areaPath leave a gap where a value is missing (d3-shape line().defined())', () => {
  // Day 2 has no value: the line stops after day 1 and starts again at day 3, never through zero.
  assert.equal(linePath([0, 10, 20, 30], [5, null, 7, 8]), 'M0,5ZM20,7L30,8');
  assert.equal(areaPath([0, 10, 20, 30], [5, null, 7, 8], 50), 'M0,5L0,50ZM20,7L30,8L30,50L20,50Z');
  assert.equal(linePath([0, 10], [Number.NaN, null]), '');
});
