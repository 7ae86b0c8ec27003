/**
 * Report latency at scale: seeds stores of 1M and 10M events (BENCH_REPORT_SIZES) with the
 * documented generator (bench/generateTraffic.mjs), rebuilds the rollups, starts a collector
 * on each and times every report over HTTP, without a filter and with one filter (page,
 * referrer, device, country in turn), after three untimed requests per series (the first
 * request of each report, on cold caches, is shown on its own). Targets (issue 5, at 10M
 * events): p95 ≤ 50 ms without a filter, ≤ 300 ms with one. BENCH_REPORT_DIR keeps the
 * seeded stores there and reuses them on the next run (seeding 10M events takes a while).
 * Then the dashboard's first render of every tab on the same store
 * (scripts/benchDashboard.mjs; BENCH_DASHBOARD=0 leaves it out). Last, a crawler's session of
 * 10,000 distinct URLs added to today: its rollup rows and the day's rebuild time
 * (BENCH_CRAWLER=0 leaves it out). Freshness: while clients post to today's "shop", how long
 * a probe's page view takes to show in a report, beside today's day rebuilt whole
 * (scripts/benchReportsFreshness.mjs; BENCH_FRESHNESS=0 leaves it out).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIngest, createStorage, loadConfig, readRequestFacts, startServer } from '@sightline/collector';
import { generateTraffic } from './bench/generateTraffic.mjs';
import { ROLLUP_COLUMNS } from '../collector/dist/rollups/types.js';
import { benchDashboard } from './benchDashboard.mjs';
import { measureFreshness } from './benchReportsFreshness.mjs';
import { insertRetrying } from './benchReportsIngest.mjs';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const RUNS = Number(process.env.BENCH_REPORT_RUNS || 40);
const REPORTS = [
  'overview',
  'pages',
  'paths',
  'events',
  'vitals',
  'engagement',
  'problems',
  'bots',
  'errors',
  'realtime',
];
const FILTERS = ['page=/p/0', 'referrer=google.com', 'device=mobile', 'country=DE'];
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n) => (n >= 1000 ? `${(n / 1e6).toFixed(n % 1e6 ? 1 : 0)}M` : String(n));

async function seed(path, total) {
  const storage = await createStorage({ kind: 'sqlite', path });
  await storage.migrate();
  await storage.ensureSites(['shop', 'docs', 'blog']);
  const crawlerRequest = {
    facts: readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: true, receivedAt: Date.now() }),
    network: null,
  };
  const ingest = createIngest(storage);
  const t0 = performance.now();
  const inFlight = new Set();
  for (const { rows, request } of generateTraffic({ total, crawlerRequest })) {
    const p = insertRetrying(ingest, rows, request).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const insertS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const { days } = await storage.refreshRollups();
  const rollupS = (performance.now() - t1) / 1000;
  await storage.close();
  return { insertS, rollupS, days };
}

const ROLLUP_TABLES = Object.keys(ROLLUP_COLUMNS);
const CRAWLER_URLS = 10_000;

/**
 * A crawler's session of 10,000 distinct URLs added to today's "shop" day (issue 19: its rows
 * must grow with its events, not their square): the rows it adds and how long the day takes
 * to rebuild with it, beside the same day rebuilt without it.
 */
async function crawlerCase(path) {
  const collector = await import('@sightline/collector');
  const storage = await createStorage({ kind: 'sqlite', path });
  const ingest = collector.createIngest ? collector.createIngest(storage) : storage;
  const { openDb } = await import('../collector/dist/storage/sqlite/db.js');
  const db = await openDb(path);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const count = async () => {
      let n = 0;
      for (const t of ROLLUP_TABLES)
        n += (await db.get(`SELECT count(*) AS n FROM ${t} WHERE site = 'shop' AND day = ?`, [today])).n;
      return n;
    };
    const rebuild = () => rebuildWhole(storage, db, today);
    const { n: dayEvents } = await db.get(
      `SELECT count(*) AS n FROM events WHERE site = 'shop' AND ts >= ?`,
      [Date.parse(today)],
    );
    const withoutS = await rebuild();
    const before = await count();
    const session = `crawler-${Date.now()}`;
    const request = {
      facts: readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: true, receivedAt: Date.now() }),
      network: null,
    };
    const now = Date.now();
    for (let i = 0; i < CRAWLER_URLS; i += 500) {
      const rows = Array.from({ length: 500 }, (_, k) => ({
        site: 'shop',
        eventId: `${session}-${i + k}`,
        type: 'pageview',
        ts: now - CRAWLER_URLS + i + k,
        receivedAt: now,
        session,
        visitor: 'crawler',
        user: null,
        url: `https://shop.example/crawl/${session}/${i + k}`,
        path: `/crawl/${session}/${i + k}`,
        title: null,
        referrer: null,
        name: null,
        data: null,
        pv: null,
        userAgent: CRAWLER,
        client: { country: 'US', browser: null, os: null, device: 'desktop' },
        source: null,
      }));
      await ingest.insertEvents(rows, null, request);
    }
    const withS = await rebuild();
    const added = (await count()) - before;
    console.log(
      `Crawler: one session of ${CRAWLER_URLS} distinct URLs added to today's "shop" day (${dayEvents} events): ` +
        `+${added} rollup rows (${(added / CRAWLER_URLS).toFixed(1)} per event); the day rebuilt in ${withS.toFixed(1)} s with it, ` +
        `${withoutS.toFixed(1)} s without`,
    );
  } finally {
    await db.close();
    await storage.close();
  }
}

/**
 * The "shop" day rebuilt whole, not kept up to date (what every pass did before: the
 * ceiling of freshness): seconds.
 */
