/**
 * One autocannon run of a scenario against a URL (the collector or the bare route), with every
 * answer counted by status and its ids handed on. Throughput counts 202s only.
 */
import autocannon from 'autocannon';
import { autocannonRequests } from './benchIngestBodies.mjs';

/**
 * @param {string} url
 * @param {import('./benchIngestBodies.mjs').Scenario} scenario
 * @param {{ prefix: string, seconds: number, connections: number, overallRate?: number,
 *   onAnswer?: (status: number, headers: Record<string, string>, ids: string[]) => void }} options
 */
export async function runLoad(url, scenario, { prefix, seconds, connections, overallRate, onAnswer }) {
  /** @type {Record<number, number>} */
  const statuses = {};
  const requests = autocannonRequests(scenario, prefix, (status, headers, ids) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    onAnswer?.(status, headers, ids);
  });
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests,
    ...(overallRate ? { overallRate } : {}),
  });
  const accepted = statuses[202] ?? 0;
  return {
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: accepted / result.duration,
    answeredPerSecond: Object.values(statuses).reduce((a, b) => a + b, 0) / result.duration,
    eventsPerSecond: (accepted * scenario.events) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
