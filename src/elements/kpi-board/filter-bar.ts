/**
 * The board's filter bar: period (presets, a campaign's own run, custom dates), the
 * comparison period, campaigns, channels and one filter per order attribute of the data. Native form controls only, so it works by keyboard and with screen readers as
 * the platform does. Rendered inside the board's shadow root; every change goes through
 * `host.userChange`, which fires `promo-query-change`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { COMPARE_MODES, type CompareMode } from '../../core/vocabulary.js';
import type { ReportOptions } from '../../engine/report-types.js';
import { attributeLabel } from '../../i18n/labels.js';
import { onMenuKeydown, onMenuToggle } from '../shared/menus.js';
import { bt, channelLabel } from '../../i18n/board-strings.js';
import { FIXED_PRESETS, clearFilters, type PeriodPreset, type UserChange } from './query.js';

/** What the filter bar needs from the board. */
export interface FilterBarHost {
  /** The locale of the board's strings (its `locale`, else the nearest `lang`, else `en`). */
  readonly uiLocale: string;
  readonly query: ReportOptions;
  readonly campaigns: string[];
  readonly channels: string[];
  readonly campaignList: { id: string; name: string; start: string; end: string }[];
  readonly channelList: string[];
  /** Order attributes of the data with their values. */
  readonly attributeList: Record<string, string[]>;
  /** The attribute filters in force. */
  readonly attributeFilters: Record<string, string[]>;
  /** What the board knows of its data (the attributes whose values a warehouse listed in part). */
  readonly dataSummary: { truncatedAttributes?: string[] } | null;
  readonly compare: CompareMode;
  readonly selectedPreset: PeriodPreset;
  /** False until the data is in: the period is not known yet (presets end on the last day with data). */
  readonly dataReady: boolean;
  userChange(change: UserChange): void;
}

