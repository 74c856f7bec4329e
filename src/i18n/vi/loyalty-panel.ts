/**
 * The Vietnamese strings of `../loyalty-panel.ts`: a module of their own, loaded on demand the
 * first time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing at run time.
 */
export default {
  'loyalty.title': 'Chương trình khách hàng thân thiết',
  'loyalty.byChannel': 'Điểm theo kênh',
  'loyalty.earned': 'Tích',
  'loyalty.redeemed': 'Đổi',
  'loyalty.noChannels': 'Không có điểm tích hay đổi theo kênh trong kỳ này.',
  'loyalty.channelRow': '{channel}: tích {earned}, đổi {redeemed}',
  'loyalty.noProgramme': 'Báo cáo không có dữ liệu khách hàng thân thiết.',
  // no longer shown (kept for the deprecated keys of LOYALTY_MESSAGES)
  'loyalty.channel': 'Kênh',
  'loyalty.aovCompare': 'Hội viên {member} · khách khác {other}',
  'loyalty.aovPair': 'Giá trị đơn: hội viên so với khách khác',
};
