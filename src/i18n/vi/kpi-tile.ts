/**
 * The Vietnamese strings of `../kpi-tile.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
  'delta.up': 'tăng {value} so với kỳ trước',
  'delta.down': 'giảm {value} so với kỳ trước',
  'delta.flat': 'không đổi so với kỳ trước',
  'delta.none': 'không có số liệu kỳ trước để so sánh',
  'delta.good': 'tốt hơn',
  'delta.bad': 'xấu hơn',
  'delta.vs': 'kỳ trước: {value}',
  'delta.vsShort': 'trước: {value}',
  target: 'Mục tiêu',
  targetProgress: 'đạt {percent} mục tiêu {target}',
  trend: 'Diễn biến theo ngày, {from} đến {to}',
};
