/**
 * The overload run of `pnpm bench:ingest`: a fresh collector offered twice the rate it
 * sustained in the same run (20-event batches) for BENCH_OVERLOAD_SECONDS (default 60), open
 * loop (`benchIngestOpenLoop.mjs`): each request a new visitor on its own connection. Counts 503s and their `Retry-After`, reads the collector's peak RSS
 * (VmHWM), waits for a 202 once the load stops (same process), then stops it and checks that
 * every acknowledged event is stored exactly once.
 */
import { checkStored } from '../e2e/utils/checkStored.mjs';
import { postProbe } from '../e2e/utils/postProbe.mjs';
import { readProcessMemory } from '../e2e/utils/readProcessMemory.mjs';
import { spawnCollector } from '../e2e/utils/spawnCollector.mjs';
import { SCENARIOS } from './benchIngestBodies.mjs';
import { runOpenLoop } from './benchIngestOpenLoop.mjs';
import { collectorDbPath, collectorEnv } from './benchIngestTargets.mjs';

const SECONDS = Number(process.env.BENCH_OVERLOAD_SECONDS || 60);
/** Requests waiting for an answer at most (each its own connection), then not sent. */
const MAX_OUTSTANDING = Number(process.env.BENCH_OVERLOAD_MAX_OUTSTANDING || 4000);
const RSS_TARGET_MIB = 200;
/** How long after the load the collector may take to answer 202 again. */
const RECOVERY_LIMIT_MS = 60_000;

/** Posts one pageview until it is answered 202 (pausing as `Retry-After` asks); ms taken. */
async function awaitRecovery(url, acknowledged) {
  const start = performance.now();
  for (let i = 0; performance.now() - start < RECOVERY_LIMIT_MS; i++) {
    const id = `o-after-${i}`;
    const status = await postProbe(url, { site: 'bench', id }).catch(() => 0);
    if (status === 202) {
      acknowledged.push(id);
      return performance.now() - start;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Infinity;
}

/** @param {{ dir: string, sustainableRps: number }} options */
export async function runOverload({ dir, sustainableRps }) {
  if (!sustainableRps)
    throw new Error('overload: no sustainable rate (run the table, or set BENCH_OVERLOAD_BASE_RPS)');
  const rate = Math.round(2 * sustainableRps);
  const collector = await spawnCollector(collectorEnv(dir, 'overload'));
  const pid = /** @type {number} */ (collector.child.pid);
  const idle = readProcessMemory(pid);
  /** @type {string[]} */
  const acknowledged = [];
  let retryAfter = 0;
  const load = await runOpenLoop(collector.url, SCENARIOS[0], {
    prefix: 'o-',
    seconds: SECONDS,
    rate,
    maxOutstanding: MAX_OUTSTANDING,
    onAnswer: (status, retryAfterHeader, ids) => {
      if (status === 202) acknowledged.push(...ids);
      if (status === 503 && retryAfterHeader) retryAfter += 1;
    },
  });
  const memory = readProcessMemory(pid);
  const recoveredMs = await awaitRecovery(collector.url, acknowledged);
  collector.child.kill('SIGTERM');
  const exitCode = await collector.exited;
  const stored = await checkStored(collectorDbPath(dir, 'overload'), 'bench', acknowledged);
  const other = Object.entries(load.statuses).filter(([s]) => s !== '202' && s !== '503');
  const row = {
    'offered req/s': rate,
    'sent req/s (most waiting at once)': `${Math.round(load.sentPerSecond)} (${load.mostOutstanding})`,
    'not sent (client cap)': load.notSent,
    'accepted events/s': Math.round(load.eventsPerSecond),
    '202 answers': load.statuses[202] ?? 0,
    '503 answers': load.statuses[503] ?? 0,
    '503 with Retry-After': retryAfter,
    'other answers': other.length ? JSON.stringify(Object.fromEntries(other)) : 0,
    'failed (no answer)': load.failed,
    'p50 / p99': `${Math.round(load.p50)} / ${Math.round(load.p99)} ms`,
    'RSS idle → peak MiB': `${idle.rssMiB} → ${memory.peakMiB} (target ≤ ${RSS_TARGET_MIB})`,
    'RSS at the end: anon + file MiB': `${memory.anonMiB} + ${memory.fileMiB}`,
    'acknowledged events': stored.acknowledged,
    lost: stored.lost,
    doubled: stored.doubled,
    'first 202 after load': Number.isFinite(recoveredMs) ? `${Math.round(recoveredMs)} ms` : 'none',
    'exit on SIGTERM': exitCode,
  };
  console.log(
    `\nOverload: ${SECONDS} s at 2 × ${Math.round(sustainableRps)} req/s of 20-event batches, open loop (≤ ${MAX_OUTSTANDING} waiting)`,
  );
  console.table(Object.entries(row).map(([measure, value]) => ({ measure, value })));
  return row;
}
