/**
 * Strings of `<promo-cohort-heatmap>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { MESSAGES } from './strings.js';
import { translator, type StringTables } from './translate.js';

const en = {
  // cohort heatmap
  'cohort.title.retention': 'Retention by cohort',
  'cohort.title.revenue': 'Revenue by cohort',
  'cohort.title.recency': 'Customers by days since last order',
  'cohort.cohort': 'Cohort',
  'cohort.size': 'Customers',
  'cohort.period.month': 'Month {k}',
  'cohort.period.week': 'Week {k}',
  'cohort.cell': '{cohort} ({size} customers), {period}: {value}',
  'cohort.legend': 'Colour scale from {min} to {max}',
  'cohort.summary': '{count} cohorts, {customers} customers; {period}: {value} on average.',
  'cohort.noCohorts': 'No cohorts in this period.',
  'cohort.noRecency': 'No customer has ordered yet.',
  'recency.segment': '{segment} days',
  'recency.revenue': 'Revenue in period',
  'recency.row': '{segment} days since last order: {customers} customers, {revenue}',
};

const vi: Record<keyof typeof en, string> = {
  'cohort.title.retention': 'Tỷ lệ quay lại theo nhóm khách',
  'cohort.title.revenue': 'Doanh thu theo nhóm khách',
  'cohort.title.recency': 'Khách hàng theo số ngày từ đơn gần nhất',
  'cohort.cohort': 'Nhóm khách',
  'cohort.size': 'Số khách',
  'cohort.period.month': 'Tháng {k}',
  'cohort.period.week': 'Tuần {k}',
  'cohort.cell': '{cohort} ({size} khách), {period}: {value}',
  'cohort.legend': 'Thang màu từ {min} đến {max}',
  'cohort.summary': '{count} nhóm khách, {customers} khách; {period}: trung bình {value}.',
  'cohort.noCohorts': 'Không có nhóm khách nào trong kỳ này.',
  'cohort.noRecency': 'Chưa có khách hàng nào đặt đơn.',
  'recency.segment': '{segment} ngày',
  'recency.revenue': 'Doanh thu trong kỳ',
  'recency.row': '{segment} ngày từ đơn gần nhất: {customers} khách, {revenue}',
};

/** The cohort heatmap's own strings in each shipped locale. */
export const COHORT_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the cohort heatmap's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const cohortText = translator(COHORT_MESSAGES, MESSAGES);

/** The keys `cohortText` reads. */
export type CohortMessageKey = Parameters<typeof cohortText>[1];
