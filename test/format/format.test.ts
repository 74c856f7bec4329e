import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeChange, formatDelta, formatValue } from '../../src/format/format.js';

/** Intl puts narrow or plain no-break spaces around units; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('compact amounts', () => {
  it('Vietnamese amounts use the scale words people read (tỷ, tr, nghìn), symbol after', () => {
    const vi = (v: number) => plain(formatValue(v, 'currency', { locale: 'vi', currency: 'VND', compact: true }));
    assert.equal(vi(1.3e9), '1,3 tỷ ₫');
    assert.equal(vi(900e6), '900 tr ₫');
    assert.equal(vi(12_300), '12,3 nghìn ₫');
    assert.equal(vi(-5.2e9), '-5,2 tỷ ₫');
    assert.equal(vi(1.3e12), '1,3 nghìn tỷ ₫');
    assert.equal(plain(formatValue(2.5e6, 'count', { locale: 'vi', compact: true })), '2,5 tr');
  });

  it('other locales keep Intl short compact forms, without padded decimals', () => {
    assert.equal(formatValue(900e6, 'currency', { locale: 'en', currency: 'USD', compact: true }), '$900M');
    assert.equal(formatValue(1.3e9, 'currency', { locale: 'en', currency: 'VND', compact: true }), '₫1.3B');
  });

  it('full values are unchanged', () => {
    assert.equal(plain(formatValue(1_284_500_000, 'currency', { locale: 'vi', currency: 'VND' })), '1.284.500.000 ₫');
  });
});

describe('percent precision', () => {
  it('every ratio and relative change shows one decimal', () => {
    assert.match(formatValue(0.01, 'ratio', { locale: 'en' }), /^1\.0%$/);
    assert.match(formatValue(0.008, 'ratio', { locale: 'en' }), /^0\.8%$/);
    assert.match(formatValue(0.15, 'ratio', { locale: 'en' }), /^15\.0%$/);
    assert.match(formatDelta(0.1, { locale: 'en' }), /^\+10\.0%$/);
  });
});

describe('describeChange (KPI-SPEC section 3)', () => {
  it('a positive base gives the percent change', () => {
    const c = describeChange({ value: 90, previous: 100, delta: -0.1 }, 'count', { locale: 'en' })!;
    assert.deepEqual([c.kind, c.text, c.trend], ['percent', '\u221210.0%', 'down']);
    assert.equal(c.amount, -0.1);
  });

  it('a zero or negative base gives the absolute change, never a percent', () => {
    const neg = describeChange({ value: 2_000_000_000, previous: -44_719_000, delta: null }, 'currency', {
      locale: 'vi',
      currency: 'VND',
    })!;
    assert.equal(neg.kind, 'absolute');
    assert.equal(plain(neg.text), '+2.044.719.000 ₫');
    assert.equal(neg.trend, 'up');
    const zero = describeChange({ value: 5, previous: 0, delta: null }, 'count', { locale: 'en' })!;
    assert.deepEqual([zero.kind, zero.text, zero.trend], ['absolute', '+5', 'up']);
    assert.equal(zero.amount, 5);
  });

  it('ratio KPIs change in percentage points, even from a negative base', () => {
    const c = describeChange({ value: 0.5, previous: -0.041, delta: null }, 'ratio', { locale: 'en' })!;
    assert.deepEqual([c.kind, c.text, c.trend], ['points', '+54.1', 'up']);
    const d = describeChange({ value: 0.03, previous: 0.05, delta: -0.4 }, 'ratio', { locale: 'en' })!;
    assert.deepEqual([d.kind, d.text, d.trend], ['points', '\u22122.0', 'down']);
    assert.ok(Math.abs(d.amount - -2) < 1e-9);
  });

  it('a change that rounds to zero is flat, whatever its sign', () => {
    const up = describeChange({ value: 100.03, previous: 100, delta: 0.0003 }, 'currency', {
      locale: 'en',
      currency: 'VND',
    })!;
    assert.equal(up.trend, 'flat');
    assert.doesNotMatch(up.text, /^[+\u2212]/);
    const pts = describeChange({ value: 0.12301, previous: 0.123, delta: 0.0001 }, 'ratio', { locale: 'en' })!;
    assert.equal(pts.trend, 'flat');
  });

  it('nothing to compare gives null', () => {
    assert.equal(describeChange({ value: 1, previous: null }, 'count'), null);
    assert.equal(describeChange({ value: null, previous: 1 }, 'count'), null);
  });
});
