/** What a tab is, and what it gets to draw itself. */
import type { Params } from '../api.js';
import type { DashState, FilterKey, Period } from '../state.js';

export interface TabContext {
  state: DashState;
  period: Period;
  /** The period before, when comparison is on. */
  previous: Period | null;
  /** Where the tab draws (emptied before each render). */
  view: HTMLElement;
  /** Aborted when the view changes before this render finished. */
  signal: AbortSignal;
  navigate(patch: Partial<DashState>): void;
  setFilter(key: FilterKey, value: string): void;
  /** `site`, `from`, `to`, `bots` and the filters this tab applies, as API parameters. */
  params(period?: Period): Params;
}

export interface Tab {
  id: string;
  label: string;
  /** Filter → the API parameter that applies it; filters not listed are shown as not applied. */
  filters?: Partial<Record<FilterKey, string>>;
  /** At most this many of them at once (reports take one); the others are shown as not applied. */
  maxFilters?: number;
  render(ctx: TabContext): Promise<void>;
}
