/**
 * The strings every widget shows, in English and Vietnamese: the loading, empty, error and
 * unavailable states, the data and export menu, configuration problems; and, as tables of
 * their own that only the widgets showing them load, why a value is missing, the filter note,
 * what a readable value of each kind looks like, the column heads several widgets share (of
 * KPIs, of campaigns), a change in points and the comparison in words. DOM-free.
 *
 * Each widget's own strings are in its file beside this one (`kpi-tile.ts`,
 * `campaign-chart.ts`, ...), so a page bundles only the strings of the widgets it loads;
 * channel and attribute names are in `labels.ts`, the selection line's in `selection.ts`,
 * the board's in `board-strings.ts`. How strings are looked up, and languages
 * added at run time, is `translate.ts`.
 *
 * `t(locale, key, params)` picks the shipped locale nearest to `locale` (`vi-VN` -> `vi`,
 * any other tag -> `en`; a language added with `registerLocale` first) and fills `{name}`
 * placeholders.
 */
import { translator, type StringTables } from './translate.js';
import type { KpiReason, Locale } from '../core/vocabulary.js';

export { translator, addLocaleStrings, onLocaleStrings } from './translate.js';

const en = {
  // states
  loading: 'Loading…',
  empty: 'Nothing to show for this period.',
  emptyFiltered: 'Nothing in this period matches the filters.',
  'emptyAction.period': 'Change the period',
  'emptyAction.filters': 'Clear the filters',
  error: 'This widget could not be shown.',
  unavailable: 'Nothing to show until the data loads.',
  noReport: 'No data yet: place this widget inside a promo-kpi-board, or give it a report.',
  // data and export actions
  actions: 'Data and export',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  exportCsv: 'Export CSV',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  // configuration problems (a property or attribute the element can't read); what a readable
  // value looks like is said by the kind of value (EXPECTED_WORDS below)
  'config.invalid': '{name}="{value}" ignored: expected {expected}. Using {fallback}.',
  'config.default': 'the default',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  loading: 'Đang tải…',
  empty: 'Không có số liệu nào trong khoảng thời gian này.',
  emptyFiltered: 'Không có số liệu nào khớp bộ lọc trong khoảng thời gian này.',
  'emptyAction.period': 'Đổi khoảng thời gian',
  'emptyAction.filters': 'Bỏ bộ lọc',
  error: 'Không thể hiển thị tiện ích này.',
  unavailable: 'Chưa có gì để hiển thị cho đến khi tải được dữ liệu.',
  noReport: 'Chưa có số liệu: hãy đặt thành phần này trong promo-kpi-board hoặc gán cho nó một báo cáo (report).',
  actions: 'Dữ liệu và xuất',
  showTable: 'Xem dạng bảng',
  hideTable: 'Ẩn bảng',
  exportCsv: 'Xuất CSV',
  exportSvg: 'Xuất SVG',
  exportPng: 'Xuất PNG',
  'config.invalid': 'Bỏ qua {name}="{value}": cần {expected}. Dùng {fallback}.',
  'config.default': 'giá trị mặc định',
};

/** The shared messages of each shipped locale. */
export const MESSAGES: StringTables<MessageKey> = { en, vi };

/** A shared UI string in the locale nearest to `locale`, with `{name}` placeholders filled. */
export const t = translator(MESSAGES);

/**
 * Column heads of the widgets that show a KPI's values over periods (tile, campaign chart,
 * loyalty panel): a table of its own, which those widgets' translators list, so the others
 * do not load it.
 */
const kpiColumnEn = {
  previous: 'Previous period',
  change: 'Change',
  kpi: 'KPI',
  value: 'Value',
};

export const KPI_COLUMN_MESSAGES: StringTables<keyof typeof kpiColumnEn> = {
  en: kpiColumnEn,
  vi: {
    previous: 'Kỳ trước',
    change: 'Thay đổi',
    kpi: 'Chỉ số',
    value: 'Giá trị',
  },
};

/**
 * The date column head and the lookup failure of the widgets given a KPI by id that show its
 * daily values (tile, campaign chart): a table of its own, apart from the KPI columns, which
 * the loyalty panel shows without these two.
 */
export const KPI_SERIES_MESSAGES: StringTables<'date' | 'unknownKpi'> = {
  en: { date: 'Date', unknownKpi: 'Unknown KPI "{id}"' },
  vi: { date: 'Ngày', unknownKpi: 'Không có chỉ số "{id}"' },
};

/**
 * The campaign column head and the lookup failure of the widgets that name campaigns (budget
 * gauge, campaign chart, tile): a table of its own, apart from the KPI columns, which the
 * gauge does not show.
 */
export const CAMPAIGN_MESSAGES: StringTables<'campaign' | 'unknownCampaign'> = {
  en: { campaign: 'Campaign', unknownCampaign: 'Unknown campaign "{id}"' },
  vi: { campaign: 'Chiến dịch', unknownCampaign: 'Không có chiến dịch "{id}"' },
};

/** A change in percentage points, short and spoken (`shared/change.ts`). */
const pointsEn = { 'delta.points': '{value} pts', 'delta.pointsLong': '{value} percentage points' };

export const POINTS_MESSAGES: StringTables<keyof typeof pointsEn> = {
  en: pointsEn,
  vi: { 'delta.points': '{value} điểm %', 'delta.pointsLong': '{value} điểm phần trăm' },
};

/** What a report is compared with, in words (`shared/compare.ts`). */
const compareEn = {
  'compare.vsPrevious': 'vs previous period',
  'compare.vsYear': 'vs same period last year',
  'compare.none': 'no comparison',
};

