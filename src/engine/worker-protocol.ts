/** Messages between the page and the report worker (structured-clone safe). */
import type { DataInput } from '../data/schema.js';
import type { ReportOptions } from './types.js';

export type WorkerRequest = { id: number } & (
  | { type: 'import'; urls: string[] }
  | { type: 'load'; input: DataInput; timeZone?: string }
  | { type: 'append'; records: DataInput; timeZone?: string }
  | { type: 'report'; options: ReportOptions }
  | { type: 'compute'; input: DataInput; options: ReportOptions }
);

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
