import type { BotFilter, Storage } from '../storage/types.js';

/** The query every report takes (routes/reports.ts validates it). */
export interface ReportParams {
  site: string;
  from?: string;
  to?: string;
  bots: BotFilter;
  compare?: 'previous';
  page?: string;
  referrer?: string;
  device?: string;
  country?: string;
  user?: 'logged_in' | 'anonymous';
  /** Overview series granularity. */
  interval?: 'day' | 'hour';
  /** Pages: comma-separated path prefixes of the section heatmap. */
  sections?: string;
  /** Paths: comma-separated funnel steps (paths, or `event:<name>` for custom events). */
  funnel?: string;
}

/** One report: how to run it, and how its main table reads as CSV. */
export interface Report<R> {
  name: string;
  /** JSON Schema of the JSON answer (serialises it, and documents it). */
  response: object;
  /** The `bots` default when the query gives none (`exclude` unless said). */
  defaultBots?: BotFilter;
  run(storage: Storage, params: ReportParams): Promise<R>;
  csv: { columns: readonly string[]; rows(result: R): Record<string, unknown>[] };
}
