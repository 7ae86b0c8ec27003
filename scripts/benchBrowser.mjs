/**
 * The SDK's main-thread cost per page load in Debian's Chromium, beside Plausible's own npm
 * tracker (`@plausible-analytics/tracker`, a devDependency of this bench only) on the same
 * page: the example blog article loaded `RUNS` times each way (no tracker, `/s.js`,
 * `/s.core.js`, Plausible), CDP script and task durations (Performance.getMetrics) read 2 s
 * after `load`, and the long tasks (> 50 ms) seen meanwhile. A tracker's cost is its
 * median minus the median without one; the ratio to Plausible's is measured in the same
 * run, so a busy machine moves both. Used by `pnpm bench`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serveExamples } from '@sightline/examples';

const RUNS = 10;
const AFTER_LOAD_MS = 2000;
const require = createRequire(import.meta.url);
const PLAUSIBLE = readFileSync(require.resolve('@plausible-analytics/tracker'));

async function loadOnce(context, url, init) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    window.__longTasks = 0;
    try {
      new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({
        type: 'longtask',
        buffered: true,
      });
    } catch {}
  });
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(AFTER_LOAD_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const longTasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, longTasks };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => +x.toFixed(1);

export async function benchBrowser(collectorUrl) {
  const examples = await serveExamples({ port: 0, collectorUrl, site: 'bench' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    // Plausible's tracker, served beside the page as a module, as a bundler would ship it;
    // its events answered at once.
    await context.route('**/__plausible.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: PLAUSIBLE }),
    );
    await context.route('**/api/event', (route) => route.fulfill({ status: 202, body: 'ok' }));
    const article = `${examples.url}blog/posts/counting-people`;
    const core = `${article}?sdk=0`;
    const ways = [
      ['no tracker', `${article}?sdk=0`],
      ['/s.js', article],
      ['/s.core.js', core, `(${(src) => {
        addEventListener('DOMContentLoaded', () => {
          const s = document.createElement('script');
          s.src = src;
          s.dataset.site = 'bench';
          document.head.append(s);
        });
      }})(${JSON.stringify(`${collectorUrl}/s.core.js`)})`],
      [
        'Plausible (npm tracker)',
        `${article}?sdk=0`,
        () =>
          import('/__plausible.js').then((p) =>
            p.init({ domain: 'bench.example', endpoint: '/api/event', captureOnLocalhost: true }),
          ),
      ],
    ];
    const runs = {};
    for (const [name, url, init] of ways) {
      await loadOnce(context, url, init); // warm caches
      runs[name] = [];
    }
    // Interleaved, so that a busy moment of the machine hits every way alike.
    for (let i = 0; i < RUNS; i++)
      for (const [name, url, init] of ways) runs[name].push(await loadOnce(context, url, init));
    const rows = {};
    const base = runs['no tracker'];
    for (const [name] of ways) {
      const r = runs[name];
      rows[name] = {
        'script ms (median)': round(median(r.map((x) => x.script))),
        'task ms (median)': round(median(r.map((x) => x.task))),
        'script ms added': round(median(r.map((x) => x.script)) - median(base.map((x) => x.script))),
        'task ms added': round(median(r.map((x) => x.task)) - median(base.map((x) => x.task))),
        'long tasks': r.reduce((n, x) => n + x.longTasks, 0),
      };
    }
    const plausible = rows['Plausible (npm tracker)'];
    for (const name of ['/s.js', '/s.core.js']) {
      rows[`${name} ÷ Plausible`] = {
        'script ms added': round(rows[name]['script ms added'] / Math.max(plausible['script ms added'], 0.1)),
        'task ms added': round(rows[name]['task ms added'] / Math.max(plausible['task ms added'], 0.1)),
      };
    }
    console.log(
      `\nMain-thread time per page load, Chromium headless, ${RUNS} loads each, until ${AFTER_LOAD_MS} ms after load` +
        ` (target: /s.js script ms added ≤ 2× Plausible's, no long task from the SDK; the machine may be shared)`,
    );
    console.table(rows);
  } finally {
    await browser.close();
    await examples.close();
  }
}
