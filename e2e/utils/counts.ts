import type { Stack } from './startStack.js';

export interface EventCounts {
  pageviews: number;
  byType: Record<string, number>;
  /** Event ids seen more than once across the lists (must stay empty). */
  repeatedIds: string[];
}

/** Every stored pageview and interaction of the `demo` site, counted by type. */
export async function eventCounts(stack: Stack): Promise<EventCounts> {
  const views = await stack.api('/v1/pageviews?site=demo&limit=1000');
  const other = await stack.api('/v1/interactions?site=demo&limit=1000');
  const ids = [...views.results, ...other.results].map((r: { id: string }) => r.id);
  const byType: Record<string, number> = {};
  for (const r of other.results as { type: string }[]) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return {
    pageviews: views.count,
    byType,
    repeatedIds: ids.filter((id, i) => ids.indexOf(id) !== i),
  };
}