/** An order attribute's name as a filter's name: its label, capitalised. */
function attributeName(locale: string, attr: string): string {
  const label = attributeLabel(locale, attr);
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

/** Shows a campaign's own run and filters the board to it. */
function selectCampaignRun(host: FilterBarHost, id: string): void {
  const c = host.campaignList.find((x) => x.id === id);
  if (c) host.userChange({ preset: 'campaign', from: c.start, to: c.end, campaigns: [id] });
}

/** Toggles `id` in a filter where an empty list means "all of `all`". */
function toggle(selected: string[], all: string[], id: string, on: boolean): string[] {
  const current = new Set(selected.length ? selected : all);
  if (on) current.add(id);
  else current.delete(id);
  const next = all.filter((x) => current.has(x));
  return next.length === all.length ? [] : next;
}

/** A menu closes when the focus leaves it (Tab past its last item, or a click elsewhere). */
function closeOnLeave(e: FocusEvent): void {
  const details = e.currentTarget as HTMLDetailsElement;
  const next = e.relatedTarget as Node | null;
  if (details.open && next && !details.contains(next)) details.open = false;
}

function summary(locale: string, selected: string[], total: number): string {
  return selected.length === 0
    ? bt(locale, 'allCount', { count: total })
    : bt(locale, 'someCount', { count: selected.length, total });
}

function checklist(
  host: FilterBarHost,
  name: 'campaigns' | 'channels',
  items: { id: string; label: string }[],
  selected: string[],
): TemplateResult {
  return multiSelect(
    host.uiLocale,
    { part: name, input: name, label: bt(host.uiLocale, name) },
    items,
    selected,
    (next) => host.userChange({ [name]: next }),
  );
}

/** A multi-select menu of checkboxes where an empty selection means "all". */
function multiSelect(
  locale: string,
  names: { part: string; input: string; label: string; data?: string; cut?: boolean },
  items: { id: string; label: string }[],
  selected: string[],
  change: (next: string[]) => void,
): TemplateResult {
  const all = items.map((i) => i.id);
  const isOn = (id: string) => selected.length === 0 || selected.includes(id);
  // The last ticked item cannot be unticked (an empty list would mean "all" again): it is
  // disabled and a note says why and how to see everything.
  const ticked = all.filter(isOn);
  const last = ticked.length === 1 ? ticked[0] : null;
  const hintId = `hint-${names.input}`;
  return html`<div class="field">
    <span class="field-label" aria-hidden="true">${names.label}</span>
    <details
      part=${names.part}
      class="menu"
      data-menu
      data-attribute=${names.data ?? nothing}
      @toggle=${onMenuToggle}
      @keydown=${onMenuKeydown}
      @focusout=${closeOnLeave}
    >
      <summary>
        <span class="sr-only">${names.label}:</span>
        <span class="menu-value">${summary(locale, selected, items.length)}</span>
      </summary>
      <fieldset class="menu-panel">
        <legend class="sr-only">${names.label}</legend>
        <button type="button" class="link" ?disabled=${selected.length === 0} @click=${() => change([])}>
          ${bt(locale, 'selectAll')}
        </button>
        ${items.map(
          (item) =>
            html`<label class="check">
              <input
                type="checkbox"
                name=${names.input}
                value=${item.id}
                .checked=${live(isOn(item.id))}
                ?disabled=${item.id === last}
                aria-describedby=${item.id === last ? hintId : nothing}
                @change=${(e: Event) => change(toggle(selected, all, item.id, (e.target as HTMLInputElement).checked))}
              />
              <span>${item.label}</span>
            </label>`,
        )}
        ${last !== null ? html`<p class="hint" id=${hintId}>${bt(locale, 'lastTicked')}</p>` : nothing}
        ${names.cut ? html`<p class="hint">${bt(locale, 'valuesCut')}</p>` : nothing}
      </fieldset>
    </details>
  </div>`;
}

/**
 * The filters in force as removable chips, one per filter (campaigns, channels, each
 * attribute): its name and values, and a × button named "Remove filter …" that clears it.
 * A filter set from a widget's explicit "Filter by" step shows here like one set in a menu.
 */
function renderChips(host: FilterBarHost): TemplateResult | typeof nothing {
  const locale = host.uiLocale;
  const names = (ids: string[], label: (id: string) => string) => ids.map(label).join(', ');
  const chips: { key: string; name: string; values: string; clear: () => void }[] = [];
  if (host.campaigns.length)
    chips.push({
      key: 'campaigns',
      name: bt(locale, 'campaigns'),
      values: names(host.campaigns, (id) => host.campaignList.find((c) => c.id === id)?.name ?? id),
      clear: () => host.userChange({ campaigns: [] }),
    });
  if (host.channels.length)
    chips.push({
      key: 'channels',
      name: bt(locale, 'channels'),
      values: names(host.channels, (c) => channelLabel(locale, c)),
      clear: () => host.userChange({ channels: [] }),
    });
  for (const [attr, values] of Object.entries(host.attributeFilters)) {
    if (!values.length) continue;
    chips.push({
      key: `attr-${attr}`,
      name: attributeName(locale, attr),
      values: values.join(', '),
      clear: () => host.userChange({ filters: { ...host.attributeFilters, [attr]: [] } }),
    });
  }
  if (!chips.length) return nothing;
  return html`<ul part="active-filters" class="chips" aria-label=${bt(locale, 'activeFilters')}>
    ${chips.map((c) => {
      const remove = bt(locale, 'removeFilter', { filter: `${c.name}: ${c.values}` });
      return html`<li part="filter-chip" class="chip" data-filter=${c.key}>
        <span class="chip-text"><span class="chip-name">${c.name}:</span> ${c.values}</span>
        <button type="button" class="chip-remove" aria-label=${remove} title=${remove} @click=${c.clear}>
          <span aria-hidden="true">×</span>
        </button>
      </li>`;
    })}
  </ul>`;
}

export function renderFilterBar(host: FilterBarHost): TemplateResult {
  const locale = host.uiLocale;
  const q = host.query;
  const preset = host.selectedPreset;
  const ready = host.dataReady;
  const runs = host.campaignList;
  const selectValue = preset === 'campaign' && host.campaigns.length === 1 ? `campaign:${host.campaigns[0]}` : preset;
  const onPreset = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    if (value.startsWith('campaign:')) selectCampaignRun(host, value.slice('campaign:'.length));
    else if (value !== 'custom') host.userChange({ preset: value as PeriodPreset });
  };
  const onDate = (which: 'from' | 'to') => (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    if (value) host.userChange({ [which]: value, preset: 'custom' });
  };
  return html`<form
    part="filters"
    class="filters"
    aria-label=${bt(locale, 'filters')}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <div part="period" class="period" role="group" aria-label=${bt(locale, 'period')}>
      <label class="field">
        <span class="field-label">${bt(locale, 'period')}</span>
        <select name="preset" .value=${live(selectValue)} ?disabled=${!ready} @change=${onPreset}>
          ${FIXED_PRESETS.map(
            (p) => html`<option value=${p} ?selected=${selectValue === p}>${bt(locale, `preset.${p}`)}</option>`,
          )}
          ${
            runs.length
              ? html`<optgroup label=${bt(locale, 'campaignRuns')}>
                  ${runs.map(
                    (c) =>
                      html`<option value=${`campaign:${c.id}`} ?selected=${selectValue === `campaign:${c.id}`}>
                        ${c.name}
                      </option>`,
                  )}
                </optgroup>`
              : nothing
          }
          <option value="custom" ?selected=${selectValue === 'custom'}>${bt(locale, 'preset.custom')}</option>
        </select>
      </label>
      <label class="field">
        <span class="field-label">${bt(locale, 'from')}</span>
        <input
          type="date"
          name="from"
          .value=${live(ready ? q.from : '')}
          max=${q.to}
          ?disabled=${!ready}
          @change=${onDate('from')}
        />
      </label>
      <label class="field">
        <span class="field-label">${bt(locale, 'to')}</span>
        <input
          type="date"
          name="to"
          .value=${live(ready ? q.to : '')}
          min=${q.from}
          ?disabled=${!ready}
          @change=${onDate('to')}
        />
      </label>
      <label class="field">
        <span class="field-label">${bt(locale, 'compare')}</span>
        <select
          part="compare"
          name="compare"
          .value=${live(host.compare)}
          ?disabled=${!ready}
          @change=${(e: Event) => host.userChange({ compare: (e.target as HTMLSelectElement).value as CompareMode })}
        >
          ${COMPARE_MODES.map((m) => {
            const key = m === 'none' ? 'board.compare.none' : (`compare.${m}` as const);
            return html`<option value=${m} ?selected=${host.compare === m}>${bt(locale, key)}</option>`;
          })}
        </select>
      </label>
    </div>
    ${
      runs.length
        ? checklist(
            host,
            'campaigns',
            runs.map((c) => ({ id: c.id, label: c.name })),
            host.campaigns,
          )
        : nothing
    }
    ${
      host.channelList.length
        ? checklist(
            host,
            'channels',
            host.channelList.map((c) => ({ id: c, label: channelLabel(locale, c) })),
            host.channels,
          )
        : nothing
    }
    ${Object.entries(host.attributeList).map(([name, values]) =>
      multiSelect(
        locale,
        {
          part: 'attribute-filter',
          input: `attr-${name}`,
          label: attributeName(locale, name),
          data: name,
          cut: host.dataSummary?.truncatedAttributes?.includes(name),
        },
        [...values].sort((a, b) => a.localeCompare(b, locale)).map((v) => ({ id: v, label: v })),
        host.attributeFilters[name] ?? [],
        (next) => host.userChange({ filters: { ...host.attributeFilters, [name]: next } }),
      ),
    )}
    <button
      type="button"
      class="reset"
      ?disabled=${host.campaigns.length === 0 && host.channels.length === 0 && !Object.keys(host.attributeFilters).length}
      @click=${() => host.userChange(clearFilters())}
    >
      ${bt(locale, 'clear')}
    </button>
    ${renderChips(host)}
  </form>`;
}
