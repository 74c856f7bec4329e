/**
 * Notes some panels show beside their content: the reasons some values are missing
 * ("partial data"), and that the board's channel and attribute filters do not reach the
 * panel (KPI-SPEC: budget pacing, cohorts). Functions rather than methods of the base class,
 * so only the widgets that show a note bundle it and its strings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KpiReason } from '../../core/vocabulary.js';
import type { ReportOptions } from '../../engine/report-types.js';
import { filterNoteText, partialText, reasonText } from '../../i18n/strings.js';

/** Whether a channel or attribute filter is in force in a board's query. */
export function channelOrAttributeFilter(query: ReportOptions | undefined): boolean {
  return !!query && ((query.channels?.length ?? 0) > 0 || Object.values(query.filters ?? {}).some((v) => v.length > 0));
}

/**
 * For panels the channel and attribute filters do not reach: a note, in `locale`, while such
 * a filter of the board's `query` (the widget's `boardQuery`) is in force.
 */
export function renderFilterNote(query: ReportOptions | undefined, locale: string): TemplateResult | typeof nothing {
  return channelOrAttributeFilter(query) ? html`<p part="filter-note">${filterNoteText(locale)}</p>` : nothing;
}

/** The reasons some values are missing, in words, in `locale` ("partial data"). */
export function renderPartial(locale: string, reasons: Iterable<KpiReason>): TemplateResult | typeof nothing {
  const list = [...new Set(reasons)];
  if (!list.length) return nothing;
  return html`<p part="partial">
    ${partialText(locale)} ${sentence(list.map((r) => reasonText(locale, r)).join('; '))}.
  </p>`;
}

/** A clause as the start of a sentence: first letter upper case ("no budget set" -> "No budget set"). */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
