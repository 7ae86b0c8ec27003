/**
 * The kill -9 rounds of `pnpm bench:ingest` (BENCH_KILL_ROUNDS, default 20): the same rounds
 * as `e2e/durability.test.ts`, more of them, with the restart timed.
 */
import { checkStored } from '../e2e/utils/checkStored.mjs';
import { runKillRounds } from '../e2e/utils/runKillRounds.mjs';
import { collectorDbPath, collectorEnv } from './benchIngestTargets.mjs';

const ROUNDS = Number(process.env.BENCH_KILL_ROUNDS || 20);

/** @param {{ dir: string }} options */
export async function runKill({ dir }) {
  const { collector, acknowledged, rounds } = await runKillRounds({
    rounds: ROUNDS,
    site: 'bench',
    env: collectorEnv(dir, 'kill'),
  });
  collector.child.kill('SIGTERM');
  await collector.exited;
  const stored = await checkStored(collectorDbPath(dir, 'kill'), 'bench', acknowledged);
  const restarts = rounds.map((r) => r.restartMs).sort((a, b) => a - b);
  const row = {
    rounds: rounds.length,
    acknowledged: stored.acknowledged,
    lost: stored.lost,
    doubled: stored.doubled,
    'miscounted sessions': stored.miscounted.length,
    'restart → first 202, median': `${restarts[Math.floor(restarts.length / 2)]} ms`,
    'restart → first 202, max': `${restarts.at(-1)} ms`,
    'rounds without healthz 200 / 202': rounds.filter((r) => r.healthz !== 200 || r.probe !== 202).length,
  };
  console.log('\nkill -9 under load (8 clients, 10-event batches), restart on the same store');
  console.table([row]);
  return row;
}
