/**
 * The layers of the kit, one way (checked by `npm run lint`):
 *
 *   core          time, collection names, issues, word lists: imports nothing of ours
 *   data          records, validation, the columnar dataset: on core
 *   engine        KPIs, aggregation, report assembly: on core and data
 *   adapters      sources of records: on core and data (the pushdown adapter also on the
 *                 engine's report assembly, see below)
 *   schema        the zod schemas (`promo-kpi-kit/schema`): on core and data
 *   server        SQL pushdown: on core, data and engine
 *   format, i18n, context
 *                 on core, each other and the report's types (type-only)
 *   theme         on nothing of ours
 *   elements      a widget on core, format, i18n, context, theme, elements/shared, its own
 *                 folder and the report's types (type-only); never the engine at run time.
 *                 The board's engine module is the one exception: the board owns computing.
 *   entries       src/index.ts, src/engine-entry.ts, src/react: gather the public API
 *
 * Known violations that are being removed are listed in .dependency-cruiser-known-violations.json
 * (`depcruise --ignore-known`): they do not fail lint, any new back edge does. Regenerate the list
 * with `npx depcruise src --config .dependency-cruiser.mjs --output-type baseline --output-to
 * .dependency-cruiser-known-violations.json` only after removing violations, never to add one.
 */

/** Modules of the kit that are not in `allowed` (folders under src/, a trailing slash each). */
const outside = (...allowed) => `^src/(?!${allowed.join('|')})`;

