/**
 * The benchmark's traffic generator: `total` events over the last 30 days (documented in
 * the README's "Benchmarks"), written straight into a store through ingest (`createIngest(storage).insertEvents`)
 * (HTTP ingest is measured separately), deterministic for a given seed.
 *
 * Mix: three sites taking 70 / 25 / 5 % of sessions, with 300 / 80 / 20 pages of Zipf-like
 * popularity; sessions start on a diurnal curve; 1 + geometric(0.45) pageviews per session;
 * per pageview a scroll, an engagement, a timing and LCP/FCP/TTFB vitals (INP and CLS half
 * the time), 0–2 clicks (3 % rage, 5 % dead), an error 3 % of the time and a custom event
 * 10 %; 20 % of sessions logged in (5,000 users per site); devices 60/35/5 % desktop/mobile/
 * tablet; 12 countries; direct / search / social / referral sources and some UTM campaigns;
 * 8 % of sessions are crawlers (sent with a crawler's request, so they are scored as bots).
 */

const DAY_MS = 86_400_000;
const SITES = [
  { id: 'shop', share: 0.7, pages: 300 },
  { id: 'docs', share: 0.25, pages: 80 },
  { id: 'blog', share: 0.05, pages: 20 },
];
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'IN', 'BR', 'JP', 'CA', 'NL', 'PL', 'ES', 'AU'];
const SOURCES = [
  { referrerDomain: null, channel: 'direct' },
  { referrerDomain: 'google.com', channel: 'search' },
  { referrerDomain: 'bing.com', channel: 'search' },
  { referrerDomain: 'duckduckgo.com', channel: 'search' },
  { referrerDomain: 'news.ycombinator.com', channel: 'social' },
  { referrerDomain: 'reddit.com', channel: 'social' },
  { referrerDomain: 'partner.example', channel: 'referral' },
];
const BROWSERS = [
  ['Chrome', 'Windows'],
  ['Chrome', 'macOS'],
  ['Safari', 'iOS'],
  ['Chrome Mobile', 'Android'],
  ['Firefox', 'Linux'],
  ['Edge', 'Windows'],
];

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Yields batches of `EventRow`s and, for crawler sessions, the request facts to score them.
 * @returns {Generator<{ rows: object[], request: object | null }>}
 */
export function* generateTraffic({ total, seed = 42, now = Date.now(), crawlerRequest }) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const zipf = (n) => Math.min(n - 1, Math.floor(n * rand() ** 3));
  const start = Math.floor(now / DAY_MS) * DAY_MS - 29 * DAY_MS;
  let made = 0;
  let sessionNo = 0;
  let human = [];
  let bots = [];
  while (made < total) {
    const r = rand();
    const site = r < SITES[0].share ? SITES[0] : r < SITES[0].share + SITES[1].share ? SITES[1] : SITES[2];
    const isBot = rand() < 0.08;
    const id = `g${seed}-${sessionNo++}`;
    // Diurnal: more sessions in the (UTC) afternoon.
    const day = Math.floor(rand() * 30);
    const hour = Math.floor(24 * (0.5 + 0.5 * Math.sin(Math.PI * (rand() - 0.5))) ** 0.8) % 24;
    let ts = start + day * DAY_MS + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
    // Today's sessions that would start later than now start earlier the same day instead.
    if (ts > now - 3_600_000)
      ts = Math.max(start + day * DAY_MS, now - 3_600_000 - Math.floor(rand() * 6 * 3_600_000));
    const visitor = `v${Math.floor(rand() * 1e9)}`;
    const user = !isBot && rand() < 0.2 ? `user-${Math.floor(rand() * 5000)}` : null;
    const d = rand();
    const device = d < 0.6 ? 'desktop' : d < 0.95 ? 'mobile' : 'tablet';
    const [browser, os] = pick(BROWSERS);
    const client = { country: pick(COUNTRIES), browser, os, device };
    const src = pick(SOURCES);
    const campaign = rand() < 0.1 ? `spring-${Math.floor(rand() * 5)}` : null;
    const source = {
      ...src,
      utmSource: campaign ? 'newsletter' : null,
      utmMedium: campaign ? 'email' : null,
      utmCampaign: campaign,
    };
    let pages = 1;
    while (rand() < 0.55 && pages < 30) pages += 1;
    const rows = isBot ? bots : human;
    let n = 0;
    const base = {
      site: site.id,
      session: id,
      visitor,
      user,
      title: null,
      userAgent: isBot ? 'Googlebot' : 'Mozilla/5.0 (bench)',
      client,
    };
    const add = (type, path, extra) => {
      rows.push({
        ...base,
        eventId: `${id}-${n++}`,
        type,
        ts,
        receivedAt: ts,
        url: `https://${site.id}.example${path}`,
        path,
        referrer: null,
        name: null,
        data: null,
        pv: null,
        ...extra,
      });
      ts += 1 + Math.floor(rand() * 20_000);
      made += 1;
    };
    for (let p = 0; p < pages && made < total; p += 1) {
      const path = `/${site.id === 'blog' ? 'posts' : 'p'}/${zipf(site.pages)}`;
      const pv = `${id}-pv${p}`;
      add('pageview', path, {
        source: p === 0 ? source : null,
        referrer: p === 0 && src.referrerDomain ? `https://${src.referrerDomain}/` : null,
      });
      if (isBot) continue;
      add('timing', path, {
        pv,
        data: JSON.stringify({ ttfb: 80 + rand() * 400, load: 400 + rand() ** 2 * 5000 }),
      });
      for (const [name, scale] of [
        ['LCP', 4000],
        ['FCP', 2500],
        ['TTFB', 900],
      ]) {
        add('vital', path, { pv, name, data: JSON.stringify({ value: 100 + rand() ** 2 * scale }) });
      }
      if (rand() < 0.5)
        add('vital', path, { pv, name: 'INP', data: JSON.stringify({ value: 20 + rand() ** 3 * 700 }) });
      if (rand() < 0.5)
        add('vital', path, { pv, name: 'CLS', data: JSON.stringify({ value: rand() ** 4 * 0.5 }) });
      const clicks = Math.floor(rand() * 3);
      for (let c = 0; c < clicks; c += 1) {
        add('click', path, {
          pv,
          data: JSON.stringify({
            selector: 'a.nav',
            tag: 'a',
            kind: rand() < 0.1 ? 'outbound' : 'link',
            rage: rand() < 0.03 ? 4 : undefined,
            dead: rand() < 0.05,
          }),
        });
      }
      if (rand() < 0.03)
        add('error', path, {
          pv,
          data: JSON.stringify({
            kind: 'error',
            message: `TypeError ${Math.floor(rand() * 20)}`,
            source: 'app.js',
            line: 10,
            col: 5,
            count: 1,
          }),
        });
      if (rand() < 0.1)
        add('custom', path, {
          pv,
          name: pick(['signup', 'add_to_cart', 'search']),
          data: JSON.stringify({ props: { plan: pick(['free', 'pro']) } }),
        });
      add('scroll', path, { pv, data: JSON.stringify({ depth: Math.floor(rand() * 101) }) });
      add('engagement', path, { pv, data: JSON.stringify({ ms: Math.floor(rand() ** 2 * 120_000) }) });
    }
    if (human.length >= 5000) {
      yield { rows: human, request: null };
      human = [];
    }
    if (bots.length >= 2000) {
      yield { rows: bots, request: crawlerRequest };
      bots = [];
    }
  }
  if (human.length) yield { rows: human, request: null };
  if (bots.length) yield { rows: bots, request: crawlerRequest };
}
