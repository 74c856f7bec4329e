/**
 * What the board's properties need beside the shared converters (elements/shared/converters.ts):
 * the `adapter` converter (a name in the attribute, an object as a property) and the
 * defaults read when a property is not set.
 */
import type { ComplexAttributeConverter } from 'lit';
import type { Adapter } from './board-engine.js';

/** `adapter`: the attribute names a registered adapter; an adapter object is set as a property only. */
export const adapterValue: ComplexAttributeConverter<string | Adapter | undefined> = {
  fromAttribute: (value: string | null) => value ?? undefined,
  toAttribute: (value: unknown) => (typeof value === 'string' ? value : null),
};

/** The viewer's time zone (the engine default is UTC; the board uses the viewer's zone unless told). */
export function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Children that are not widgets: they never replace the default layout. */
const NOT_CONTENT = new Set(['style', 'template', 'script', 'link', 'meta', 'noscript']);

/** Whether a slot holds content (a `<style>`, `<template>` or `<script>` child keeps the default layout). */
export function slotHasContent(slot: HTMLSlotElement): boolean {
  return slot.assignedElements({ flatten: true }).some((el) => !NOT_CONTENT.has(el.localName));
}

/** The properties that name the data's source (and the zone its local dates are read in): a change loads the data again. */
export const SOURCE_PROPERTIES = ['data', 'adapter', 'src', 'adapterOptions', 'timeZone'] as const;