export const COMPARE_MESSAGES: StringTables<keyof typeof compareEn> = {
  en: compareEn,
  vi: {
    'compare.vsPrevious': 'so với kỳ trước',
    'compare.vsYear': 'so với cùng kỳ năm trước',
    'compare.none': 'không so sánh',
  },
};

/**
 * Why values are missing: the reason each KPI has no value. A table of its own, so only the
 * widgets that say why load it.
 */
const reasonEn = {
  'reason.no-data': 'not enough orders or customers in this period to work it out',
  'reason.missing-cogs': 'cost of goods missing on some orders',
  'reason.no-exposures': 'no reach or impression data',
  'reason.no-budget': 'no budget set',
};

export const REASON_MESSAGES: StringTables<keyof typeof reasonEn> = {
  en: reasonEn,
  vi: {
    'reason.no-data': 'chưa đủ đơn hàng hay khách hàng trong kỳ này để tính',
    'reason.missing-cogs': 'thiếu giá vốn ở một số đơn',
    'reason.no-exposures': 'không có dữ liệu tiếp cận hay hiển thị',
    'reason.no-budget': 'chưa đặt ngân sách',
  },
};

const reasonT = /* @__PURE__ */ translator(REASON_MESSAGES);

/** The reason a KPI has no value, in words. */
export const reasonText = (locale: string | undefined, reason: KpiReason): string =>
  reasonT(locale, `reason.${reason}`);

/**
 * The sentence before a list of the reasons some values are missing (`shared/notes.ts`): a
 * table of its own, apart from the reasons, which the widgets saying why one value is missing
 * (tile, gauge, loyalty panel) show without it.
 */
export const PARTIAL_MESSAGES: StringTables<'partial'> = {
  en: { partial: 'Some values could not be computed.' },
  vi: { partial: 'Một số chỉ số không tính được.' },
};

/** The sentence before the reasons some values are missing ("Some values could not be computed."). */
export const partialText = (locale: string | undefined): string => translator(PARTIAL_MESSAGES)(locale, 'partial');

/** The note of panels the board's channel and attribute filters do not reach. A table of its own: two widgets show it. */
export const FILTER_NOTE_MESSAGES: StringTables<'filterNotApplied'> = {
  en: { filterNotApplied: 'The channel and attribute filters do not apply to this panel.' },
  vi: { filterNotApplied: 'Bộ lọc kênh và thuộc tính không áp dụng cho phần này.' },
};

/** The filter note in the locale nearest to `locale`. */
export const filterNoteText = (locale: string | undefined): string =>
  translator(FILTER_NOTE_MESSAGES)(locale, 'filterNotApplied');

/** A phrase in each shipped locale. */
export type Words = Record<Locale, string>;

/**
 * What a readable value of one kind looks like (the `config.expected.<kind>` strings), in
 * each shipped locale. One constant per kind, held by its converter (`converters.ts`), so a
 * bundle carries the words of the kinds its elements read and no others.
 */
export const EXPECTED_NUMBER: Words = { en: 'a number', vi: 'một số' };
export const EXPECTED_BOOLEAN: Words = { en: 'true or false', vi: 'true hoặc false' };
export const EXPECTED_LIST: Words = { en: 'ids separated by commas', vi: 'các mã cách nhau bằng dấu phẩy' };
export const EXPECTED_OBJECT: Words = {
  en: 'a JSON object of numbers, such as {"revenue": 5000000}',
  vi: 'một đối tượng JSON gồm các số, ví dụ {"revenue": 5000000}',
};
export const EXPECTED_JSON: Words = {
  en: 'JSON data (an object or a list)',
  vi: 'dữ liệu JSON (đối tượng hoặc danh sách)',
};
export const EXPECTED_DATE: Words = { en: 'a date YYYY-MM-DD', vi: 'một ngày dạng YYYY-MM-DD' };
export const EXPECTED_ONE_OF: Words = { en: 'one of {values}', vi: 'một trong {values}' };
export const EXPECTED_TIME_ZONE: Words = {
  en: 'an IANA time zone such as Asia/Ho_Chi_Minh',
  vi: 'một múi giờ IANA, ví dụ Asia/Ho_Chi_Minh',
};
export const EXPECTED_TEXT: Words = { en: 'text', vi: 'văn bản' };
export const EXPECTED_BOUNDS: Words = {
  en: 'increasing whole numbers of days, such as 7,14,28',
  vi: 'các số ngày nguyên tăng dần, ví dụ 7,14,28',
};
export const EXPECTED_ATTRIBUTE_NAME: Words = {
  en: 'channel or an attribute name (letters, digits and _, starting with a letter)',
  vi: 'channel hoặc tên một thuộc tính (chữ, số và _, bắt đầu bằng chữ)',
};
export const EXPECTED_FUNCTION: Words = { en: 'a function', vi: 'một hàm' };

/** The words of every kind of value, by kind (for `englishStrings`, and languages added at run time). */
export const EXPECTED_WORDS = {
  number: EXPECTED_NUMBER,
  boolean: EXPECTED_BOOLEAN,
  list: EXPECTED_LIST,
  object: EXPECTED_OBJECT,
  json: EXPECTED_JSON,
  date: EXPECTED_DATE,
  oneOf: EXPECTED_ONE_OF,
  timeZone: EXPECTED_TIME_ZONE,
  text: EXPECTED_TEXT,
  bounds: EXPECTED_BOUNDS,
  attributeName: EXPECTED_ATTRIBUTE_NAME,
  function: EXPECTED_FUNCTION,
} as const;
