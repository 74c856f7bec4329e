/**
 * What the board does with the requests of the widgets inside it: a campaign chosen in the
 * campaign chart filters the board to it (chosen again, the filter is cleared); a value chosen
 * in a breakdown filters by it; an empty state's next step clears the filters or goes to the
 * period controls. Every change goes through the board's `userChange` (one
 * `promo-query-change`).
 */
import type { PromoBreakdownSelectDetail } from '../breakdown/breakdown.js';
import type { FilterBarHost } from './filter-bar.js';
import { clearFilters } from './query.js';

/** What the actions need from the board. */
export type WidgetActionsHost = Pick<FilterBarHost, 'campaigns' | 'attributeFilters' | 'userChange'> & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/** The board's listeners for `promo-campaign-select`, `promo-breakdown-select` and `promo-empty-action`. */
export function widgetActions(host: WidgetActionsHost) {
  const onCampaignSelect = (event: Event): void => {
    const detail = (event as CustomEvent<{ campaignId?: string | null; id?: string | null }>).detail ?? {};
    const id = detail.campaignId ?? detail.id ?? null;
    // Selecting the only selected campaign again clears the filter.
    const next = id && !(host.campaigns.length === 1 && host.campaigns[0] === id) ? [id] : [];
    host.userChange({ campaigns: next });
  };

  /** A value chosen in a breakdown filters the board by it (channel or attribute); chosen again, the filter is cleared. */
  const onBreakdownSelect = (event: Event): void => {
    const { by, value } = (event as CustomEvent<PromoBreakdownSelectDetail>).detail ?? {};
    if (!by) return;
    const next = value ? [value] : [];
    if (by === 'channel') host.userChange({ channels: next });
    else host.userChange({ filters: { ...host.attributeFilters, [by]: next } });
  };

  /** A widget's empty state asked for its next step: clear the filters, or go to the period controls. */
  const onEmptyAction = (event: Event): void => {
    const action = (event as CustomEvent<{ action?: string }>).detail?.action;
    if (action === 'clear-filters') host.userChange(clearFilters());
    else if (action === 'change-period') {
      const control = host.renderRoot.querySelector<HTMLElement>('[part~="period"] select, [part~="period"] input');
      control?.scrollIntoView({ block: 'nearest' });
      control?.focus();
    }
  };

  return { onCampaignSelect, onBreakdownSelect, onEmptyAction };
}
