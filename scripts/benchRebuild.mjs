/**
 * `node scripts/benchRebuild.mjs`: what a long rollup rebuild costs ingest and /healthz, on a
 * collector started as its own process (`collector/dist/cli.js`, or COLLECTOR_CLI).
 *
 * 1. Crash and restart (issue 13): 8 clients post 10-event batches of distinct URLs for 3 s,
 *    the collector is killed (SIGKILL) and started again at once, with the same load: the
 *    time until /healthz answers and until the first 202, then /healthz and ingest latency
 *    while the rollups of the crashed run are rebuilt.
 * 2. A crawler: one session of 10,000 distinct URLs (20-event batches), then its day is
 *    rebuilt again while /healthz and 20-event ingest requests (another site) are timed,
 *    beside the same requests with no rebuild running.
 * 3. With BENCH_REBUILD_EVENTS (e.g. 1000000): a day of that many events (the reports
 *    benchmark's generator, folded into today), seeded through the storage API, then the
 *    same measurement while that day is rebuilt.
 *
 * Rollup rows and bytes (SQLite's dbstat) and rebuild times are printed for each store. The
 * machine is shared: compare figures within one run (each "during" beside its "without").
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTraffic } from './bench/generateTraffic.mjs';
import { measureFreshness } from './benchReportsFreshness.mjs';
import { insertRetrying } from './benchReportsIngest.mjs';
import { ROLLUP_COLUMNS } from '../collector/dist/rollups/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = process.env.COLLECTOR_CLI || join(ROOT, 'collector/dist/cli.js');
const require = createRequire(join(ROOT, 'collector/package.json'));
const sqlite3 = require('sqlite3');
const TOKEN = 'bench-admin-token-0123456789abcdef';
const CRAWLER_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const TIMEOUT_MS = 2000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : '—');

function query(file, sql, params = []) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all(sql, params, (e, rows) => db.close(() => (e ? reject(e) : resolve(rows))));
    });
  });
}

let port = 18700 + Math.floor(Math.random() * 1000);
function startCollector(file) {
  port += 1;
  const child = spawn(process.execPath, [CLI], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${file}`,
      ADMIN_TOKEN: TOKEN,
      SITES: 'demo,probe,shop,docs,blog',
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** `at`: when it was answered (performance.now()). */
async function timed(fn) {
  const t = performance.now();
  let ok = false;
  try {
    ok = await fn();
  } catch {
    ok = false;
  }
  const at = performance.now();
  return { ok, ms: at - t, at };
}

const health = (url) =>
  timed(async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) })).ok);

