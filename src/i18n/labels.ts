/**
 * Names of channels and attributes (known ones are translated; others are shown as they
 * are), in English and Vietnamese. DOM-free. Two tables, so a widget naming channels alone
 * does not load the attribute names, nor one naming attributes alone the channel names.
 */
import { translator, type StringTables } from './translate.js';

const channelEn = {
  'channel.store': 'Store',
  'channel.web': 'Web',
  'channel.app': 'App',
  'channel.marketplace': 'Marketplace',
  'channel.social': 'Social',
};

/** The names of the known channels in each shipped locale. */
export const CHANNEL_LABEL_MESSAGES: StringTables<keyof typeof channelEn> = {
  en: channelEn,
  vi: {
    'channel.store': 'Cửa hàng',
    'channel.web': 'Website',
    'channel.app': 'Ứng dụng',
    'channel.marketplace': 'Sàn TMĐT',
    'channel.social': 'Mạng xã hội',
  },
};

const attributeEn = {
  'attr.channel': 'channel',
  'attr.store': 'store',
  'attr.region': 'region',
  'attr.category': 'category',
};

/** The names of the known attributes, lower case, in each shipped locale. */
export const ATTRIBUTE_LABEL_MESSAGES: StringTables<keyof typeof attributeEn> = {
  en: attributeEn,
  vi: {
    'attr.channel': 'kênh bán',
    'attr.store': 'cửa hàng',
    'attr.region': 'vùng',
    'attr.category': 'ngành hàng',
  },
};

/** A channel's display name (known channels are translated; others are shown as they are). */
export function channelLabel(locale: string | undefined, channel: string): string {
  const key = `channel.${channel}` as keyof typeof channelEn;
  return Object.hasOwn(channelEn, key) ? translator(CHANNEL_LABEL_MESSAGES)(locale, key) : channel;
}

/** An attribute name in words, lower case (`store` -> "store" / "cửa hàng"; others as they are). */
export function attributeLabel(locale: string | undefined, name: string): string {
  const key = `attr.${name}` as keyof typeof attributeEn;
  return Object.hasOwn(attributeEn, key) ? translator(ATTRIBUTE_LABEL_MESSAGES)(locale, key) : name;
}
