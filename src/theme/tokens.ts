/**
 * Design tokens: the one place every public CSS custom property of the kit is defined, as
 * data. The element styles, the docs and the token test are all generated from this object.
 *
 * Each token `name` is a public property `--promo-<name>` a page sets to re-brand the kit,
 * read inside the elements through a private `--_<name>` variable that falls back to the
 * light or dark default. DOM-free: importable from Node (docs, tests) and the page alike.
 * What each token styles is written in `token-docs.ts`, which only the docs load.
 */

export interface TokenDefinition {
  /** Default in the light theme. */
  light: string;
  /** Default in the dark theme (the light one when omitted). */
  dark?: string;
}

const SERIES_LIGHT = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];
const SERIES_DARK = ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#a3e635', '#f87171'];

/** Colours of surfaces, text and meaning every element reads. */
const BASE_COLORS = {
  'color-surface': { light: '#ffffff', dark: '#161b22' },
  'color-surface-muted': {
    light: '#f1f3f5',
    dark: '#22272e',
  },
  'color-text': { light: '#1b1f24', dark: '#e6edf3' },
  'color-text-muted': { light: '#57606a', dark: '#9da7b3' },
  'color-border': { light: '#d0d7de', dark: '#3d444d' },
  'color-accent': {
    light: '#0b63ce',
    dark: '#58a6ff',
  },
  'color-focus': { light: '#0b63ce', dark: '#79c0ff' },
  'color-bad': { light: '#cf222e', dark: '#ff7b72' },
} as const satisfies Record<string, TokenDefinition>;

/**
 * The tokens of a KPI figure: the tone of its change (better, neither; worse is `color-bad`,
 * which the shared styles read too) and the size of a tile's value. Read by the tile and the
 * loyalty panel.
 */
export const FIGURE_TOKENS = {
  'color-good': { light: '#1a7f37', dark: '#3fb950' },
  'color-neutral': { light: '#57606a', dark: '#9da7b3' },
  'font-size-xl': {
    light: 'calc(var(--_font-size) * 2)',
  },
} as const satisfies Record<string, TokenDefinition>;

/** Budget status colours: read by the budget gauge. */
export const STATUS_TOKENS = {
  'color-status-scheduled': { light: '#5c6570', dark: '#8b949e' },
  'color-status-on-track': { light: '#1a7f37', dark: '#3fb950' },
  'color-status-under-pace': {
    light: '#8250df',
    dark: '#a371f7',
  },
  'color-status-at-risk': { light: '#9a6700', dark: '#d29922' },
  'color-status-over-budget': { light: '#cf222e', dark: '#ff7b72' },
  'color-status-ended': { light: '#57606a', dark: '#9da7b3' },
} as const satisfies Record<string, TokenDefinition>;

/** The categorical series palette: read by the campaign chart and the loyalty panel. */
export const SERIES_TOKENS = /* @__PURE__ */ seriesTokens();

/** The heat scale: read by the cohort heatmap. */
export const HEAT_TOKENS = {
  'color-heat-low': { light: '#eef4fb', dark: '#1c2a3a' },
  'color-heat-high': { light: '#0b4a9c', dark: '#79c0ff' },
} as const satisfies Record<string, TokenDefinition>;

/** Type, spacing, radius and shadow: read by every element. */
const SIZE_TOKENS = {
  'font-family': {
    light: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  },
  'font-size': { light: '14px' },
  'font-size-s': {
    light: 'calc(var(--_font-size) * 0.85)',
  },
  'font-size-m': {
    light: 'calc(var(--_font-size) * 0.95)',
  },
  radius: { light: '8px' },
  space: { light: '12px' },
  'space-xs': {
    light: 'calc(var(--_space) * 0.35)',
  },
  'space-s': {
    light: 'calc(var(--_space) * 0.5)',
  },
  shadow: {
    light: '0 1px 2px rgb(27 31 36 / 0.08)',
    dark: '0 1px 2px rgb(0 0 0 / 0.4)',
  },
} as const satisfies Record<string, TokenDefinition>;

/** The spacing of a board's page: read by the board. */
export const PAGE_TOKENS = {
  'space-m': {
    light: 'calc(var(--_space) * 0.75)',
  },
  'space-l': {
    light: 'calc(var(--_space) * 1.5)',
  },
} as const satisfies Record<string, TokenDefinition>;

