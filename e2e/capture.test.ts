/**
 * What the SDK captures in a real browser: SPA pageviews, errors, scroll depth, Web Vitals.
 * Sessions of this headless browser are kept whatever their bot verdict (bots=include).
 */
import { SCORED_HUMANNESS_FIELDS } from '@sightline/protocol';
import { expect, test } from 'vitest';
import { useFreshStackPerTest } from './utils/useFreshStackPerTest.js';

const t = useFreshStackPerTest({ viewport: { width: 1000, height: 700 } });

const open = (path: string) => t.open(path);

const interactions = async (query: string) =>
  (await t.stack.api(`/v1/interactions?site=demo&bots=include&limit=1000&${query}`)).results as {
    type: string;
    name: string | null;
    path: string;
    pv: string | null;
    data: Record<string, unknown>;
  }[];

test('a Vue-style replaceState + pushState navigation → one pageview', async () => {
  const page = await open('spa/');
  await page.click('#to-pricing');
  await page.click('#to-docs');
  await page.goBack();
  await page.evaluate(() => (window as any).sightline.flush());
  await expect
    .poll(async () =>
      (await t.stack.api('/v1/pageviews?site=demo&ordering=ts&bots=include')).results.map(
        (v: { path: string }) => v.path,
      ),
    )
    .toEqual(['/spa/', '/spa/pricing', '/spa/docs', '/spa/pricing']);
  const views = (await t.stack.api('/v1/pageviews?site=demo&ordering=ts&bots=include')).results;
  expect(views[1].title).toBe('Pricing · Sightline SPA');
  expect(views[1].referrer).toBe(`${t.stack.examplesUrl}spa/`);
});

test('an uncaught error and an unhandled rejection → both in the errors report', async () => {
  const page = await open('spa/');
  await page.click('#throw');
  await page.click('#throw');
  await page.click('#reject');
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(
      async () => {
        const report = await t.stack.api('/v1/reports/errors?site=demo&bots=include');
        return report.errors
          .map((e: { kind: string; message: string; occurrences: number }) => [
            e.kind,
            e.message,
            e.occurrences,
          ])
          .sort();
      },
      { timeout: 20_000 },
    )
    .toEqual([
      ['error', 'Uncaught Error: Example failure: cart is undefined', 2],
      ['rejection', 'Error: Example rejection: payment service unavailable', 1],
    ]);
  const report = await t.stack.api('/v1/reports/errors?site=demo&bots=include');
  const thrown = report.errors.find((e: { kind: string }) => e.kind === 'error');
  expect(thrown.source).toBe(`${t.stack.examplesUrl}spa/app.js`);
  expect(thrown.line).toBeGreaterThan(0);
  expect(thrown.paths).toEqual(['/spa/']);
});

test('scrolling to the bottom → 100 % depth; clicks classified', async () => {
  const page = await open('spa/');
  // Click first: Playwright scrolls #nothing (near the top) into view, and the SDK measures
  // depth 100 ms after a scroll (trailing throttle), so a click right after the scroll to
  // the bottom could move the page back up before the bottom was ever measured.
  await page.click('#nothing');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(
    () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
  );
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await interactions('type=scroll')).map((e) => e.data.depth), { timeout: 20_000 })
    .toEqual([100]);
  const clicks = await interactions('type=click');
  expect(clicks).toHaveLength(1);
  expect(clicks[0]?.data).toMatchObject({
    tag: 'button',
    kind: 'button',
    text: 'Does nothing',
    selector: expect.stringContaining('nothing'),
  });
});

test('load timing and LCP, FCP, TTFB are present', async () => {
  const page = await open('blog/');
  // LCP is final after the first input or when the page is hidden.
  await page.click('h1');
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await interactions('type=vital')).map((e) => e.name).sort(), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['FCP', 'LCP', 'TTFB']));
  const vitals = await interactions('type=vital');
  for (const v of vitals) {
    expect(typeof v.data.value).toBe('number');
    expect(v.pv).toBeTruthy();
  }
  const lcp = vitals.find((v) => v.name === 'LCP');
  expect(lcp?.data.element).toBeTruthy();
  const timing = await interactions('type=timing');
  expect(timing).toHaveLength(1);
  expect(timing[0]?.data).toMatchObject({
    ttfb: expect.any(Number),
    domReady: expect.any(Number),
    load: expect.any(Number),
  });
});

