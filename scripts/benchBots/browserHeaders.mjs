/**
 * The headers a browser's `fetch(keepalive)` / `sendBeacon` to the collector carries, made
 * from its user agent: Accept-Language, Accept-Encoding, Origin, Referer, Sec-Fetch-* (for
 * versions that send them) and, for Chromium 89+, low-entropy client hints that agree with
 * the UA. The bench makes them: they test the UA string alone, not header habits.
 */
export function browserHeaders(userAgent, pageUrl) {
  const origin = new URL(pageUrl).origin;
  const headers = {
    'user-agent': userAgent,
    accept: '*/*',
    'accept-language': 'en-US,en;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    'content-type': 'text/plain;charset=UTF-8',
    origin,
    referer: `${origin}/`,
  };
  const chrome = /\bChrome\/(\d+)/.exec(userAgent);
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  const safari = !chrome && /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//.exec(userAgent);
  const fetchMetadata =
    (chrome && Number(chrome[1]) >= 76) || (firefox && Number(firefox[1]) >= 90) || (safari && Number(safari[1]) >= 17);
  if (fetchMetadata) Object.assign(headers, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
  if (chrome && !firefox && Number(chrome[1]) >= 89 && !/\b(CriOS|iPhone|iPad)\b/.test(userAgent)) {
    const major = chrome[1];
    const brand = /\bEdg\//.test(userAgent) ? 'Microsoft Edge' : /\bOPR\//.test(userAgent) ? 'Opera' : 'Google Chrome';
    const platform = /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'Chrome OS'
            : /Linux|X11/.test(userAgent)
              ? 'Linux'
              : '';
    Object.assign(headers, {
      'sec-ch-ua': `"Chromium";v="${major}", "${brand}";v="${major}", "Not;A=Brand";v="99"`,
      'sec-ch-ua-mobile': /\bMobile\b/.test(userAgent) ? '?1' : '?0',
      ...(platform ? { 'sec-ch-ua-platform': `"${platform}"` } : {}),
    });
  }
  return headers;
}

let ids = 0;
/** An SDK-shaped pageview (with its page context). */
export function pageview(session, url, ts, context = { screen: '1920x1080', viewport: '1903x961' }) {
  return { id: `bench-${++ids}-${session.slice(0, 20)}`, type: 'pageview', ts, session, url, title: 'Bench', ...context };
}

/** Any other SDK-shaped event of a pageview. */
export function event(type, session, url, ts, pv, fields = {}) {
  return { id: `bench-${++ids}-${session.slice(0, 20)}`, type, ts, session, url, pv, ...fields };
}

/** POSTs events as the SDK does; throws unless the collector took them. */
export async function post(collectorUrl, site, events, headers) {
  const res = await fetch(`${collectorUrl}/v1/collect`, { method: 'POST', headers, body: JSON.stringify({ site, events }) });
  if (res.status !== 202) throw new Error(`POST /v1/collect → ${res.status} ${await res.text()}`);
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function eachLimit(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
