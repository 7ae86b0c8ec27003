/**
 * The SDK in situations mature trackers handle (issue 12), in real Chromium: the tag
 * included twice, prerendered pages, engaged time without focus, scroll depth on a page
 * that changes, SPA summaries credited to the route they describe, identify → profile.
 * Headless sessions are bots: reads use bots=include.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { eventCounts, expectExactlyOnce } from './utils/counts.js';
import { CHROMIUM_PATH, plainFlags } from './utils/launchPlainChromium.mjs';
import { tapCollect, type CollectAnswers } from './utils/tapCollect.js';
import { useFreshStackPerTest } from './utils/useFreshStackPerTest.js';

const t = useFreshStackPerTest({ viewport: { width: 1000, height: 700 } });
let answers: CollectAnswers;

beforeEach(() => {
  answers = tapCollect(t.stack.collector);
  lab.clear();
  held.clear();
  hits.length = 0;
});

// Pages made for a test, served from loopback like the example sites (a page fulfilled by
// Playwright counts as public, and Chromium then refuses it the loopback collector).
const lab = new Map<string, string>();
/** Paths answered only once their promise resolves. */
const held = new Map<string, Promise<void>>();
const hits: string[] = [];
let labServer: Server;
let labUrl: string;
beforeAll(async () => {
  labServer = createServer((req, res) => {
    hits.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = lab.get(path);
    void (held.get(path) ?? Promise.resolve()).then(() =>
      res.writeHead(html ? 200 : 204, { 'content-type': 'text/html' }).end(html ?? ''),
    );
  });
  await new Promise<void>((resolve) => labServer.listen(0, '127.0.0.1', resolve));
  labUrl = `http://127.0.0.1:${(labServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => labServer.close(() => resolve())));

interface Interaction {
  id: string;
  type: string;
  name: string | null;
  path: string;
  pv: string | null;
  data: Record<string, unknown>;
}
const interactions = async (query: string): Promise<Interaction[]> =>
  (await t.stack.api(`/v1/interactions?site=demo&bots=include&limit=1000&ordering=ts&${query}`)).results;
const pageviews = async (): Promise<{ id: string; path: string }[]> =>
  (await t.stack.api('/v1/pageviews?site=demo&bots=include&ordering=ts')).results;

/** Serves `html` at `/lab/<name>`; `%S%` is the script tag. Other paths answer 204. */
function labPage(name: string, html: string): string {
  const tag = `<script defer src="${t.stack.collectorUrl}/s.js" data-site="demo"></script>`;
  lab.set(`/lab/${name}`, `<!doctype html><html><head><title>${name}</title>${html.replaceAll('%S%', tag)}`);
  return `${labUrl}/lab/${name}`;
}

/** Makes the page hidden or visible again, as switching tabs does (no real tab strip headless). */
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);

test('the script tag included twice → one pageview and one of each event', async () => {
  const url = labPage(
    'twice',
    '%S%%S%</head><body><button id="b" onclick="sightline.track(\'once\')">Go</button>',
  );
  const page = await t.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as any).sightline?.track === 'function');
  await page.click('#b');
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(
      async () => {
        const c = await eventCounts(t.stack);
        return [c.pageviews, c.byType.custom ?? 0, c.byType.click ?? 0];
      },
      { timeout: 20_000 },
    )
    .toEqual([1, 1, 1]);
  await expectExactlyOnce(t.stack, answers, []);
});

// Chromium does not prerender under DevTools (PrerenderingDisabledByDevTools, even with
// Page.setPrerenderingAllowed), so this one runs a plain headless Chromium, no CDP: the
// pages report to the lab server what happened, and it tells the first page when to go.
test('a page prerendered and never shown → no pageview; shown later → counted then', async () => {
  const target = labPage(
    'target',
    // After the SDK: flush() (a pageview would be sent by then), then tell the test.
    `%S%<script>addEventListener('DOMContentLoaded', () => sightline.flush().then(() => fetch('/lab/ran?prerendering=' + document.prerendering)))</script></head><body><h1>Target</h1>`,
  );
  labPage(
    'from',
    `<script type="speculationrules">{"prerender":[{"source":"list","urls":["${target}"]}]}</script>` +
      `<script>fetch('/lab/go').then(() => { location.href = '${target}' })</script></head><body>From`,
  );
  let go = (): void => undefined;
  held.set('/lab/go', new Promise<void>((resolve) => (go = resolve)));
  const profile = mkdtempSync(join(tmpdir(), 'sightline-prerender-'));
  // Its own process group: its helper processes end with it.
  const chromium = spawn(CHROMIUM_PATH, ['--headless=new', ...plainFlags(profile), `${labUrl}/lab/from`], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    await expect.poll(() => hits, { timeout: 20_000 }).toContain('/lab/ran?prerendering=true');
    // The target ran while prerendered and its queue was flushed: no pageview.
    expect(await pageviews()).toEqual([]);
    // The first page navigates to the target: the prerendered page is shown (activated).
    go();
    await expect
      .poll(async () => (await pageviews()).map((v) => v.path), { timeout: 20_000 })
      .toEqual(['/lab/target']);
  } finally {
    const exited = once(chromium, 'exit');
    process.kill(-(chromium.pid as number), 'SIGTERM');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }
});

test('engaged time counts visible time without window focus, never hidden time', async () => {
  const page = await t.context.newPage();
  await page.clock.install();
  await page.goto(`${t.stack.examplesUrl}blog/`);
  await page.waitForFunction(() => typeof (window as any).sightline?.track === 'function');
  // Focus moves to another window (a second screen): the page stays in view.
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await page.clock.runFor(5000);
  await setVisibility(page, 'hidden');
  await page.clock.runFor(60_000);
  await setVisibility(page, 'visible');
  await page.clock.runFor(2000);
  await setVisibility(page, 'hidden');
  await page.evaluate(() => (window as any).sightline.flush());
  await expect.poll(async () => (await interactions('type=engagement')).length).toBe(2);
  const [first, second] = (await interactions('type=engagement')).map((e) => e.data.ms as number);
  // Each stretch is the time the clock ran while visible, plus what ran before the clock
  // was taken over (loading the page): never the hidden minute.
  expect(first).toBeGreaterThanOrEqual(5000);
  expect(first).toBeLessThan(20_000);
  expect(second).toBeGreaterThanOrEqual(2000);
  expect(second).toBeLessThan(10_000);
});

test('scroll depth is the page as the reader saw it: content appended after they stopped does not move it', async () => {
  const page = await t.open('spa/');
  const seen = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const height = document.documentElement.scrollHeight;
        addEventListener(
          'scroll',
          () => {
            // Right after the SDK's own listener (added first) saw this scroll, a feed
            // appends three times the page.
            const depth = Math.round(((scrollY + innerHeight) / height) * 100);
            const long = document.getElementById('long') as HTMLElement;
            for (let i = 0; i < 3; i++) long.append(long.cloneNode(true));
            resolve(depth);
          },
          { once: true },
        );
        scrollTo(0, height * 0.4);
      }),
  );
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await interactions('type=scroll')).length).toBe(1);
  const [scroll] = await interactions('type=scroll');
  expect(
    Math.abs((scroll?.data.depth as number) - seen),
    `sent ${scroll?.data.depth}, seen ${seen}`,
  ).toBeLessThanOrEqual(1);
});

test('an SPA route change: the left route keeps its scroll depth and engaged time, under its own pageview and path', async () => {
  const page = await t.open('spa/');
  // Resolves on the scroll event, which the SDK (listening first) has seen by then.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        addEventListener('scroll', resolve, { once: true });
        scrollTo(0, document.documentElement.scrollHeight);
      }),
  );
  await page.evaluate(() => (document.getElementById('to-pricing') as HTMLElement).click());
  await page.waitForURL('**/spa/pricing');
  await page.evaluate(() => (window as any).sightline.flush());
  await expect.poll(async () => (await pageviews()).length).toBe(2);
  const [home, pricing] = await pageviews();
  await expect.poll(async () => (await interactions('type=scroll')).length).toBe(1);
  const [scroll] = await interactions('type=scroll');
  expect(scroll, JSON.stringify([scroll, home])).toMatchObject({
    pv: home?.id,
    path: '/spa/',
    data: { depth: 100 },
  });
  const [engagement] = await interactions('type=engagement');
  expect(engagement, JSON.stringify([engagement, home])).toMatchObject({ pv: home?.id, path: '/spa/' });
  expect(pricing?.path).toBe('/spa/pricing');
  // The pages report credits the depth to /spa/, and /spa/pricing has none yet.
  await expect
    .poll(
      async () => {
        const report = await t.stack.api('/v1/reports/pages?site=demo&bots=include');
        return Object.fromEntries(
          (report.pages as { path: string; avg_scroll_pct: number | null }[]).map((p) => [
            p.path,
            p.avg_scroll_pct,
          ]),
        );
      },
      { timeout: 20_000 },
    )
    .toEqual({ '/spa/': 100, '/spa/pricing': null });
});

test('identify() → GET /v1/users/<user> shows that user’s sessions', async () => {
  const page = await t.open('spa/');
  await page.evaluate(() => (window as any).sightline.identify('ada@example.com'));
  await page.click('#signup');
  await page.evaluate(() => (window as any).sightline.flush());
  const sessions = await t.stack.api('/v1/sessions?site=demo&bots=include');
  expect(sessions.count).toBe(1);
  await expect
    .poll(async () => (await t.stack.api('/v1/users/ada%40example.com?site=demo&bots=include')).sessions, {
      timeout: 20_000,
    })
    .toBe(1);
  const profile = await t.stack.api('/v1/users/ada%40example.com?site=demo&bots=include');
  expect(profile.timeline.map((e: { session: string }) => e.session)).toContain(sessions.results[0].session);
});

test('INP for one slow click soon after load, then the tab hidden before the vitals chunk came', async () => {
  let hidden = (): void => undefined;
  const wasHidden = new Promise<void>((resolve) => (hidden = resolve));
  // A slow network: the chunk arrives only after the visitor has switched tabs.
  await t.context.route('**/s.vitals.js', async (route) => {
    await wasHidden;
    await route.continue();
  });
  const url = labPage(
    'slow-click',
    `%S%</head><body><button id="slow" onclick="const t = performance.now(); while (performance.now() - t < 300);">Slow</button>`,
  );
  const page = await t.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as any).sightline?.track === 'function');
  await page.click('#slow');
  await setVisibility(page, 'hidden');
  hidden();
  await expect
    .poll(async () => (await interactions('type=vital&name=INP')).map((v) => v.data.value), {
      timeout: 20_000,
    })
    .toEqual([expect.any(Number)]);
  const [inp] = await interactions('type=vital&name=INP');
  expect(inp?.data.value).toBeGreaterThanOrEqual(250);
  expect(inp?.path).toBe('/lab/slow-click');
});

test('CLS growth after an SPA navigation is reported, each part under the route it grew on', async () => {
  const chunk = t.context.waitForEvent('requestfinished', (r) => r.url().endsWith('/s.vitals.js'));
  const page = await t.open('spa/');
  await chunk;
  /**
   * Pushes the page's content down by `px` (no input: it counts as a layout shift), once
   * seen. The second push is larger: CLS is the largest session window, and on a slow
   * machine the two pushes may fall in separate windows (over 1 s apart), where an equal
   * second one would not make CLS grow.
   */
  const shift = (px: number) =>
    page.evaluate(
      (height) =>
        new Promise<void>((resolve) => {
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve();
          }).observe({ type: 'layout-shift' });
          const block = document.createElement('div');
          block.style.height = `${height}px`;
          document.body.prepend(block);
        }),
      px,
    );
  await shift(150);
  // A navigation the app makes itself (not a click: input would exempt the shifts after it).
  await page.evaluate(() => {
    history.pushState({}, '', '/spa/pricing');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForFunction(() => document.title.startsWith('Pricing'));
  await expect.poll(async () => (await pageviews()).length).toBe(2);
  await shift(600);
  await setVisibility(page, 'hidden');
  await page.evaluate(() => (window as any).sightline.flush());
  const [home, pricing] = await pageviews();
  await expect
    .poll(async () => (await interactions('type=vital&name=CLS')).map((v) => [v.pv, v.path]), {
      timeout: 20_000,
    })
    .toEqual([
      [home?.id, '/spa/'],
      [pricing?.id, '/spa/pricing'],
    ]);
  const [first, second] = (await interactions('type=vital&name=CLS')).map((v) => v.data.value as number);
  expect(second).toBeGreaterThan(first as number);
});
