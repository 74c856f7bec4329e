// The Svelte typings of the package: the elements' attributes, properties and events.
import type { SvelteHTMLElements } from 'svelte/elements';
import type { QueryChangeDetail } from 'promo-kpi-kit';
import 'promo-kpi-kit/svelte';

export const board: SvelteHTMLElements['promo-kpi-board'] = {
  kpis: ['revenue', 'roi'],
  targets: '{"revenue": 5000000000}',
  'time-zone': 'Asia/Ho_Chi_Minh',
  class: 'sales',
  'onpromo-query-change': (e) => {
    const detail: QueryChangeDetail = e.detail;
    console.log(detail.query.to);
  },
};
// @ts-expect-error a number is not a list of KPIs
export const wrong: SvelteHTMLElements['promo-kpi-board'] = { kpis: 42 };
