/**
 * The board's status line, its list of problems (values it could not read, data lists that
 * are not lists, KPIs the report does not hold, records left out) and its board-wide
 * loading, empty or error message. Pure rendering from what the board hands over.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BoardStatus } from '../../context/context.js';
import type { Report } from '../../engine/report-types.js';
import { COLLECTIONS } from '../../core/collections.js';
import { describeValue } from '../shared/converters.js';
import { formatTime } from '../../format/date.js';
import { bt } from '../../i18n/board-strings.js';
import { reportHasKpi } from '../shared/kpi-meta.js';
import type { DataSummary } from './board-engine.js';

/** What the list of problems is made from. */
export interface ProblemsInput {
  readonly locale: string;
  /** The board's own messages for the values it could not read. */
  readonly configMessages: readonly string[];
  /** The inline data as given (undefined for a dataset: it has no lists to check). */
  readonly data: unknown;
  readonly kpis: readonly string[];
  readonly chartMetric: string;
  readonly report: Report | null;
}

/** What the status line and the message show. */
export interface StatusView {
  readonly locale: string;
  readonly zone: string;
  readonly status: BoardStatus;
  readonly computing: boolean;
  readonly error: string | null;
  readonly lastUpdated: number | null;
  readonly live: boolean;
  readonly report: Report | null;
  readonly loaded: DataSummary | null;
  readonly problems: readonly string[];
  readonly problemsOpen: boolean;
  readonly toggleProblems: () => void;
  /** Whether the board has a source to load (again) from. */
  readonly hasSource: boolean;
  readonly reload: () => void;
}

/** Records the data validation left out (not option notes): the numbers are partial. */
function recordIssues(report: Report | null) {
  return report?.issues.filter((i) => i.collection !== 'options') ?? [];
}

/**
 * Configuration and data problems, in the board's locale: values it could not read, lists
 * of the data that are not lists, unknown KPIs, notes on the options, records left out.
 */
export function boardProblems(host: ProblemsInput): string[] {
  const locale = host.locale;
  const out = [...host.configMessages];
  const data = host.data;
  if (data !== undefined && data !== null) {
    if (typeof data !== 'object' || Array.isArray(data)) out.push(bt(locale, 'problem.notData'));
    else
      for (const name of COLLECTIONS) {
        const list = (data as Record<string, unknown>)[name];
        if (list !== undefined && list !== null && !Array.isArray(list))
          out.push(bt(locale, 'problem.notList', { name, value: describeValue(list) }));
      }
  }
  // KPI ids are checked against the report (the KPIs it computed, wherever it was made),
  // so a KPI registered only in the worker or the warehouse is known too.
  const report = host.report;
  if (report) {
    for (const id of host.kpis)
      if (!reportHasKpi(report, id)) out.push(bt(locale, 'problem.unknownKpi', { id, name: 'kpis' }));
    if (host.chartMetric && !reportHasKpi(report, host.chartMetric))
      out.push(bt(locale, 'problem.unknownKpi', { id: host.chartMetric, name: 'chart-metric' }));
  }
  const issues = host.report?.issues ?? [];
  const shown = issues.slice(0, 50);
  for (const i of shown)
    out.push(
      bt(locale, 'problem.record', {
        collection: bt(locale, `collection.${i.collection}`),
        index: i.index + 1,
        id: i.id ? ` (${i.id})` : '',
        path: i.path,
        message: i.message,
      }),
    );
  if (issues.length > shown.length) out.push(bt(locale, 'problem.more', { count: issues.length - shown.length }));
  return out;
}

/** The status line (live marker, last update, problems toggle, where reports are computed, busy) and the list of problems. */
export function renderStatus(host: StatusView): TemplateResult {
  const busy = host.status === 'loading' || host.computing;
  const records = recordIssues(host.report).length;
  const problems = host.problems;
  const others = problems.length - (host.report?.issues.length ?? 0);
  const listId = 'promo-board-problems';
  return html`<div part="status" class="status">
      ${host.live ? html`<span class="live"><span class="dot" aria-hidden="true"></span>${bt(host.locale, 'live')}</span>` : nothing}
      ${
        host.lastUpdated !== null
          ? html`<time datetime=${new Date(host.lastUpdated).toISOString()}
              >${bt(host.locale, 'updated', { time: formatTime(host.lastUpdated, host.locale, host.zone) })}</time
            >`
          : nothing
      }
      ${
        problems.length
          ? html`<button
              type="button"
              part="problems-toggle"
              class="problems-toggle"
              aria-expanded=${host.problemsOpen ? 'true' : 'false'}
              aria-controls=${listId}
              @click=${host.toggleProblems}
            >
              <span aria-hidden="true" class="warn">⚠</span>
              ${others > 0 ? html`<span class="config">${bt(host.locale, 'problems', { count: others })}</span>` : nothing}
              ${records ? html`<span class="issues">${bt(host.locale, 'issues', { count: records })}</span>` : nothing}
            </button>`
          : nothing
      }
      ${
        host.loaded?.workerFallback
          ? html`<span class="computed-in" data-computed-in="page"
              >${bt(host.locale, 'workerFallback', { reason: host.loaded.workerFallback })}</span
            >`
          : nothing
      }
      <span role="status" class="busy">${busy && host.report ? bt(host.locale, 'computing') : ''}</span>
    </div>
    ${
      problems.length
        ? html`<div part="problems" class="problems" id=${listId} ?hidden=${!host.problemsOpen}>
            <h2 class="problems-title">${bt(host.locale, 'problemsList')}</h2>
            <ul>
              ${problems.map((p) => html`<li>${p}</li>`)}
            </ul>
          </div>`
        : nothing
    }`;
}

/** The board-wide loading, empty or error message (the one place a load failure is said). */
export function renderMessage(host: StatusView): TemplateResult | typeof nothing {
  if (host.status === 'error' && host.error) {
    const text = host.report
      ? bt(host.locale, 'staleError', { message: host.error })
      : bt(host.locale, 'board.error', { message: host.error });
    return html`<div part="message" class="message error" role="alert">
      <span>${text}</span>
      ${
        host.hasSource
          ? html`<button type="button" @click=${host.reload}>${bt(host.locale, 'retry')}</button>`
          : nothing
      }
    </div>`;
  }
  if (host.error) return html`<div part="message" class="message error" role="alert">${host.error}</div>`;
  if (!host.report && (host.status === 'loading' || host.status === 'idle') && host.hasSource)
    return html`<div part="message" class="message" role="status">${bt(host.locale, 'board.loading')}</div>`;
  if (host.loaded && host.loaded.orders === 0 && host.status === 'ready')
    return html`<div part="message" class="message" role="status">${bt(host.locale, 'board.empty')}</div>`;
  return nothing;
}
