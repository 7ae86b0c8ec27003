/**
 * Delivery in a real browser: offline spells, a failing collector, closed tabs. Every
 * event must arrive, and arrive once.
 */
import { expect, test } from 'vitest';
import { eventCounts } from './utils/counts.js';
import { useFreshStackPerTest } from './utils/useFreshStackPerTest.js';

const t = useFreshStackPerTest();

const openSpa = (path = 'spa/') => t.open(path);

// A closing tab releases the events it holds; when the browser tears the page down before
// that write commits, the next page takes them over when the 60 s lease ends.
test(
  'offline with navigation and clicks, tab closed, new page online → every event exactly once',
  { timeout: 90_000 },
  async () => {
    const page = await openSpa();
    await page.evaluate(() => (window as any).sightline.flush());
    await expect.poll(async () => (await eventCounts(t.stack)).pageviews).toBe(1);

    await t.context.setOffline(true);
    await page.click('#to-pricing');
    await page.click('#nothing');
    await page.click('#to-docs');
    await page.click('#signup');
    // runBeforeUnload: pagehide fires; the close itself completes later.
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);

    await t.context.setOffline(false);
    const next = await openSpa('spa/pricing');
    await next.evaluate(() => (window as any).sightline.flush());

    await expect
      .poll(
        async () => {
          const c = await eventCounts(t.stack);
          return { pageviews: c.pageviews, custom: c.byType.custom ?? 0 };
        },
        { timeout: 75_000 },
      )
      .toEqual({ pageviews: 4, custom: 1 });
    const counts = await eventCounts(t.stack);
    expect(counts.repeatedIds).toEqual([]);
    // Four clicks offline (two route links, two buttons) and none lost or doubled.
    expect(counts.byType.click).toBe(4);
  },
);

test('the collector answers 503, then recovers → nothing lost, nothing doubled', async () => {
  let refused = 0;
  await t.context.route('**/v1/collect', async (route) => {
    if (refused < 3) {
      refused += 1;
      await route.fulfill({ status: 503, headers: { 'retry-after': '1' }, body: '{"error":"unavailable"}' });
    } else {
      await route.continue();
    }
  });
  const page = await openSpa();
  await page.evaluate(() => (window as any).sightline.track('during-outage', { n: 1 }));
  await page.click('#to-pricing');
  await page.evaluate(() => (window as any).sightline.flush());
  await expect.poll(async () => (await eventCounts(t.stack)).pageviews, { timeout: 20_000 }).toBe(2);
  expect(refused).toBe(3);
  const counts = await eventCounts(t.stack);
  expect(counts.byType.custom).toBe(1);
  expect(counts.repeatedIds).toEqual([]);
});

test('a tab closed with events pending → they arrive (beacon)', async () => {
  const page = await openSpa();
  await page.click('#signup');
  await page.click('#to-docs');
  // Closed well inside the flush interval: only the pagehide beacon can carry these.
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(
      async () => {
        const c = await eventCounts(t.stack);
        return { pageviews: c.pageviews, custom: c.byType.custom ?? 0 };
      },
      { timeout: 20_000 },
    )
    .toEqual({ pageviews: 2, custom: 1 });
});