/** The board's engine module: the one element module that runs the engine, data and adapters. */
const BOARD_ENGINE = '^src/elements/kpi-board/board-engine\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules in it cannot be understood, tested or loaded one without the other.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing-of-ours',
      severity: 'error',
      comment:
        'src/core is the ground floor: time, collection names, issues, word lists. Every layer may import it; it imports none.',
      from: { path: '^src/core/' },
      to: { path: outside('core/') },
    },
    {
      name: 'data-on-core-only',
      severity: 'error',
      comment:
        'The data layer (records, validation, dataset) stands on core alone: never the engine, adapters, schema (zod) or elements.',
      from: { path: '^src/data/' },
      to: { path: outside('core/', 'data/') },
    },
    {
      name: 'engine-on-core-and-data-only',
      severity: 'error',
      comment:
        'The engine reads the dataset (data) and speaks core; it never imports adapters, format, server or elements. The package entry src/engine-entry.ts gathers the rest.',
      from: { path: '^src/engine/' },
      to: { path: outside('core/', 'data/', 'engine/') },
    },
    {
      name: 'adapters-on-core-and-data-only',
      severity: 'error',
      comment: 'Adapters hand records to the data layer; they never import elements, server, format or schema.',
      from: { path: '^src/adapters/' },
      to: { path: outside('core/', 'data/', 'adapters/', 'engine/') },
    },
    {
      name: 'adapters-not-on-engine',
      severity: 'error',
      comment:
        "Adapters name the report and the warehouse aggregates contract (engine/report-types.ts, engine/aggregates-contract.ts) as types only; the engine's internals are not theirs.",
      from: { path: '^src/adapters/', pathNot: '^src/adapters/pushdown\\.ts$' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(report-types|aggregates-contract)\\.ts$' },
    },
    {
      name: 'adapters-not-on-engine-at-run-time',
      severity: 'error',
      comment: 'Any adapter but the pushdown adapter imports the engine as types only.',
      from: { path: '^src/adapters/', pathNot: '^src/adapters/pushdown\\.ts$' },
      to: { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pushdown-on-report-assembly-only',
      severity: 'error',
      comment:
        "The pushdown adapter is the one adapter that reads the engine at run time: the warehouse sends the engine's aggregates and the adapter assembles the report with the same public functions the engine uses (resolveOptions, the aggregates contract, finishReport). Nothing else of the engine.",
      from: { path: '^src/adapters/pushdown\\.ts$' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(report-types|aggregates-contract|options|finish)\\.ts$' },
    },
    {
      name: 'adapters-not-on-ingest-internals',
      severity: 'error',
      comment:
        "Adapters hand rows to the data layer through the dataset's public interface; the hash steps and dictionaries (data/compact.ts) and the validator's readers (data/validate.ts, data/explain.ts) are its own.",
      from: { path: '^src/adapters/' },
      to: { path: '^src/data/(compact/|(validate|explain)\\.ts$)' },
    },
    {
      name: 'schema-on-core-and-data-only',
      severity: 'error',
      comment: 'The zod schemas (promo-kpi-kit/schema) describe the records of the data layer.',
      from: { path: '^src/schema/' },
      to: { path: outside('core/', 'data/', 'schema/') },
    },
    {
      name: 'server-on-engine-data-core-only',
      severity: 'error',
      comment:
        'The SQL pushdown computes what the engine computes: it stands on engine, data and core, never adapters or elements.',
      from: { path: '^src/server/' },
      to: { path: outside('core/', 'data/', 'engine/', 'server/') },
    },
    {
      name: 'format-i18n-context-on-core-and-report-types',
      severity: 'error',
      comment:
        "format, i18n and context stand on core and each other, and name the report's types (engine/report-types.ts, type-only).",
      from: { path: '^src/(format|i18n|context)/' },
      to: {
        path: outside('core/', 'format/', 'i18n/', 'context/'),
        pathNot: '^src/engine/report-types\\.ts$',
      },
    },
    {
      name: 'format-i18n-context-report-types-as-types-only',
      severity: 'error',
      comment: "The report's types are types: importing them loads nothing.",
      from: { path: '^src/(format|i18n|context)/' },
      to: { path: '^src/engine/report-types\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'theme-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/theme/' },
      to: { path: outside('theme/') },
    },
    {
      name: 'elements-on-report-format-i18n-context',
      severity: 'error',
      comment:
        "Widgets render the report: they stand on core, format, i18n, context, theme and elements/shared, and name the report's types (engine/report-types.ts, type-only). Never the engine's registry, the data layer or adapters: the board's engine module is the one exception, the board owns computing.",
      from: { path: '^src/elements/', pathNot: BOARD_ENGINE },
      to: {
        path: outside('core/', 'format/', 'i18n/', 'context/', 'theme/', 'elements/'),
        pathNot: '^src/engine/report-types\\.ts$',
      },
    },
    {
      name: 'elements-report-types-as-types-only',
      severity: 'error',
      comment:
        "The report's types are types: a widget that imports engine/report-types.ts at run time loads the engine's module graph.",
      from: { path: '^src/elements/' },
      to: { path: '^src/engine/report-types\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'board-engine-on-engine-data-adapters',
      severity: 'error',
      comment:
        "The board's engine module runs the engine, the data layer and adapters; never the server or the zod schemas.",
      from: { path: BOARD_ENGINE },
      to: { path: outside('core/', 'data/', 'engine/', 'adapters/', 'format/', 'i18n/', 'context/', 'elements/') },
    },
    {
      name: 'shared-on-no-widget',
      severity: 'error',
      comment: 'elements/shared serves every widget: it imports no widget folder.',
      from: { path: '^src/elements/shared/' },
      to: { path: '^src/elements/(?!shared/)' },
    },
    {
      name: 'widget-on-no-other-widget',
      severity: 'error',
      comment:
        "A widget imports its own folder and elements/shared, never another widget's files (move what two widgets share to elements/shared).",
      from: { path: '^src/elements/([^/]+)/', pathNot: '^src/elements/(shared|kpi-board)/' },
      to: { path: '^src/elements/', pathNot: '^src/elements/($1|shared)/' },
    },
    {
      name: 'board-on-widgets-define-only',
      severity: 'error',
      comment:
        "The board registers the widgets it renders (their define.ts) and may name their types; any other file of a widget is the widget's own (move what is shared to elements/shared).",
      from: { path: '^src/elements/kpi-board/' },
      to: { path: '^src/elements/(?!kpi-board/|shared/|[^/]+/define\\.ts$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'headless-layers-load-no-lit-or-d3',
      severity: 'error',
      comment: 'core, data, engine, adapters, schema and server run in Node and Workers: no Lit, no DOM libraries.',
      from: { path: '^src/(core|data|engine|adapters|schema|server)/' },
      to: { path: '(^|/)node_modules/(lit|lit-html|lit-element|@lit|@lit-labs|d3-[a-z]+)/' },
    },
    {
      name: 'zod-only-in-schema',
      severity: 'error',
      comment:
        'Only promo-kpi-kit/schema and the server (which checks requests) load zod; elsewhere zod types may be named (type-only), so the kit in a page carries no zod.',
      from: { path: '^src/', pathNot: '^src/(schema|server)/' },
      to: { path: '(^|/)node_modules/zod/', dependencyTypesNot: ['type-only'] },
    },
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
