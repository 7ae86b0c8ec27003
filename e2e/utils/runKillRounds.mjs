/**
 * Rounds of "load running, `kill -9` at a random moment, restart on the same store": each
 * round starts clients posting batches of fresh ids, waits for a random number of them to be
 * acknowledged, kills the collector a random few milliseconds later (with requests in flight),
 * restarts it and waits for `/healthz` and a first 202. The caller stops the last collector
 * and checks the store (`checkStored`).
 */
import { postProbe } from './postProbe.mjs';
import { spawnCollector } from './spawnCollector.mjs';
import { startLoad } from './startLoad.mjs';

/**
 * @typedef {object} KillRound
 * @property {number} round
 * @property {number} acknowledged event ids answered 202 before the kill
 * @property {number} healthz status of the first `/healthz` after the restart
 * @property {number} probe status of the first batch after the restart
 * @property {number} restartMs from the killed process's exit to that first answer to the batch
 */

/**
 * @param {object} options
 * @param {number} options.rounds
 * @param {Record<string, string>} options.env the collector's environment (same store each round)
 * @param {string} options.site
 * @param {number} [options.clients]
 * @param {number} [options.batchSize]
 * @param {number} [options.maxBatchesBeforeKill] the kill comes after 1…this many acknowledged batches
 * @param {number} [options.answerTimeoutMs] how long the restarted collector may take to answer at all
 * @param {() => number} [options.random]
 */
export async function runKillRounds({
  rounds,
  env,
  site,
  clients = 8,
  batchSize = 10,
  maxBatchesBeforeKill = 40,
  answerTimeoutMs = 10_000,
  random = Math.random,
}) {
  let collector = await spawnCollector(env);
  /** @type {string[]} */
  const acknowledged = [];
  /** @type {KillRound[]} */
  const results = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const load = startLoad(collector.url, { prefix: `k${round}-`, clients, batchSize, site });
      await load.answered(202, 1 + Math.floor(random() * maxBatchesBeforeKill));
      // The random moment: a few milliseconds on, wherever the write path happens to be.
      await new Promise((resolve) => setTimeout(resolve, random() * 20));
      collector.child.kill('SIGKILL');
      await collector.exited;
      await load.stop();
      acknowledged.push(...load.acknowledged);

      const restartedAt = performance.now();
      collector = await spawnCollector(env);
      const late = (what) => (error) => {
        throw new Error(`round ${round}: ${what} not answered within ${answerTimeoutMs} ms of the restart`, {
          cause: error,
        });
      };
      const healthz = await fetch(`${collector.url}/healthz`, {
        signal: AbortSignal.timeout(answerTimeoutMs),
      }).then((r) => r.status, late('/healthz'));
      const probeId = `k${round}-probe`;
      const probe = await postProbe(collector.url, { site, id: probeId, timeoutMs: answerTimeoutMs }).catch(
        late('a batch'),
      );
      if (probe === 202) acknowledged.push(probeId);
      results.push({
        round,
        acknowledged: load.acknowledged.length,
        healthz,
        probe,
        restartMs: Math.round(performance.now() - restartedAt),
      });
    }
  } catch (error) {
    collector.child.kill('SIGKILL');
    throw error;
  }
  return { collector, acknowledged, rounds: results };
}
