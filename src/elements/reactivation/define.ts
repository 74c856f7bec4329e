import { PromoReactivation } from './reactivation.js';

export { PromoReactivation };
export { REACTIVATION_LISTS, segmentLabels } from './reactivation.js';
export type { ReactivationList, PromoSegmentSelectDetail } from './reactivation.js';

if (!customElements.get('promo-reactivation')) customElements.define('promo-reactivation', PromoReactivation);

declare global {
  interface HTMLElementTagNameMap {
    'promo-reactivation': PromoReactivation;
  }
  interface HTMLElementEventMap {
    'promo-segment-select': CustomEvent<import('./reactivation.js').PromoSegmentSelectDetail>;
  }
}
