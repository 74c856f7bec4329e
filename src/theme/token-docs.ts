/**
 * What each design token styles, for the docs (Storybook's theming pages, the token table).
 * Kept apart from the values (`tokens.ts`) so that a page loading the elements does not
 * download the prose. Every token has a description: the type requires one per name.
 */
import { publicVar, SERIES_COUNT, TOKENS, type TokenDefinition, type TokenName } from './tokens.js';

type SeriesToken = `color-series-${number}`;

const SERIES = Object.fromEntries(
  Array.from({ length: SERIES_COUNT }, (_, i) => [
    `color-series-${i + 1}`,
    `Series colour ${i + 1} (categorical palette).`,
  ]),
) as Record<Extract<TokenName, SeriesToken>, string>;

/** What each token styles, by name. */
export const TOKEN_DESCRIPTIONS: Record<TokenName, string> = {
  'color-surface': 'Background of a widget.',
  'color-surface-muted': 'Background of tracks, skeletons and table headers.',
  'color-text': 'Main text colour.',
  'color-text-muted': 'Secondary text (labels, captions, axes).',
  'color-border': 'Borders and grid lines.',
  'color-accent': 'Accent: single-series marks (sparkline, bars), links, selected items.',
  'color-focus': 'Keyboard focus ring.',
  'color-good': 'A change for the better (follows KPI polarity).',
  'color-bad': 'A change for the worse (follows KPI polarity).',
  'color-neutral': 'A change that is neither good nor bad.',
  'color-status-scheduled': 'Budget status: not started yet.',
  'color-status-on-track': 'Budget status: on track.',
  'color-status-under-pace': 'Budget status: spending well below plan, or ended under budget.',
  'color-status-at-risk': 'Budget status: projected over budget.',
  'color-status-over-budget': 'Budget status: over budget.',
  'color-status-ended': 'Budget status: campaign ended.',
  'color-heat-low': 'Heatmap: colour of the lowest value.',
  'color-heat-high': 'Heatmap: colour of the highest value.',
  'font-family': 'Font of every widget.',
  'font-size': 'Base font size; other sizes are relative to it.',
  'font-size-s': 'Type scale: captions, table text, status lines, empty-state text.',
  'font-size-m': 'Type scale: labels and widget titles.',
  'font-size-xl': 'Type scale: the main number of a KPI tile.',
  radius: 'Corner radius of widgets.',
  space: 'Base spacing unit (padding, gaps); the spacing scale is relative to it.',
  'space-xs': 'Spacing scale: between a label and its value, inside a tile.',
  'space-s': 'Spacing scale: inside controls and menus, around messages.',
  'space-m': 'Spacing scale: between related controls.',
  'space-l': "Spacing scale: between a board's sections.",
  shadow: 'Shadow of a widget.',
  ...SERIES,
};

/** Markdown table of the tokens, for the docs. */
export function tokenTable(): string {
  const rows = (Object.entries(TOKENS) as [TokenName, TokenDefinition][]).map(
    ([name, t]) =>
      `| \`${publicVar(name)}\` | \`${t.light}\` | \`${t.dark ?? t.light}\` | ${TOKEN_DESCRIPTIONS[name]} |`,
  );
  return ['| property | light | dark | styles |', '|---|---|---|---|', ...rows].join('\n');
}
