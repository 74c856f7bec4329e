/**
 * The KPI tiles of the board's default layout, in order: ids of the kit's KPIs (declared in
 * `builtins.ts`). A list of its own, so the board knows its default tiles without loading
 * the KPI declarations (their formulas and labels travel with each report).
 *
 * DOM-free.
 */
export const DEFAULT_BOARD_KPIS: readonly string[] = Object.freeze([
  'revenue',
  'grossProfit',
  'roi',
  'aov',
  'conversionRate',
  'newCustomers',
  'cac',
  'retentionRate',
]);
