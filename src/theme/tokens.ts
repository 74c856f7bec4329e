/**
 * Design tokens: the one place every public CSS custom property of the kit is defined, as
 * data. The element styles, the docs and the token test are all generated from this object.
 *
 * Each token `name` is a public property `--promo-<name>` a page sets to re-brand the kit,
 * read inside the elements through a private `--_<name>` variable that falls back to the
 * light or dark default. DOM-free: importable from Node (docs, tests) and the page alike.
 */

export interface TokenDefinition {
  /** Default in the light theme. */
  light: string;
  /** Default in the dark theme (the light one when omitted). */
  dark?: string;
  /** What the token styles. */
  description: string;
}

const SERIES_LIGHT = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];
const SERIES_DARK = ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#a3e635', '#f87171'];

/** Every token, by name (without the `--promo-` prefix). */
export const TOKENS = {
  'color-surface': { light: '#ffffff', dark: '#161b22', description: 'Background of a widget.' },
  'color-surface-muted': {
    light: '#f1f3f5',
    dark: '#22272e',
    description: 'Background of tracks, skeletons and table headers.',
  },
  'color-text': { light: '#1b1f24', dark: '#e6edf3', description: 'Main text colour.' },
  'color-text-muted': { light: '#57606a', dark: '#9da7b3', description: 'Secondary text (labels, captions, axes).' },
  'color-border': { light: '#d0d7de', dark: '#3d444d', description: 'Borders and grid lines.' },
  'color-accent': {
    light: '#0b63ce',
    dark: '#58a6ff',
    description: 'Accent: single-series marks (sparkline, bars), links, selected items.',
  },
  'color-focus': { light: '#0b63ce', dark: '#79c0ff', description: 'Keyboard focus ring.' },
  'color-good': { light: '#1a7f37', dark: '#3fb950', description: 'A change for the better (follows KPI polarity).' },
  'color-bad': { light: '#cf222e', dark: '#ff7b72', description: 'A change for the worse (follows KPI polarity).' },
  'color-neutral': { light: '#57606a', dark: '#9da7b3', description: 'A change that is neither good nor bad.' },
  'color-status-scheduled': { light: '#5c6570', dark: '#8b949e', description: 'Budget status: not started yet.' },
  'color-status-on-track': { light: '#1a7f37', dark: '#3fb950', description: 'Budget status: on track.' },
  'color-status-under-pace': {
    light: '#8250df',
    dark: '#a371f7',
    description: 'Budget status: spending well below plan, or ended under budget.',
  },
  'color-status-at-risk': { light: '#9a6700', dark: '#d29922', description: 'Budget status: projected over budget.' },
  'color-status-over-budget': { light: '#cf222e', dark: '#ff7b72', description: 'Budget status: over budget.' },
  'color-status-ended': { light: '#57606a', dark: '#9da7b3', description: 'Budget status: campaign ended.' },
  ...seriesTokens(),
  'color-heat-low': { light: '#eef4fb', dark: '#1c2a3a', description: 'Heatmap: colour of the lowest value.' },
  'color-heat-high': { light: '#0b4a9c', dark: '#79c0ff', description: 'Heatmap: colour of the highest value.' },
  'font-family': {
    light: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    description: 'Font of every widget.',
  },
  'font-size': { light: '14px', description: 'Base font size; other sizes are relative to it.' },
  'font-size-s': {
    light: 'calc(var(--_font-size) * 0.85)',
    description: 'Type scale: captions, table text, status lines, empty-state text.',
  },
  'font-size-m': {
    light: 'calc(var(--_font-size) * 0.95)',
    description: 'Type scale: labels and widget titles.',
  },
  'font-size-xl': {
    light: 'calc(var(--_font-size) * 2)',
    description: 'Type scale: the main number of a KPI tile.',
  },
  radius: { light: '8px', description: 'Corner radius of widgets.' },
  space: { light: '12px', description: 'Base spacing unit (padding, gaps); the spacing scale is relative to it.' },
  'space-xs': {
    light: 'calc(var(--_space) * 0.35)',
    description: 'Spacing scale: between a label and its value, inside a tile.',
  },
  'space-s': {
    light: 'calc(var(--_space) * 0.5)',
    description: 'Spacing scale: inside controls and menus, around messages.',
  },
  'space-m': {
    light: 'calc(var(--_space) * 0.75)',
    description: 'Spacing scale: between related controls.',
  },
  'space-l': {
    light: 'calc(var(--_space) * 1.5)',
    description: "Spacing scale: between a board's sections.",
  },
  shadow: {
    light: '0 1px 2px rgb(27 31 36 / 0.08)',
    dark: '0 1px 2px rgb(0 0 0 / 0.4)',
    description: 'Shadow of a widget.',
  },
} as const satisfies Record<string, TokenDefinition>;

function seriesTokens() {
  const out: Record<`color-series-${number}`, TokenDefinition> = {};
  SERIES_LIGHT.forEach((light, i) => {
    out[`color-series-${i + 1}`] = {
      light,
      dark: SERIES_DARK[i],
      description: `Series colour ${i + 1} (categorical palette).`,
    };
  });
  return out as Record<`color-series-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`, TokenDefinition>;
}

export type TokenName = keyof typeof TOKENS;

/** Number of colours in the categorical series palette (`--promo-color-series-1` ...). */
export const SERIES_COUNT = SERIES_LIGHT.length;

/** The public custom property of a token: `--promo-<name>`. */
export const publicVar = (name: TokenName): string => `--promo-${name}`;
/** The private variable elements read: `--_<name>`. */
export const privateVar = (name: TokenName): string => `--_${name}`;
/** `var(--_<name>)` for use in templates (SVG fill, stroke). */
export const tokenVar = (name: TokenName): string => `var(--_${name})`;
/** `var(--_color-series-N)` for series index `i` (0-based), cycling through the palette. */
export const seriesVar = (i: number): string =>
  `var(--_color-series-${(((i % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT) + 1})`;

function declarations(theme: 'light' | 'dark', indent: string): string {
  return (Object.entries(TOKENS) as [TokenName, TokenDefinition][])
    .map(
      ([name, t]) =>
        `${indent}${privateVar(name)}: var(${publicVar(name)}, ${theme === 'dark' ? (t.dark ?? t.light) : t.light});`,
    )
    .join('\n');
}

/**
 * The CSS that maps public tokens to private variables on a widget's root element
 * (`selector`, default `.promo-root`). The root carries `theme-auto`, `theme-light` or
 * `theme-dark`: auto follows `prefers-color-scheme`.
 */
export function tokenCss(selector = '.promo-root'): string {
  return [
    `${selector} {\n${declarations('light', '  ')}\n  color-scheme: light;\n}`,
    `@media (prefers-color-scheme: dark) {\n  ${selector}.theme-auto {\n${declarations('dark', '    ')}\n    color-scheme: dark;\n  }\n}`,
    `${selector}.theme-dark {\n${declarations('dark', '  ')}\n  color-scheme: dark;\n}`,
  ].join('\n');
}

/** Markdown table of the tokens, for the docs. */
export function tokenTable(): string {
  const rows = (Object.entries(TOKENS) as [TokenName, TokenDefinition][]).map(
    ([name, t]) => `| \`${publicVar(name)}\` | \`${t.light}\` | \`${t.dark ?? t.light}\` | ${t.description} |`,
  );
  return ['| property | light | dark | styles |', '|---|---|---|---|', ...rows].join('\n');
}
