/**
 * Open-loop load for the overload run: requests are sent at a fixed rate whatever the answers
 * (visitors do not wait for each other), each on its own connection as a new visitor would.
 * autocannon's clients are closed loops (a connection sends once answered, and a fixed rate
 * below the connection count lowers the connection count), so a slow server would slow its
 * own load down. At most `maxOutstanding` requests wait for an answer; past that, a request
 * is counted as not sent.
 */
import { scenarioRequest } from './benchIngestBodies.mjs';

const TICK_MS = 5;

/**
 * @param {string} url
 * @param {import('./benchIngestBodies.mjs').Scenario} scenario
 * @param {{ prefix: string, seconds: number, rate: number, maxOutstanding: number,
 *   timeoutMs?: number, onAnswer: (status: number, retryAfter: string | null, ids: string[]) => void }} options
 */
export async function runOpenLoop(
  url,
  scenario,
  { prefix, seconds, rate, maxOutstanding, timeoutMs = 30_000, onAnswer },
) {
  /** @type {Record<number, number>} */
  const statuses = {};
  /** @type {number[]} */
  const latencies = [];
  const pending = new Set();
  let sent = 0;
  let notSent = 0;
  let failed = 0;
  let mostOutstanding = 0;

  function send(n) {
    const { body, headers, ids } = scenarioRequest(scenario, prefix, n, n);
    const t = performance.now();
    const request = fetch(`${url}/v1/collect`, {
      method: 'POST',
      body,
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        onAnswer(res.status, res.headers.get('retry-after'), ids);
      })
      .catch(() => (failed += 1))
      .finally(() => pending.delete(request));
    pending.add(request);
    mostOutstanding = Math.max(mostOutstanding, pending.size);
  }

  const start = performance.now();
  for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - start) {
    const due = Math.floor((elapsed / 1000) * rate);
    for (; sent + notSent < due;) {
      if (pending.size >= maxOutstanding) notSent += 1;
      else send(sent++);
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const duration = (performance.now() - start) / 1000;
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    statuses,
    sent,
    notSent,
    failed,
    mostOutstanding,
    sentPerSecond: sent / duration,
    eventsPerSecond: ((statuses[202] ?? 0) * scenario.events) / duration,
    p50: at(0.5),
    p99: at(0.99),
  };
}
