/**
 * Report freshness (issue 19: reports lag ≤ 5 s behind ingest): while clients post 10-event
 * batches of page views to `site` at a steady rate over HTTP, a probe posts one page view of
 * a path of its own every second and polls the overview filtered to that page until it counts
 * it: the lag is the time from the probe's 202 to the report showing it. Run against a
 * collector whose rollup job runs (startServer). The day's full rebuild, timed by the caller
 * in the same run, is its ceiling.
 */
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

let seq = 0;

async function post(url, site, session, paths) {
  const now = Date.now();
  const events = paths.map((path) => ({
    id: `fresh-${process.pid}-${(seq += 1)}`,
    type: 'pageview',
    ts: now,
    session,
    url: `https://${site}.example${path}`,
  }));
  const res = await fetch(`${url}/v1/collect`, {
    method: 'POST',
    // A user agent per session: one client address here, and cookieless visitor ids follow
    // address and user agent, so without it every session would be one visitor (one group).
    headers: { 'content-type': 'application/json', 'user-agent': `${BROWSER_UA} (${session})` },
    body: JSON.stringify({ site, events }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Posts a page view of `path` and waits until the overview filtered to it counts it: ms after the 202. */
async function lagOf(url, token, site, path, limitMs) {
  const session = `probe-${path.replace(/[^A-Za-z0-9_.:-]/g, '_')}`;
  for (let status = 0; status !== 202;) {
    status = await post(url, site, session, [path]);
    if (status === 400) throw new Error(`probe refused (400): ${path}`);
    if (status !== 202) await sleep(50);
  }
  const t = performance.now();
  const day = new Date().toISOString().slice(0, 10);
  const query = `${url}/v1/reports/overview?site=${site}&from=${day}&to=${day}&bots=include&page=${encodeURIComponent(path)}`;
  while (performance.now() - t < limitMs) {
    const res = await fetch(query, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    if ((body.totals?.pageviews ?? 0) > 0) return performance.now() - t;
    await sleep(50);
  }
  return Infinity;
}

/**
 * `rate` events/s for `seconds`, a probe a second; first one probe to warm up (the day's
 * first pass after a start rebuilds it whole). Returns the lags (ms) and the rate reached.
 */
export async function measureFreshness({
  url,
  token,
  site,
  rate = 200,
  seconds = 20,
  warmupLimitMs = 600_000,
}) {
  const run = `${Date.now().toString(36)}`;
  const warmupMs = await lagOf(url, token, site, `/fresh/${run}/warmup`, warmupLimitMs);
  let stop = false;
  let sent = 0;
  const started = performance.now();
  const load = (async () => {
    // 10-event batches of 3 paths from many sessions, paced to `rate`.
    for (let i = 0; !stop; i += 1) {
      const due = started + (sent / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const paths = Array.from({ length: 10 }, (_, k) => `/p/${(i * 10 + k) % 3}`);
      if ((await post(url, site, `load-${run}-${i % 500}`, paths)) === 202) sent += 10;
    }
  })();
  const probes = [];
  for (let i = 0; i < seconds; i += 1) {
    probes.push(lagOf(url, token, site, `/fresh/${run}/${i}`, 120_000));
    await sleep(1000);
  }
  const lags = (await Promise.all(probes)).sort((a, b) => a - b);
  stop = true;
  await load;
  const rateReached = sent / ((performance.now() - started) / 1000);
  return {
    warmupMs,
    rate: rateReached,
    p50: quantile(lags, 0.5),
    p95: quantile(lags, 0.95),
    max: lags[lags.length - 1],
  };
}
