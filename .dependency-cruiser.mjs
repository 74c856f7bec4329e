/**
 * The layers of the kit, one way (checked by `npm run lint`). LAYERS below is the one table of
 * them: each layer's modules, the folders of ours it may import, and whether it may name the
 * report's types (engine/report-types.ts, type-only). The rules that follow LAYERS are the
 * finer ones inside a layer (adapters and the engine, widgets and the board, libraries).
 * src/index.ts, src/engine-entry.ts and src/react gather the public API and are in no layer.
 *
 * Known violations that are being removed are listed in .dependency-cruiser-known-violations.json
 * (`depcruise --ignore-known`): they do not fail lint, any new back edge does. Regenerate the list
 * with `npx depcruise src --config .dependency-cruiser.mjs --output-type baseline --output-to
 * .dependency-cruiser-known-violations.json` only after removing violations, never to add one.
 */

/** Modules of the kit that are not in `allowed` (folders under src/, a trailing slash each). */
const outside = (...allowed) => `^src/(?!${allowed.join('|')})`;

/**
 * The board's engine modules: the element modules that run the engine, data and adapters
 * (board-engine.ts, and board-adapters.ts, which it loads on demand for an adapter given by name).
 */
const BOARD_ENGINE = '^src/elements/kpi-board/board-(engine|adapters)\\.ts$';

/** The report's types: the one engine module format, i18n, context and widgets may name. */
const REPORT_TYPES = '^src/engine/report-types\\.ts$';

/**
 * The layers. `from`: the layer's modules (`fromNot`: except these); `may`: the folders under
 * src/ it may import, its own included; `reportTypes`: the prefix of the rule that lets it
 * name the report's types, type-only.
 */
const LAYERS = [
  {
    name: 'core-imports-nothing-of-ours',
    from: '^src/core/',
    may: ['core/'],
    comment:
      'src/core is the ground floor: time, collection names, issues, word lists. Every layer may import it; it imports none.',
  },
  {
    name: 'data-on-core-only',
    from: '^src/data/',
    may: ['core/', 'data/'],
    comment:
      'The data layer (records, validation, dataset) stands on core alone: never the engine, adapters, schema (zod) or elements.',
  },
  {
    name: 'engine-on-core-and-data-only',
    from: '^src/engine/',
    may: ['core/', 'data/', 'engine/'],
    comment:
      'The engine reads the dataset (data) and speaks core; it never imports adapters, format, server or elements. The package entry src/engine-entry.ts gathers the rest.',
  },
  {
    name: 'adapters-on-core-and-data-only',
    from: '^src/adapters/',
    may: ['core/', 'data/', 'adapters/', 'engine/'],
    comment:
      'Adapters hand records to the data layer; they never import elements, server, format or schema (what they may take of the engine is narrowed below).',
  },
  {
    name: 'schema-on-core-and-data-only',
    from: '^src/schema/',
    may: ['core/', 'data/', 'schema/'],
    comment: 'The zod schemas (promo-kpi-kit/schema) describe the records of the data layer.',
  },
  {
    name: 'server-on-engine-data-core-only',
    from: '^src/server/',
    may: ['core/', 'data/', 'engine/', 'server/'],
    comment:
      'The SQL pushdown computes what the engine computes: it stands on engine, data and core, never adapters or elements.',
  },
  {
    name: 'format-i18n-context-on-core-and-report-types',
    from: '^src/(format|i18n|context)/',
    may: ['core/', 'format/', 'i18n/', 'context/'],
    reportTypes: 'format-i18n-context',
    comment: "format, i18n and context stand on core and each other, and name the report's types (type-only).",
  },
  {
    name: 'theme-imports-nothing-of-ours',
    from: '^src/theme/',
    may: ['theme/'],
    comment: 'The theme (design tokens) stands on nothing of ours.',
  },
  {
    name: 'elements-on-report-format-i18n-context',
    from: '^src/elements/',
    fromNot: BOARD_ENGINE,
    may: ['core/', 'format/', 'i18n/', 'context/', 'theme/', 'elements/'],
    reportTypes: 'elements',
    comment:
      "Widgets render the report: they stand on core, format, i18n, context, theme and elements/shared, and name the report's types (type-only). Never the engine's registry, the data layer or adapters: the board's engine module is the one exception, the board owns computing.",
  },
  {
    name: 'board-engine-on-engine-data-adapters',
    from: BOARD_ENGINE,
    may: ['core/', 'data/', 'engine/', 'adapters/', 'format/', 'i18n/', 'context/', 'elements/'],
    comment:
      "The board's engine module runs the engine, the data layer and adapters; never the server or the zod schemas.",
  },
];

