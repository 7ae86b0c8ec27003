import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Stack } from './startStack.js';
import type { CollectAnswers } from './tapCollect.js';

export interface EventCounts {
  pageviews: number;
  byType: Record<string, number>;
  /** Every stored event of the site: pageviews and interactions. */
  stored: number;
}

/** Every stored pageview and interaction of the `demo` site, counted by type. */
export async function eventCounts(stack: Stack): Promise<EventCounts> {
  const views = await stack.api('/v1/pageviews?site=demo&limit=1000');
  const other = await stack.api('/v1/interactions?site=demo&limit=1000');
  const byType: Record<string, number> = {};
  for (const r of other.results as { type: string }[]) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return { pageviews: views.count, byType, stored: views.count + other.count };
}

/**
 * Exactly once, as the collector saw it: every stored event was accepted once, and the
 * browser sent no event again except the `resent` ones (those whose answer was lost).
 * The store alone cannot tell: its unique key keeps a doubled event once. Waits until
 * each open page has nothing left in flight (`flush()` resolves when its queue is idle).
 */
export async function expectExactlyOnce(
  stack: Stack,
  answers: CollectAnswers,
  pages: Page[],
  resent = 0,
): Promise<void> {
  for (const page of pages)
    if (!page.isClosed()) await page.evaluate(() => (window as any).sightline.flush());
  const { stored } = await eventCounts(stack);
  expect({ accepted: answers.accepted, duplicates: answers.duplicates }).toEqual({
    accepted: stored,
    duplicates: resent,
  });
}
