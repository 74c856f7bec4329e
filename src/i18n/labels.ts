/**
 * Names of channels and attributes (known ones are translated; others are shown as they
 * are), in English; the Vietnamese ones are in `vi/labels.ts`, loaded on demand. DOM-free. Two tables, so a widget naming channels alone
 * does not load the attribute names, nor one naming attributes alone the channel names.
 */
import { translator, viStrings } from './translate.js';

const channelEn = {
  'channel.store': 'Store',
  'channel.web': 'Web',
  'channel.app': 'App',
  'channel.marketplace': 'Marketplace',
  'channel.social': 'Social',
};

/** The names of the known channels in English (the Vietnamese ones are in `vi/`). */
export const CHANNEL_LABEL_MESSAGES: Record<keyof typeof channelEn, string> = channelEn;

const attributeEn = {
  'attr.channel': 'channel',
  'attr.store': 'store',
  'attr.region': 'region',
  'attr.category': 'category',
};

/** The names of the known attributes, lower case, in English (the Vietnamese ones are in `vi/`). */
export const ATTRIBUTE_LABEL_MESSAGES: Record<keyof typeof attributeEn, string> = attributeEn;

/* The Vietnamese tables, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof channelEn | keyof typeof attributeEn>(() => import('./vi/labels.js'));

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
