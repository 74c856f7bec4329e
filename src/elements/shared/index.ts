export { PromoWidget, WidgetError, WIDGET_STATES, EXPORT_FORMATS } from './widget.js';
export type { CampaignInfo, WidgetState, ExportFormat, PromoErrorDetail, PromoExportDetail } from './widget.js';
export { widgetStyles } from './styles.js';
export { cell } from './data-table.js';
export { toCsv, csvField, fileName } from './csv.js';
export type { DataTable, DataCell } from './data-table.js';
export { serializeSvg, svgToPng, download } from './export.js';
export { PromoElement } from './element.js';
export type { PromoConfigErrorDetail, ConfigProblem } from './element.js';
export {
  numberValue,
  booleanValue,
  listValue,
  objectValue,
  jsonValue,
  dateValue,
  oneOf,
  checkedText,
  textValue,
  boundsValue,
  functionValue,
} from './converters.js';
export type { ValueKind, ReadResult } from './converters.js';
export { registerLocale, englishStrings } from './locale.js';
export type { LocaleStrings } from './locale.js';