let eventNo = 0;
function post(url, site, session, paths, ua = BROWSER_UA) {
  const now = Date.now();
  const events = paths.map((path) => ({
    id: `b${process.pid}-${(eventNo += 1)}`,
    type: 'pageview',
    ts: now,
    session,
    url: `https://${site}.example${path}`,
  }));
  return timed(async () => {
    const res = await fetch(`${url}/v1/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': ua },
      body: JSON.stringify({ site, events }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.status === 202;
  });
}

/** Loops `fn` back to back until `until()` says stop; returns each call's result. */
async function loop(fn, until) {
  const out = [];
  while (!until()) out.push(await fn());
  return out;
}

const p99 = (results) =>
  quantile(
    results.map((r) => r.ms).sort((a, b) => a - b),
    0.99,
  );

async function waitHealthy(url) {
  for (;;) {
    if ((await health(url)).ok) return;
    await sleep(50);
  }
}

/** Waits until no day of `site` (any site when null) is marked stale; returns the wait. */
async function waitRebuilt(file, site = null, limitMs = 600_000) {
  const t = performance.now();
  while (performance.now() - t < limitMs) {
    const [{ n }] = await query(
      file,
      `SELECT count(*) AS n FROM rollup_dirty WHERE ${site ? 'site = ?' : 'true'}`,
      site ? [site] : [],
    );
    if (n === 0) return performance.now() - t;
    await sleep(100);
  }
  return NaN;
}

async function rollupSize(file) {
  const tables = await query(
    file,
    `SELECT name, count(*) AS pages, sum(pgsize) AS bytes FROM dbstat
     WHERE name LIKE 'ru\\_%' ESCAPE '\\' OR name LIKE 'sqlite_autoindex_ru\\_%' ESCAPE '\\' GROUP BY name`,
  ).catch(() => []);
  const bytes = tables.reduce((n, t) => n + t.bytes, 0);
  let rows = 0;
  for (const t of Object.keys(ROLLUP_COLUMNS))
    rows += (await query(file, `SELECT count(*) AS n FROM ${t}`))[0].n;
  return { rows, mib: bytes / 1048576, fileMib: statSync(file).size / 1048576 };
}

/** /healthz and 20-event ingest (site probe) timed side by side until `until()`. */
async function probe(url, until) {
  const session = `probe-${Date.now()}`;
  let n = 0;
  const [healthz, ingest] = await Promise.all([
    loop(() => health(url).then(async (r) => (await sleep(10), r)), until),
    loop(
      () =>
        post(
          url,
          'probe',
          session,
          Array.from({ length: 20 }, () => `/probe/${(n += 1)}`),
        ),
      until,
    ),
  ]);
  return { healthz, ingest };
}

function row(label, { healthz, ingest }) {
  return {
    '': label,
    'healthz p99': ms(p99(healthz)),
    'healthz max': ms(Math.max(...healthz.map((r) => r.ms))),
    'healthz failed': healthz.filter((r) => !r.ok).length,
    'ingest p99': ms(p99(ingest)),
    'ingest max': ms(Math.max(...ingest.map((r) => r.ms))),
    'ingest not 202': ingest.filter((r) => !r.ok).length,
    requests: ingest.length,
  };
}

/** Resident set now and at its peak (Linux /proc), in MiB. */
function memoryMib(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

function writeSql(file, sql, params = []) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.run(sql, params, (e) => db.close(() => (e ? reject(e) : resolve())));
    });
  });
}

/**
 * Marks `site`'s today stale and starts a collector on the store, whose first rollup pass
 * rebuilds it: /healthz and ingest (site probe) are timed from the start until the day is
 * rebuilt, then for as long again (at least 2 s) without a rebuild.
 */
async function duringAndWithout(file, site) {
  const today = new Date().toISOString().slice(0, 10);
  // Rebuilt whole: the day forgets the watermark it was kept up to date from.
  await writeSql(file, `DELETE FROM rollup_days WHERE site = ? AND day = ?`, [site, today]).catch(() => {});
  await writeSql(
    file,
    `INSERT INTO rollup_dirty (site, day) VALUES (?, ?) ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1`,
    [site, today],
  );
  const t = performance.now();
  const { child, url } = startCollector(file);
  try {
    await waitHealthy(url);
    const healthyMs = performance.now() - t;
    const startMib = memoryMib(child.pid).rss;
    // Sampled too: VmHWM counts file pages of the database the process touched as well.
    let sampledMib = startMib;
    const sampler = setInterval(() => (sampledMib = Math.max(sampledMib, memoryMib(child.pid).rss)), 100);
    let done = false;
    let rebuildMs = NaN;
    const rebuilt = waitRebuilt(file, site).then(() => {
      rebuildMs = performance.now() - t;
      done = true;
    });
    const during = await probe(url, () => done);
    await rebuilt;
    // VmHWM: the process's peak resident set since it started (the rebuild ran in its worker).
    clearInterval(sampler);
    const rss = { startMib, peakMib: memoryMib(child.pid).peak, sampledMib };
    const until = performance.now() + Math.max(2000, rebuildMs - healthyMs);
    const without = await probe(url, () => performance.now() > until);
    return { during, without, rebuildMs, healthyMs, rss };
  } finally {
    await stop(child);
  }
}

/** Starts a collector on `file` under 8 clients' load: when it answers, and how. */
async function startUnderLoad(file) {
  const t0 = performance.now();
  const { child, url } = startCollector(file);
  let healthyAt = NaN;
  let firstAckAt = NaN;
  let load = true;
  let sent = 0;
  const clients = Array.from({ length: 8 }, (_, c) =>
    loop(
      async () => {
        const r = await post(
          url,
          'demo',
          `after-${c}`,
          Array.from({ length: 10 }, () => `/a${c}/${(sent += 1)}`),
        );
        if (r.ok && Number.isNaN(firstAckAt)) firstAckAt = r.at - t0;
        if (!r.ok) await sleep(20);
        return r;
      },
      () => !load,
    ),
  );
  const healthz = await loop(
    async () => {
      const r = await health(url);
      if (r.ok && Number.isNaN(healthyAt)) healthyAt = r.at - t0;
      await sleep(20);
      return r;
    },
    () => !Number.isNaN(healthyAt) && performance.now() - t0 > healthyAt + 3000,
  );
  load = false;
  const ingest = (await Promise.all(clients)).flat();
  const cleanMs = (await waitRebuilt(file)) + performance.now() - t0;
  await stop(child);
  const served = (r) => r.filter((x) => x.ok);
  const afterHealthy = (r) => r.at - t0 >= healthyAt;
  const size = await rollupSize(file);
  return {
    'to /healthz 200': ms(healthyAt),
    'to first 202': ms(firstAckAt),
    '202s in 3 s after healthy': served(ingest).filter(
      (r) => afterHealthy(r) && r.at - t0 <= healthyAt + 3000,
    ).length,
    'healthz p99 then': ms(p99(healthz.filter(afterHealthy))),
    'healthz failed then': healthz.filter((r) => afterHealthy(r) && !r.ok).length,
    'ingest p99 then': ms(p99(ingest.filter(afterHealthy))),
    'not 202 then': ingest.filter((r) => afterHealthy(r) && !r.ok).length,
    'rollups clean after': ms(cleanMs),
    'rollup rows': size.rows,
    'rollup MiB': size.mib.toFixed(1),
  };
}

async function crashAndRestart(dir) {
  const file = join(dir, 'crash.db');
  const first = startCollector(file);
  await waitHealthy(first.url);
  let stopped = false;
  let sent = 0;
  const clients = Array.from({ length: 8 }, (_, c) =>
    loop(
      () =>
        post(
          first.url,
          'demo',
          `crash-${c}`,
          Array.from({ length: 10 }, () => `/c${c}/${(sent += 1)}`),
        ),
      () => stopped,
    ),
  );
  await sleep(3000);
  await stop(first.child, 'SIGKILL');
  stopped = true;
  const acked = (await Promise.all(clients)).flat().filter((r) => r.ok).length;
  const restarted = await startUnderLoad(file);
  const fresh = await startUnderLoad(join(dir, 'fresh.db'));
  console.log(
    `\n1. Crash and restart: 8 clients posted 10-event batches of distinct URLs for 3 s (${acked} acknowledged), SIGKILL, ` +
      `started again under the same load; beside it a start on an empty store under that load:`,
  );
  console.table([
    { '': 'after SIGKILL', ...restarted },
    { '': 'empty store', ...fresh },
  ]);
}

async function crawler(dir) {
  const file = join(dir, 'crawler.db');
  const { child, url } = startCollector(file);
  let sentS = 0;
  let firstBuild = 0;
  try {
    await waitHealthy(url);
    const t = performance.now();
    for (let i = 0; i < 10_000; i += 20)
      await post(
        url,
        'shop',
        'crawler',
        Array.from({ length: 20 }, (_, k) => `/crawl/${i + k}`),
        CRAWLER_UA,
      );
    sentS = (performance.now() - t) / 1000;
    firstBuild = await waitRebuilt(file);
  } finally {
    await stop(child);
  }
  const size = await rollupSize(file);
  const { during, without, rebuildMs, healthyMs } = await duringAndWithout(file, 'shop');
  console.log(
    `\n2. Crawler: one session of 10,000 distinct URLs sent in ${sentS.toFixed(1)} s; rollups clean ${ms(firstBuild)} after the last batch; ` +
      `${size.rows} rollup rows, ${size.mib.toFixed(1)} MiB (file ${size.fileMib.toFixed(1)} MiB). Its day marked stale, collector started ` +
      `(healthy after ${ms(healthyMs)}), day rebuilt ${ms(rebuildMs)} after the start:`,
  );
  console.table([row('during the rebuild', during), row('without', without)]);
}

async function bigDay(dir, total) {
  const file = join(process.env.BENCH_REBUILD_DIR || dir, `day-${total}.db`);
  if (existsSync(file)) {
    // A store seeded by an earlier run (BENCH_REBUILD_DIR): only the rebuild is measured.
    const [{ n }] = await query(file, `SELECT count(*) AS n FROM events WHERE site = 'shop'`);
    return bigDayRebuild(file, total, n, '(seeded before)');
  }
  const collector = await import('@sightline/collector');
  const storage = await collector.createStorage({ kind: 'sqlite', path: file });
  await storage.migrate();
  // Stores written through the ingest layer where there is one (issue 13), else directly.
  const ingest = collector.createIngest ? collector.createIngest(storage) : storage;
  const now = Date.now();
  const today = Math.floor(now / 86_400_000) * 86_400_000;
  const t0 = performance.now();
  const inFlight = new Set();
  for (const { rows, request } of generateTraffic({ total, now })) {
    for (const r of rows)
      r.ts = r.receivedAt = today + Math.floor(((r.ts % 86_400_000) * (now - today)) / 86_400_000);
    const p = insertRetrying(ingest, rows, request).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seeded = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await storage.refreshRollups();
  const rebuilt = (performance.now() - t1) / 1000;
  await storage.close();
  const [{ n }] = await query(file, `SELECT count(*) AS n FROM events WHERE site = 'shop'`);
  await bigDayRebuild(
    file,
    total,
    n,
    `seeded in ${seeded.toFixed(0)} s, rollups built in ${rebuilt.toFixed(1)} s`,
  );
}

async function bigDayRebuild(file, total, n, how) {
  const size = await rollupSize(file);
  const { during, without, rebuildMs, healthyMs, rss } = await duringAndWithout(file, 'shop');
  console.log(
    `\n3. One day of ${total} events (site shop: ${n}) ${how} ` +
      `(${size.rows} rows, ${size.mib.toFixed(0)} MiB). Shop's day marked stale, collector started (healthy after ${ms(healthyMs)}), ` +
      `day rebuilt ${ms(rebuildMs)} after the start. Collector RSS: ${rss.startMib} MiB at start, ` +
      `peak ${rss.peakMib} MiB during the rebuild (VmHWM; sampled every 100 ms: ${rss.sampledMib} MiB, ` +
      `${(rss.sampledMib / rss.startMib).toFixed(1)}× the start):`,
  );
  console.table([row('during the rebuild', during), row('without', without)]);
  // Freshness on the same day: kept up to date pass after pass, beside the full rebuild above.
  // The probe site's one long session (the requests timed above) is left out: a pass would
  // rebuild it first.
  await writeSql(file, `DELETE FROM rollup_dirty WHERE site = 'probe'`);
  const { child, url } = startCollector(file);
  try {
    await waitHealthy(url);
    const f = await measureFreshness({ url, token: TOKEN, site: 'shop' });
    console.log(
      `Freshness at ${f.rate.toFixed(0)} events/s into that day (HTTP, 10-event batches): a probe's page view shows in ` +
        `the overview ${ms(f.p50)} (p50), ${ms(f.p95)} (p95), ${ms(f.max)} (max) after its 202 — ` +
        `${((f.p95 / rebuildMs) * 100).toFixed(2)} % of the day's full rebuild (${ms(rebuildMs)}); ` +
        `first probe after a start ${ms(f.warmupMs)}. Collector RSS after: ${memoryMib(child.pid).rss} MiB`,
    );
  } finally {
    await stop(child);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sightline-rebuild-'));
try {
  if (process.env.BENCH_REBUILD_PARTS?.includes('1') ?? true) await crashAndRestart(dir);
  if (process.env.BENCH_REBUILD_PARTS?.includes('2') ?? true) await crawler(dir);
  const total = Number(process.env.BENCH_REBUILD_EVENTS || 0);
  if (total > 0) await bigDay(dir, total);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
