/**
 * The Vietnamese names of channels and attributes of `../labels.ts`: a module of their own,
 * loaded on demand the first time an element on the page speaks Vietnamese (see
 * `../translate.ts`). Plain data: it imports nothing at run time.
 */
export default {
  'channel.store': 'Cửa hàng',
  'channel.web': 'Website',
  'channel.app': 'Ứng dụng',
  'channel.marketplace': 'Sàn TMĐT',
  'channel.social': 'Mạng xã hội',
  'attr.channel': 'kênh bán',
  'attr.store': 'cửa hàng',
  'attr.region': 'vùng',
  'attr.category': 'ngành hàng',
};