/**
 * The tokens every element reads (those the shared widget styles use). Each widget's styles
 * add the groups it draws with (`FIGURE_TOKENS`, `STATUS_TOKENS`, `SERIES_TOKENS`,
 * `HEAT_TOKENS`; the board every group, `PAGE_TOKENS` too), so a widget does not carry the others.
 */
export const CORE_TOKENS: typeof BASE_COLORS & typeof SIZE_TOKENS = /* @__PURE__ */ Object.assign(
  {},
  BASE_COLORS,
  SIZE_TOKENS,
);

/** Every token, by name (without the `--promo-` prefix). */
export const TOKENS: typeof BASE_COLORS &
  typeof FIGURE_TOKENS &
  typeof STATUS_TOKENS &
  typeof SERIES_TOKENS &
  typeof HEAT_TOKENS &
  typeof SIZE_TOKENS &
  typeof PAGE_TOKENS = /* @__PURE__ */ Object.assign(
  {},
  BASE_COLORS,
  FIGURE_TOKENS,
  STATUS_TOKENS,
  SERIES_TOKENS,
  HEAT_TOKENS,
  SIZE_TOKENS,
  PAGE_TOKENS,
);

function seriesTokens() {
  const out: Record<`color-series-${number}`, TokenDefinition> = {};
  SERIES_LIGHT.forEach((light, i) => {
    out[`color-series-${i + 1}`] = { light, dark: SERIES_DARK[i] };
  });
  return out as Record<`color-series-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`, TokenDefinition>;
}

export type TokenName = keyof typeof TOKENS;

/** Number of colours in the categorical series palette (`--promo-color-series-1` ...). */
export const SERIES_COUNT: number = /* @__PURE__ */ countOf(SERIES_LIGHT);

/**
 * The length of a list, read in a call marked pure: a bundle that draws no series (the
 * gauge, the tile, the heatmap...) keeps neither the count nor the palette it is read from,
 * as a plain `.length` read at the top level would make it do.
 */
function countOf(list: readonly unknown[]): number {
  return list.length;
}

/** The public custom property of a token: `--promo-<name>`. */
export const publicVar = (name: TokenName): string => `--promo-${name}`;
/** The private variable elements read: `--_<name>`. */
export const privateVar = (name: TokenName): string => `--_${name}`;
/** `var(--_<name>)` for use in templates (SVG fill, stroke). */
export const tokenVar = (name: TokenName): string => `var(--_${name})`;
/** `var(--_color-series-N)` for series index `i` (0-based), cycling through the palette. */
export const seriesVar = (i: number): string =>
  `var(--_color-series-${(((i % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT) + 1})`;

function declarations(tokens: Record<string, TokenDefinition>, theme: 'light' | 'dark', indent: string): string {
  return Object.entries(tokens)
    .map(
      ([name, t]) => `${indent}--_${name}: var(--promo-${name}, ${theme === 'dark' ? (t.dark ?? t.light) : t.light});`,
    )
    .join('\n');
}

/**
 * The CSS that maps some tokens (`tokens`) to their private variables on a widget's root
 * element (`selector`), in the light theme, the dark one and `auto`, which follows
 * `prefers-color-scheme`; with `scheme`, also the root's `color-scheme`.
 */
export function tokenGroupCss(
  tokens: Record<string, TokenDefinition>,
  selector = '.promo-root',
  scheme = false,
): string {
  const light = scheme ? '\n  color-scheme: light;' : '';
  const dark = scheme ? '\n  color-scheme: dark;' : '';
  return [
    `${selector} {\n${declarations(tokens, 'light', '  ')}${light}\n}`,
    `@media (prefers-color-scheme: dark) {\n  ${selector}.theme-auto {\n${declarations(tokens, 'dark', '    ')}${dark.replace('\n', '\n  ')}\n  }\n}`,
    `${selector}.theme-dark {\n${declarations(tokens, 'dark', '  ')}${dark}\n}`,
  ].join('\n');
}

/**
 * The CSS that maps every public token to its private variable on a widget's root element
 * (`selector`, default `.promo-root`). The root carries `theme-auto`, `theme-light` or
 * `theme-dark`: auto follows `prefers-color-scheme`.
 */
export function tokenCss(selector = '.promo-root'): string {
  return tokenGroupCss(TOKENS, selector, true);
}
