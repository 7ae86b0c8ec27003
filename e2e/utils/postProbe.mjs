/** One pageview, in a session of its own, posted to `POST /v1/collect`; resolves with the status. */

/**
 * @param {string} url the collector
 * @param {{ site: string, id: string, timeoutMs?: number }} options
 * @returns {Promise<number>}
 */
export async function postProbe(url, { site, id, timeoutMs = 10_000 }) {
  const res = await fetch(`${url}/v1/collect`, {
    method: 'POST',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({
      site,
      events: [{ id, type: 'pageview', ts: Date.now(), session: id, url: 'https://bench.test/' }],
    }),
  });
  await res.arrayBuffer();
  return res.status;
}
