export { t, reasonText, MESSAGES } from './strings.js';
export type { MessageKey } from './strings.js';
