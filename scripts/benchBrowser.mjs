/**
 * The SDK's main-thread cost per page load in Debian's Chromium: script and task time
 * (CDP Performance metrics) of the example blog with and without the script tag, and the
 * long tasks (> 50 ms) seen while it runs. Used by `pnpm bench`.
 */
import { chromium } from 'playwright-core';
import { serveExamples } from '@sightline/examples';

const RUNS = 15;

async function loadOnce(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    window.__longTasks = 0;
    try {
      new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
    } catch {}
  });
  await page.goto(url, { waitUntil: 'load' });
  // Let deferred work (idle batching, observers) run, then hide the page as a leaving user would.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 1000 })));
  await page.click('h1');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const longTasks = await page.evaluate(() => window.__longTasks);
  await page.close({ runBeforeUnload: true });
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, longTasks };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchBrowser(collectorUrl) {
  const examples = await serveExamples({ port: 0, collectorUrl, site: 'bench' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const rows = {};
    for (const [name, query] of [['without SDK', '?sdk=0'], ['with /s.js', '']]) {
      const runs = [];
      await loadOnce(context, `${examples.url}blog/${query}`); // warm caches
      for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(context, `${examples.url}blog/${query}`));
      rows[name] = {
        'script ms (median)': +median(runs.map((r) => r.script)).toFixed(2),
        'task ms (median)': +median(runs.map((r) => r.task)).toFixed(2),
        'long tasks': runs.reduce((n, r) => n + r.longTasks, 0),
      };
    }
    rows['SDK cost'] = {
      'script ms (median)': +(rows['with /s.js']['script ms (median)'] - rows['without SDK']['script ms (median)']).toFixed(2),
      'task ms (median)': +(rows['with /s.js']['task ms (median)'] - rows['without SDK']['task ms (median)']).toFixed(2),
      'long tasks': rows['with /s.js']['long tasks'] - rows['without SDK']['long tasks'],
    };
    console.log(`\nSDK main-thread time per page load, Chromium headless (${RUNS} loads each)`);
    console.table(rows);
  } finally {
    await browser.close();
    await examples.close();
  }
}
