/** Value-by-value comparison of two reports, numbers within a relative tolerance. */
import type { DataIssue } from '../../src/core/issues.js';
import type { Report } from '../../src/engine/report-types.js';

/** Paths where `actual` and `expected` differ (numbers: |a - b| <= tol x max(1, |a|, |b|)). */
export function differences(actual: unknown, expected: unknown, tol = 1e-9, path = '$', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol * scale)) out.push(`${path}: ${actual} != ${expected}`);
    return out;
  }
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== expected.length) {
      out.push(`${path}: ${JSON.stringify(actual)?.slice(0, 200)} != ${JSON.stringify(expected)?.slice(0, 200)}`);
      return out;
    }
    actual.forEach((v, i) => differences(v, expected[i], tol, `${path}[${i}]`, out));
    return out;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const ka = Object.keys(actual).sort();
    const kb = Object.keys(expected).sort();
    if (ka.join('|') !== kb.join('|')) out.push(`${path}: keys ${ka.join(',')} != ${kb.join(',')}`);
    for (const k of ka)
      if (k in (expected as object))
        differences(
          (actual as Record<string, unknown>)[k],
          (expected as Record<string, unknown>)[k],
          tol,
          `${path}.${k}`,
          out,
        );
    return out;
  }
  if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  return out;
}

/** Issues without the record index (a warehouse table has no row order), sorted. */
export function issueSet(issues: readonly DataIssue[]): string[] {
  return issues.map((i) => `${i.collection} ${i.path} ${i.message}`).sort();
}

/** Every difference between a pushdown report and the engine's, issues compared as sets. */
export function reportDifferences(actual: Report, expected: Report): string[] {
  const { issues: ia, ...a } = actual;
  const { issues: ie, ...e } = expected;
  const out = differences(a, e);
  const sa = issueSet(ia);
  const se = issueSet(ie);
  if (sa.join('\n') !== se.join('\n'))
    out.push(`issues:\n  pushdown ${sa.join('\n    ')}\n  engine   ${se.join('\n    ')}`);
  return out;
}

/**
 * Why a report's daily points would make a vacuous comparison: every daily value must
 * vary (days with cogs known and unknown, with and without exposure records, new
 * customers, loyalty points), so a pushdown that dropped one would differ. Empty when
 * none.
 */
export function dailyCoverageGaps(r: Report): string[] {
  const some = (f: (d: Report['daily'][number]) => boolean) => r.daily.some(f);
  const need: [string, boolean][] = [
    ['a day with gross profit known', some((d) => typeof d.grossProfit === 'number' && d.grossProfit !== 0)],
    ['a day with an order lacking cogs', some((d) => d.cogs === null)],
    ['a day with exposure records', some((d) => typeof d.reach === 'number' && d.reach > 0 && d.clicks! > 0)],
    ['a day without exposure records', some((d) => d.reach === null)],
    ['a day with new customers', some((d) => d.newCustomers! > 0)],
    ['a day with points earned and redeemed', some((d) => d.pointsEarned! > 0 && d.pointsRedeemed! > 0)],
    ['a day with spend and discounts', some((d) => d.spend > 0 && d.discountCost > 0)],
  ];
  return need.filter(([, ok]) => !ok).map(([what]) => `no ${what}`);
}