async function rebuildWhole(storage, db, day) {
  await db.run(`DELETE FROM rollup_days WHERE site = 'shop' AND day = ?`, [day]);
  await db.run(
    `INSERT INTO rollup_dirty (site, day) VALUES ('shop', ?) ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1`,
    [day],
  );
  const t = performance.now();
  await storage.refreshRollups();
  return (performance.now() - t) / 1000;
}

/** Today's "shop" day rebuilt whole on the store at `path`: seconds. */
async function rebuildToday(path) {
  const storage = await createStorage({ kind: 'sqlite', path });
  const { openDb } = await import('../collector/dist/storage/sqlite/db.js');
  const db = await openDb(path);
  try {
    return await rebuildWhole(storage, db, new Date().toISOString().slice(0, 10));
  } finally {
    await db.close();
    await storage.close();
  }
}

/** Untimed requests before each timed series: the first ones fill the readers' caches. */
const WARMUP = 3;

async function time(url, path, runs) {
  const times = [];
  let first = 0;
  for (let i = -WARMUP; i < runs; i += 1) {
    const t = performance.now();
    const res = await fetch(url + path, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 0) times.push(performance.now() - t);
    else if (i === -WARMUP) first = performance.now() - t;
  }
  // `first`: the first request, on the readers' cold caches (shown, not counted).
  return Object.assign(
    times.sort((a, b) => a - b),
    { first },
  );
}

export async function benchReports(
  sizes = (process.env.BENCH_REPORT_SIZES || '1000000,10000000').split(',').map(Number),
) {
  for (const total of sizes) {
    const keep = process.env.BENCH_REPORT_DIR;
    if (keep) mkdirSync(keep, { recursive: true });
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'sightline-reports-'));
    const file = join(dir, `reports-${total}.db`);
    try {
      if (keep && existsSync(file)) {
        // A store from an older build: migrate it and bring its rollups up to date before timing.
        const storage = await createStorage({ kind: 'sqlite', path: file });
        const t = performance.now();
        await storage.migrate();
        const { days } = await storage.refreshRollups();
        await storage.close();
        console.log(
          `\n${fmt(total)} events: reusing ${file} (${(statSync(file).size / 1048576).toFixed(0)} MiB)` +
            (days
              ? `, ${days} stale site-days rebuilt in ${((performance.now() - t) / 1000).toFixed(0)} s`
              : ''),
        );
      } else {
        const seeded = await seed(file, total);
        console.log(
          `\n${fmt(total)} events: inserted in ${seeded.insertS.toFixed(0)} s (${Math.round(total / seeded.insertS)} events/s, storage API), ` +
            `rollups of ${seeded.days} site-days rebuilt in ${seeded.rollupS.toFixed(0)} s, database ${(statSync(file).size / 1048576).toFixed(0)} MiB`,
        );
      }
      const server = await startServer(
        loadConfig({
          PORT: '0',
          DATABASE_URL: `sqlite:${file}`,
          ADMIN_TOKEN: TOKEN,
          RATE_LIMIT_MAX: '0',
          LOG_LEVEL: 'warn',
        }),
      );
      let fresh = null;
      try {
        const rows = {};
        for (const name of REPORTS) {
          const plain = await time(server.url, `/v1/reports/${name}?site=shop`, RUNS);
          const filtered = [];
          for (const f of FILTERS)
            filtered.push(
              ...(await time(
                server.url,
                `/v1/reports/${name}?site=shop&${f}`,
                Math.ceil(RUNS / FILTERS.length),
              )),
            );
          filtered.sort((a, b) => a - b);
          const p95 = quantile(plain, 0.95);
          const fp95 = quantile(filtered, 0.95);
          rows[name] = {
            'first ms': +plain.first.toFixed(1),
            'p50 ms': +quantile(plain, 0.5).toFixed(1),
            'p95 ms': +p95.toFixed(1),
            '≤ 50': p95 <= 50,
            'filtered p50': +quantile(filtered, 0.5).toFixed(1),
            'filtered p95': +fp95.toFixed(1),
            '≤ 300': fp95 <= 300,
          };
        }
        console.log(
          `Report latency over HTTP, site "shop" (≈70 % of ${fmt(total)} events), last 30 days, ${RUNS} runs each after ${WARMUP} untimed (the first of them: "first ms")`,
        );
        console.table(rows);
        if (process.env.BENCH_DASHBOARD !== '0') {
          console.log(
            `Dashboard first render (headless Chromium, full page load per tab, site "shop", 30 days)`,
          );
          console.table(await benchDashboard({ url: server.url, token: TOKEN, site: 'shop' }));
        }
        if (process.env.BENCH_FRESHNESS !== '0')
          fresh = await measureFreshness({ url: server.url, token: TOKEN, site: 'shop' });
      } finally {
        await server.close();
      }
      if (fresh) {
        const wholeS = await rebuildToday(file);
        console.log(
          `Freshness (issue 19: ≤ 5 s), ${fmt(total)} events: at ${fresh.rate.toFixed(0)} events/s into today's "shop" (HTTP, ` +
            `10-event batches), a probe's page view shows in the overview ${(fresh.p50 / 1000).toFixed(2)} s (p50), ` +
            `${(fresh.p95 / 1000).toFixed(2)} s (p95), ${(fresh.max / 1000).toFixed(2)} s (max) after its 202; today's day ` +
            `rebuilt whole takes ${wholeS.toFixed(1)} s (p95 lag / whole rebuild ${(fresh.p95 / 1000 / wholeS).toFixed(2)}); ` +
            `first probe after the start ${(fresh.warmupMs / 1000).toFixed(2)} s`,
        );
      }
      if (process.env.BENCH_CRAWLER !== '0') await crawlerCase(file);
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReports();
