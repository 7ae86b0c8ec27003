/**
 * Delivery in a real browser: offline spells, a failing collector, lost requests and lost
 * answers, closed tabs. Every event must arrive, and arrive once: counted from what the
 * collector answered (`duplicates`), since its store keeps a doubled event once anyway.
 */
import { beforeEach, expect, test } from 'vitest';
import { eventCounts, expectExactlyOnce } from './utils/counts.js';
import { tapCollect, type CollectAnswers } from './utils/tapCollect.js';
import { useFreshStackPerTest } from './utils/useFreshStackPerTest.js';

const t = useFreshStackPerTest();
let answers: CollectAnswers;

beforeEach(() => {
  answers = tapCollect(t.stack.collector);
});

const openSpa = (path = 'spa/') => t.open(path);
const counted = async () => {
  const c = await eventCounts(t.stack);
  return { pageviews: c.pageviews, custom: c.byType.custom ?? 0, click: c.byType.click ?? 0 };
};

test('offline with navigation and clicks, tab closed offline, new page online → every event exactly once', async () => {
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

  // 4 pageviews (3 before the close, 1 after), the signup, and four clicks offline (two
  // route links, two buttons).
  await expect.poll(counted, { timeout: 20_000 }).toEqual({ pageviews: 4, custom: 1, click: 4 });
  await expectExactlyOnce(t.stack, answers, [next]);
});

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
  await expect.poll(async () => (await counted()).pageviews, { timeout: 20_000 }).toBe(2);
  expect(refused).toBe(3);
  expect((await counted()).custom).toBe(1);
  await expectExactlyOnce(t.stack, answers, [page]);
});

test('requests lost on the way (network errors) → nothing lost, nothing doubled', async () => {
  let lost = 0;
  await t.context.route('**/v1/collect', async (route) => {
    if (lost < 2) {
      lost += 1;
      await route.abort('connectionreset');
    } else await route.continue();
  });
  const page = await openSpa();
  await page.evaluate(() => (window as any).sightline.track('through-loss'));
  await page.evaluate(() => (window as any).sightline.flush());
  await expect.poll(counted, { timeout: 20_000 }).toMatchObject({ pageviews: 1, custom: 1 });
  expect(lost).toBe(2);
  await expectExactlyOnce(t.stack, answers, [page]);
});

test('an answer lost after the collector stored the batch → sent again, stored once, the resend seen as duplicates', async () => {
  let lostEvents = -1;
  await t.context.route('**/v1/collect', async (route) => {
    if (lostEvents === -1) {
      // Delivered to the collector, its 202 never reaches the page.
      const response = await route.fetch();
      expect(response.status()).toBe(202);
      lostEvents = JSON.parse(route.request().postData() ?? '{}').events.length;
      await route.abort('connectionreset');
    } else await route.continue();
  });
  const page = await openSpa();
  await page.evaluate(() => (window as any).sightline.track('answer-lost'));
  await page.evaluate(() => (window as any).sightline.flush());
  await expect.poll(() => answers.duplicates, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(lostEvents).toBeGreaterThan(0);
  expect(await counted()).toMatchObject({ pageviews: 1, custom: 1 });
  await expectExactlyOnce(t.stack, answers, [page], lostEvents);
});

test('a tab closed with events pending → they arrive (beacon), once', async () => {
  const page = await openSpa();
  await page.click('#signup');
  await page.click('#to-docs');
  // Closed well inside the flush interval: only the pagehide beacon can carry these.
  await page.close({ runBeforeUnload: true });
  await expect.poll(counted, { timeout: 20_000 }).toMatchObject({ pageviews: 2, custom: 1 });
  // A later page load of the site finds nothing left to send.
  const next = await openSpa('spa/docs');
  await next.evaluate(() => (window as any).sightline.flush());
  await expect.poll(async () => (await counted()).pageviews).toBe(3);
  await expectExactlyOnce(t.stack, answers, [next]);
});
