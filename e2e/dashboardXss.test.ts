/**
 * Stored XSS: events whose every string field carries a script payload are ingested, then
 * every tab of the dashboard (and a session's detail, and filter chips made from hostile
 * values) is opened in headless Chromium. Nothing may run: no dialog, no global set by a
 * payload, no CSP violation (seen by a listener in the page and at the report endpoint),
 * and no request that a payload would make. The payloads must still be shown, as text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { saveScreenshot, signInToDashboard, waitForView } from './utils/dashboardPage.js';
import { launchChromium } from './utils/launchChromium.js';
import { postEvents } from './utils/postEvents.js';
import { startStack, type Stack } from './utils/startStack.js';

const X = {
  img: `<img src=x onerror="window.__xss=1;alert(1)">`,
  script: `"><script>window.__xss=2;alert(2)</script>`,
  js: `javascript:window.__xss=3;alert(3)`,
  svg: `<svg/onload="window.__xss=4;alert(4)">`,
  attr: `' onmouseover='window.__xss=5' x='`,
};
const ALL = Object.values(X).join(' ');
const URL_ = `https://evil.example/${encodeURIComponent(X.img)}?q=${X.script}#${X.svg}`;

let browser: Browser;
let stack: Stack;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  const base = { ts: Date.now() - 60_000, session: 'xss-session', url: URL_, user: X.img };
  await postEvents(
    stack.collectorUrl,
    [
      { ...base, id: 'x-pv', type: 'pageview', title: ALL, referrer: `${X.js} ${X.img}`, language: `<svg onload=alert(6)>`, timezone: X.svg },
      { ...base, id: 'x-pv2', type: 'pageview', ts: base.ts + 1000, referrer: X.js, title: X.svg },
      { ...base, id: 'x-click', type: 'click', pv: 'x-pv', selector: X.script, tag: 'a', text: X.img, href: X.js, kind: 'link' },
      { ...base, id: 'x-err', type: 'error', pv: 'x-pv', kind: 'error', message: ALL, source: X.js, stack: X.script, line: 1, col: 1, count: 3 },
      { ...base, id: 'x-err2', type: 'error', pv: 'x-pv', kind: 'rejection', message: X.svg, source: `https://evil.example/${X.img}`, count: 1 },
      { ...base, id: 'x-custom', type: 'custom', pv: 'x-pv', name: X.img, props: { [X.script]: X.img, link: X.js, [X.attr]: X.svg } },
      { ...base, id: 'x-vital', type: 'vital', pv: 'x-pv', name: 'LCP', value: 1200, element: X.img },
    ],
    // The user agent and language are shown on the session's detail.
    { 'user-agent': `Mozilla/5.0 ${X.img} ${X.script}`, 'accept-language': X.svg.replace(/[^\x20-\x7e]/g, '') },
  );
});
// Report rollups are rebuilt in the background: wait until the hostile names are in them.
async function rollupsHold(): Promise<void> {
  await expect
    .poll(async () => {
      const events = await stack.api('/v1/reports/events?site=demo&bots=include');
      return events.events.some((e: { name: string }) => e.name === X.img);
    }, { message: 'the events report never showed the custom event' })
    .toBe(true);
}

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface Watch {
  dialogs: string[];
  cspReports: string[];
  foreign: string[];
}

/** Watches a page for anything a payload would do. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const seen: Watch = { dialogs: [], cspReports: [], foreign: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes('/dashboard/csp-report')) seen.cspReports.push(request.postData() ?? '');
    else if (!url.startsWith(`${origin}/dashboard`) && !url.startsWith(`${origin}/v1/`) && !url.startsWith('data:')) {
      seen.foreign.push(url);
    }
  });
  return seen;
}

async function injected(page: Page): Promise<unknown[]> {
  return page.evaluate(() => [(window as any).__xss, (window as any).__cspViolations]);
}

test('no payload in any field runs on any tab, and the payloads are shown as text', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Runs before the page's own script in every document: records CSP violations.
  await context.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include');
  const seen = await watch(page, stack.collectorUrl);
  const origin = stack.collectorUrl;

  await rollupsHold();
  const tab = (id: string, text?: string) => async () => {
    await page.click(`#tab-${id}`);
    await waitForView(page);
    if (text) expect(await page.textContent('main'), id).toContain(text);
  };
  const visits: [string, () => Promise<void>][] = [
    ['overview', async () => {}],
    ['pages', tab('pages')],
    ['paths', tab('paths')],
    ['engagement', tab('engagement', X.img)],
    ['problems', tab('problems')],
    ['events', tab('events', X.img)],
    ['vitals', tab('vitals')],
    ['bots', tab('bots')],
    ['realtime', tab('realtime')],
    ['errors', async () => {
      await page.click('#tab-errors');
      await waitForView(page);
      expect(await page.textContent('[data-table="errors"] tbody')).toContain(X.img);
    }],
    ['sessions', async () => {
      await page.click('#tab-sessions');
      await waitForView(page);
      expect(await page.textContent('[data-table="sessions"] tbody')).toContain(X.img);
    }],
    ['session detail', async () => {
      await page.click('[data-table="sessions"] button.link:text-is("xss-session")');
      await waitForView(page);
      const text = await page.textContent('main');
      for (const payload of [X.img, X.script, X.svg, X.js]) expect(text).toContain(payload);
    }],
    ['a filter chip from a hostile user', async () => {
      await page.click('[data-table="session-pageviews"] button.link >> nth=0'); // page
      await waitForView(page);
      await page.locator('[data-table="sessions"] button.link', { hasText: X.img }).first().click();
      await waitForView(page);
      expect(await page.textContent('#chips')).toContain(X.img);
    }],
    ['the hostile user in the User tab', tab('user', X.img)],
    ['hostile values in the URL itself', async () => {
      const q = new URLSearchParams({ bots: 'include', tab: 'sessions', q: X.script, referrer: X.img, page: X.svg, country: X.js, site: X.img });
      await page.goto(`${origin}/dashboard?${q}`);
      await waitForView(page);
      expect(await page.inputValue('#session-search')).toBe(X.script);
    }],
    ['hostile tab name', async () => {
      await page.goto(`${origin}/dashboard?tab=${encodeURIComponent(X.script)}&bots=include`);
      await waitForView(page);
    }],
  ];
  for (const [name, visit] of visits) {
    await visit();
    // If an element slipped through, its onerror/onload fires once its load ends: wait until
    // every image of the document is complete (loaded or broken), then for two frames.
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await injected(page), name).toEqual([undefined, []]);
    await saveScreenshot(page, `dashboard-xss-${name.replace(/\W+/g, '-')}`);
  }
  expect(seen).toEqual({ dialogs: [], cspReports: [], foreign: [] });
  await context.close();
});

test('the payloads reach the API intact (so the test above did show them)', async () => {
  const errors = await stack.api('/v1/reports/errors?site=demo&bots=include');
  expect(errors.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining([ALL, X.svg]));
  const session = await stack.api('/v1/sessions/xss-session?site=demo');
  expect(session.user_agent).toContain(X.img);
  expect(session.user).toBe(X.img);
});