/** A rule: an import matching `from` -> `to` fails lint. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** A layer's rule (imports outside `may`), and for a layer naming the report's types, the type-only rule. */
const layerRules = ({ name, from, fromNot, may, reportTypes, comment }) => [
  forbid(
    name,
    comment,
    fromNot ? { path: from, pathNot: fromNot } : { path: from },
    reportTypes ? { path: outside(...may), pathNot: REPORT_TYPES } : { path: outside(...may) },
  ),
  ...(reportTypes
    ? [
        forbid(
          `${reportTypes}-report-types-as-types-only`,
          "The report's types are types: importing engine/report-types.ts at run time loads the engine's module graph.",
          { path: from },
          { path: REPORT_TYPES, dependencyTypesNot: ['type-only'] },
        ),
      ]
    : []),
];

/** Any adapter but the pushdown adapter. */
const PLAIN_ADAPTERS = { path: '^src/adapters/', pathNot: '^src/adapters/pushdown\\.ts$' };

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    forbid(
      'no-circular',
      'An import cycle: the modules in it cannot be understood, tested or loaded one without the other.',
      { path: '^src/' },
      { circular: true },
    ),
    ...LAYERS.flatMap(layerRules),
    forbid(
      'adapters-not-on-engine',
      "Adapters name the report and the warehouse aggregates contract (engine/report-types.ts, engine/aggregates-contract.ts) as types only; the engine's internals are not theirs.",
      PLAIN_ADAPTERS,
      { path: '^src/engine/', pathNot: '^src/engine/(report-types|aggregates-contract)\\.ts$' },
    ),
    forbid(
      'adapters-not-on-engine-at-run-time',
      'Any adapter but the pushdown adapter imports the engine as types only.',
      PLAIN_ADAPTERS,
      { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'pushdown-on-report-assembly-only',
      "The pushdown adapter is the one adapter that reads the engine at run time: the warehouse sends the engine's aggregates and the adapter assembles the report with the same public functions the engine uses (resolveOptions, the aggregates contract, finishReport). Nothing else of the engine.",
      { path: '^src/adapters/pushdown\\.ts$' },
      { path: '^src/engine/', pathNot: '^src/engine/(report-types|aggregates-contract|options|finish)\\.ts$' },
    ),
    forbid(
      'adapters-not-on-ingest-internals',
      "Adapters hand rows to the data layer through the dataset's public interface; the hash steps and dictionaries (data/compact.ts) and the validator's readers (data/validate.ts, data/explain.ts) are its own.",
      { path: '^src/adapters/' },
      { path: '^src/data/(compact/|(validate|explain)\\.ts$)' },
    ),
    forbid(
      'shared-on-no-widget',
      'elements/shared serves every widget: it imports no widget folder.',
      { path: '^src/elements/shared/' },
      { path: '^src/elements/(?!shared/)' },
    ),
    forbid(
      'widget-on-no-other-widget',
      "A widget imports its own folder and elements/shared, never another widget's files (move what two widgets share to elements/shared).",
      { path: '^src/elements/([^/]+)/', pathNot: '^src/elements/(shared|kpi-board)/' },
      { path: '^src/elements/', pathNot: '^src/elements/($1|shared)/' },
    ),
    forbid(
      'board-on-widgets-define-only',
      "The board registers the widgets it renders (their define.ts) and may name their types; any other file of a widget is the widget's own (move what is shared to elements/shared).",
      { path: '^src/elements/kpi-board/' },
      { path: '^src/elements/(?!kpi-board/|shared/|[^/]+/define\\.ts$)', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'headless-layers-load-no-lit-or-d3',
      'core, data, engine, adapters, schema and server run in Node and Workers: no Lit, no DOM libraries.',
      { path: '^src/(core|data|engine|adapters|schema|server)/' },
      { path: '(^|/)node_modules/(lit|lit-html|lit-element|@lit|@lit-labs|d3-[a-z]+)/' },
    ),
    forbid(
      'zod-only-in-schema',
      'Only promo-kpi-kit/schema and the server (which checks requests) load zod; elsewhere zod types may be named (type-only), so the kit in a page carries no zod.',
      { path: '^src/', pathNot: '^src/(schema|server)/' },
      { path: '(^|/)node_modules/zod/', dependencyTypesNot: ['type-only'] },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
