// The Vue typings of the package: each element is a global component whose props are typed.
import type { GlobalComponents } from 'vue';
import type { QueryChangeDetail } from 'promo-kpi-kit';
import 'promo-kpi-kit/vue';

type Props<C> = C extends new (...args: never[]) => { $props: infer P } ? P : never;
type BoardProps = Props<GlobalComponents['promo-kpi-board']>;

export const board: BoardProps = {
  kpis: 'revenue,roi',
  targets: { revenue: 5_000_000_000 },
  timeZone: 'Asia/Ho_Chi_Minh',
  'onpromo-query-change': (e) => {
    const detail: QueryChangeDetail = e.detail;
    console.log(detail.query.from);
  },
};
// @ts-expect-error a number is not a list of KPIs
export const wrong: BoardProps = { kpis: 42 };
export const tile: Props<GlobalComponents['PromoKpiTile']> = { kpi: 'revenue', value: 1_284_500_000 };
