/**
 * Names of channels and attributes (known ones are translated; others are shown as they
 * are), in English and Vietnamese. DOM-free.
 */
import { translator, type StringTables } from './translate.js';

const en = {
  // channels and attribute names (known ones are translated; others are shown as they are)
  'channel.store': 'Store',
  'channel.web': 'Web',
  'channel.app': 'App',
  'channel.marketplace': 'Marketplace',
  'channel.social': 'Social',
  'attr.channel': 'channel',
  'attr.store': 'store',
  'attr.region': 'region',
  'attr.category': 'category',
};

type LabelKey = keyof typeof en;

const vi: Record<LabelKey, string> = {
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

/** The names of channels and attributes in each shipped locale. */
export const LABEL_MESSAGES: StringTables<LabelKey> = { en, vi };

const label = translator(LABEL_MESSAGES);

/** A channel's display name (known channels are translated; others are shown as they are). */
export function channelLabel(locale: string | undefined, channel: string): string {
  const key = `channel.${channel}` as LabelKey;
  return Object.hasOwn(en, key) ? label(locale, key) : channel;
}

/** An attribute name in words, lower case (`store` -> "store" / "cửa hàng"; others as they are). */
export function attributeLabel(locale: string | undefined, name: string): string {
  const key = `attr.${name}` as LabelKey;
  return Object.hasOwn(en, key) ? label(locale, key) : name;
}
