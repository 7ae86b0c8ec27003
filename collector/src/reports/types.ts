import type { BotFilter, Storage } from '../storage/types.js';

export interface ReportParams {
  site: string;
  from?: string;
  to?: string;
  bots: BotFilter;
}

/** One report: how to run it, and how its main table reads as CSV. */
export interface Report<R> {
  name: string;
  /** JSON Schema of the JSON answer (serialises it, and documents it). */
  response: object;
  run(storage: Storage, params: ReportParams): Promise<R>;
  csv: { columns: readonly string[]; rows(result: R): Record<string, unknown>[] };
}

/** What every report answer starts with: the site, period and bot filter it covers. */
export const reportHeaderProperties = {
  site: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  bots: { type: 'string' },
} as const;
