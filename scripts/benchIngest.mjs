#!/usr/bin/env node
/**
 * `pnpm bench:ingest`: ingest throughput of the collector as shipped (`node
 * collector/dist/cli.js`, its own process, a fresh SQLite store) under autocannon, beside the
 * ceiling measured in the same run: a bare Fastify route that only parses the same bodies
 * (`benchIngestBareRoute.mjs`, its own process) and raw SQLite inserting the same events
 * (`benchIngestSqlite.mjs`). Then the overload run (`benchIngestOverload.mjs`) and kill -9
 * rounds (`benchIngestKill.mjs`).
 *
 * BENCH_INGEST_SECONDS (default 10) per scenario and target; BENCH_OVERLOAD_SECONDS (60);
 * BENCH_KILL_ROUNDS (20); BENCH_INGEST_PARTS (table,overload,kill) to run only some.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProcessMemory } from '../e2e/utils/readProcessMemory.mjs';
import { spawnCollector } from '../e2e/utils/spawnCollector.mjs';
import { SCENARIOS, scenarioRequest } from './benchIngestBodies.mjs';
import { runKill } from './benchIngestKill.mjs';
import { runLoad } from './benchIngestLoad.mjs';
import { runOverload } from './benchIngestOverload.mjs';
import { measureSqlite } from './benchIngestSqlite.mjs';
import { collectorEnv, spawnBareRoute } from './benchIngestTargets.mjs';

const SECONDS = Number(process.env.BENCH_INGEST_SECONDS || 10);
const CONNECTIONS = 16;
const PARTS = new Set((process.env.BENCH_INGEST_PARTS || 'table,overload,kill').split(','));
const WARM_REQUESTS = 200;

async function timedPost(url, scenario, prefix, n) {
  const { body, headers } = scenarioRequest(scenario, prefix, n, 0);
  const t = performance.now();
  const res = await fetch(`${url}/v1/collect`, { method: 'POST', body, headers });
  await res.arrayBuffer();
  if (res.status !== 202) throw new Error(`collect → ${res.status}`);
  return performance.now() - t;
}

/** p95 of sequential requests to a warm collector. */
async function warmP95(url, scenario) {
  const times = [];
  for (let i = 0; i < WARM_REQUESTS; i++) times.push(await timedPost(url, scenario, 'warm-', i));
  times.sort((a, b) => a - b);
  return times[Math.floor(0.95 * times.length)];
}

const round = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

function printTable(title, rows) {
  console.log(`\n${title}`);
  console.table(rows);
  // The same rows as Markdown, for the README.
  const [first] = Object.values(rows);
  const columns = Object.keys(first);
  console.log(`| scenario | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  for (const [name, row] of Object.entries(rows))
    console.log(`| ${name} | ${columns.map((c) => row[c]).join(' | ')} |`);
}

/** The ceilings first, so that no collector (nor its rollup job) runs beside them. */
async function measureCeilings(dir) {
  const options = { seconds: SECONDS, connections: CONNECTIONS };
  const sqlite = [];
  for (const scenario of SCENARIOS) sqlite.push(await measureSqlite(scenario, { dir, ...options }));
  const bare = await spawnBareRoute();
  try {
    const http = [];
    for (const scenario of SCENARIOS) {
      // A second of warm-up, then the measured run.
      await runLoad(bare.url, scenario, { ...options, seconds: 1, prefix: 'wb-' });
      http.push((await runLoad(bare.url, scenario, { ...options, prefix: 'b-' })).eventsPerSecond);
    }
    return SCENARIOS.map((_, i) => ({ http: http[i], sqlite: sqlite[i] }));
  } finally {
    bare.child.kill('SIGTERM');
  }
}

async function throughputTable(dir) {
  const ceilings = await measureCeilings(dir);
  const collector = await spawnCollector(collectorEnv(dir, 'table'));
  const pid = /** @type {number} */ (collector.child.pid);
  const rows = {};
  const memory = {};
  let batchesPerSecond = 0;
  try {
    const cold = await timedPost(collector.url, SCENARIOS[2], 'cold-', 0);
    for (const [i, scenario] of SCENARIOS.entries()) {
      const options = { seconds: SECONDS, connections: CONNECTIONS };
      await runLoad(collector.url, scenario, { ...options, seconds: 1, prefix: `w${i}-` });
      const measured = await runLoad(collector.url, scenario, { ...options, prefix: `m${i}-` });
      const { http, sqlite } = ceilings[i];
      const ceiling = Math.min(http, sqlite);
      const other = Object.entries(measured.statuses).filter(([s]) => s !== '202');
      rows[scenario.name] = {
        'events/s': round(measured.eventsPerSecond),
        'req/s': round(measured.requestsPerSecond),
        p50: ms(measured.p50),
        p99: ms(measured.p99),
        'ceiling events/s': round(ceiling),
        ratio: (measured.eventsPerSecond / ceiling).toFixed(2),
        'bare route events/s': round(http),
        'raw SQLite events/s': round(sqlite),
        'not 202':
          other.length || measured.errors
            ? `${JSON.stringify(Object.fromEntries(other))} errors ${measured.errors}`
            : 0,
      };
      memory[scenario.name] = readProcessMemory(pid);
      if (i === 0) batchesPerSecond = measured.requestsPerSecond;
    }
    const warm = await warmP95(collector.url, SCENARIOS[2]);
    printTable(
      `Ingest, ${SECONDS} s per scenario, ${CONNECTIONS} connections; ceiling = min(bare Fastify route, raw SQLite), same run`,
      rows,
    );
    console.log(
      `\nScenario (c), one request at a time: cold first request ${ms(cold)} (fresh collector), warm p95 ${ms(warm)} (${WARM_REQUESTS} requests)`,
    );
    console.log('\nCollector RSS after each scenario (/proc/<pid>/status, MiB)');
    console.table(
      Object.fromEntries(
        Object.entries(memory).map(([k, m]) => [
          k,
          { RSS: m.rssMiB, anon: m.anonMiB, file: m.fileMiB, peak: m.peakMiB },
        ]),
      ),
    );
    return batchesPerSecond;
  } finally {
    collector.child.kill('SIGTERM');
    await collector.exited;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-ingest-'));
try {
  console.log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB memory ` +
      `(${Math.round(freemem() / 2 ** 30)} GiB free), load average ${loadavg()[0].toFixed(1)}, ` +
      `${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}`,
  );
  // Twice the 20-event batch rate measured above is the overload (or BENCH_OVERLOAD_BASE_RPS).
  let sustainable = Number(process.env.BENCH_OVERLOAD_BASE_RPS) || 0;
  if (PARTS.has('table')) sustainable = await throughputTable(dir);
  if (PARTS.has('overload')) await runOverload({ dir, sustainableRps: sustainable });
  if (PARTS.has('kill')) await runKill({ dir });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
