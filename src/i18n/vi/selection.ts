/**
 * The Vietnamese strings of `../selection.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
  'selection.current': 'Đang chọn: {name}',
  'selection.filterBy': 'Lọc theo {name}',
  'selection.filtered': 'Đang lọc theo {name}',
  'selection.clearFilter': 'Bỏ lọc',
};