test('timing and vitals come in the chunk beside /s.js, fetched after the page has loaded', async () => {
  const page = await t.context.newPage();
  let loadedAt = 0;
  let chunkAt = 0;
  page.on('load', () => (loadedAt ||= Date.now()));
  page.on('request', (request) => {
    if (request.url() === `${t.stack.collectorUrl}/s.vitals.js`) chunkAt ||= Date.now();
  });
  await page.goto(t.stack.examplesUrl + 'blog/');
  await expect.poll(() => chunkAt, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(chunkAt).toBeGreaterThanOrEqual(loadedAt);
  await expect.poll(async () => (await interactions('type=timing')).length).toBe(0);
  await page.click('h1');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await interactions('type=timing')).length).toBe(1);
});

test('humanness comes in a chunk at idle, and counts the input that came before it', async () => {
  let release = (): void => undefined;
  const typed = new Promise<void>((resolve) => (release = resolve));
  // A slow network: the chunk arrives only after the visitor has clicked and typed.
  await t.context.route('**/s.humanness.js', async (route) => {
    await typed;
    await route.continue();
  });
  const chunk = t.context.waitForEvent('requestfinished', (r) => r.url().endsWith('/s.humanness.js'));
  const page = await open('blog/');
  await page.click('h1');
  await page.keyboard.type('abcd', { delay: 30 });
  release();
  await chunk;
  await page.keyboard.type('ef', { delay: 30 });
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await interactions('type=humanness')).length, { timeout: 20_000 })
    .toBe(1);
  const [summary] = await interactions('type=humanness');
  expect(summary?.data).toMatchObject({ clicks: 1, keys: 6, webdriver: true });
  // Only the fields the collector's rules read reach it (a real browser's summary).
  const scored: readonly string[] = SCORED_HUMANNESS_FIELDS;
  expect(Object.keys(summary?.data ?? {}).filter((k) => !scored.includes(k))).toEqual([]);
});

test('a blocked chunk costs only timing and vitals', async () => {
  await t.context.route('**/s.vitals.js', (route) => route.abort());
  const blocked = t.context.waitForEvent('requestfailed', (request) => request.url().endsWith('/s.vitals.js'));
  const page = await open('blog/');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // The chunk was asked for (at the first idle moment) and did not come.
  await blocked;
  await page.click('h1');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await t.stack.api('/v1/pageviews?site=demo&bots=include')).count).toBe(1);
  await expect.poll(async () => (await interactions('type=click')).length).toBe(1);
  expect(await interactions('type=vital')).toEqual([]);
  expect(await interactions('type=timing')).toEqual([]);
  expect(errors).toEqual([]);
});

test('a form: clicks name the fields, never what was typed; ignored elements send nothing', async () => {
  const page = await open('form/');
  await page.click('#email');
  await page.keyboard.type('someone.secret@example.com');
  await page.click('#password');
  await page.keyboard.type('hunter2-secret');
  await page.click('#terms');
  await page.click('#secret');
  await Promise.all([page.waitForURL('**/form/thanks'), page.click('#submit')]);
  await page.waitForFunction(() => typeof (window as any).sightline?.flush === 'function');
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await t.stack.api('/v1/pageviews?site=demo&bots=include')).count, { timeout: 20_000 })
    .toBe(2);
  const clicks = await interactions('type=click');
  const everything = JSON.stringify(clicks);
  expect(everything).not.toContain('secret@example.com');
  expect(everything).not.toContain('hunter2');
  expect(everything).not.toContain('Internal tool');
  const selectors = clicks.map((c) => c.data.selector);
  expect(selectors).toEqual(expect.arrayContaining(['#email', '#password', '#submit']));
});
