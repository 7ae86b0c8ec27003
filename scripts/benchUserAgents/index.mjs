#!/usr/bin/env node
/**
 * `pnpm bench:ua`: browser, system and device class from a user agent — the collector's
 * `parseUserAgent` (`collector/src/enrich`) against `ua-parser-js` 1.x and `bowser` — on the
 * UA lists the bots bench ships, each distinct UA once (`sets.mjs`), against labels that none
 * of the three made (`handLabels.mjs`, and what each UA's own browser reported). Prints
 * accuracy per parser on the tune and the report set, the disagreements by kind, parse time
 * per UA beside a SHA-256 of the UA (what ingest already spends on each visitor id) and what
 * each costs to install; and, unlabelled, how often each names a browser or device for the
 * declared crawlers of the bots bench. BENCH_UA_ROUNDS: timing rounds (default 9).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PARSERS } from './parsers.mjs';
import { loadSets } from './sets.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const ROUNDS = Number(process.env.BENCH_UA_ROUNDS || 9);
const names = Object.keys(PARSERS);
const pct = (n, of) => (of ? `${((100 * n) / of).toFixed(1)} %` : '—');

/** Every browser runs on WebKit on iOS; elsewhere the family names its engine. */
function engineOf({ browser, os }) {
  if (!browser) return null;
  if (os === 'iOS' || browser === 'Safari' || browser === 'iOS WebView') return 'WebKit';
  if (browser === 'Firefox') return 'Gecko';
  if (browser === 'Internet Explorer') return 'Trident';
  if (browser === 'DuckDuckGo') return os === 'macOS' ? 'WebKit' : 'Blink';
  return 'Blink';
}

const CHECKS = {
  'browser (hand)': { truth: (x) => x.hand.browsers, said: (p) => p.browser, ok: (t, s) => t.includes(s) },
  'OS (hand)': { truth: (x) => x.hand.os, said: (p) => p.os, ok: (t, s) => t === s },
  'device (hand)': { truth: (x) => x.hand.device, said: (p) => p.device, ok: (t, s) => t === s },
  'device (deviceCategory)': { truth: (x) => x.data?.device, said: (p) => p.device, ok: (t, s) => t === s },
  'OS (navigator.platform)': {
    truth: (x) => x.data?.systems,
    said: (p) => p.os,
    ok: (t, s) => t.includes(s),
  },
  'engine (navigator.vendor)': { truth: (x) => x.data?.engine, said: engineOf, ok: (t, s) => t === s },
};

function evaluate(set, checks) {
  const table = {};
  const kinds = new Map();
  for (const name of names) {
    const parsed = set.map((x) => PARSERS[name].parse(x.ua));
    const row = (table[name] = {});
    for (const check of checks) {
      const { truth, said, ok } = CHECKS[check];
      let n = 0;
      let wrong = 0;
      set.forEach((x, i) => {
        const t = truth(x);
        if (t == null) return;
        n += 1;
        const s = said(parsed[i]);
        if (ok(t, s)) return;
        wrong += 1;
        const kind = `${check}: ${[t].flat().join('|')} → ${s}`;
        const counts =
          kinds.get(kind) ?? kinds.set(kind, Object.fromEntries(names.map((k) => [k, 0]))).get(kind);
        counts[name] += 1;
      });
      row[check] = `${pct(n - wrong, n)} (${wrong}/${n} wrong)`;
    }
    if (set[0].traffic !== undefined) {
      const { truth, said, ok } = CHECKS['browser (hand)'];
      const labelled = set.filter((x) => truth(x));
      const total = labelled.reduce((a, x) => a + x.traffic, 0);
      const right = labelled.reduce(
        (a, x) => a + (ok(truth(x), said(PARSERS[name].parse(x.ua))) ? x.traffic : 0),
        0,
      );
      row['browser (hand), by traffic'] = pct(right, total);
    }
  }
  return { table, kinds: [...kinds].sort((a, b) => sum(b[1]) - sum(a[1])) };
}
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Median µs per call of each function over `uas`: ROUNDS rounds after a warm-up one, the
 * functions interleaved within each round so that a busy machine slows them alike.
 */
function microsPerCall(fns, uas) {
  let sink = 0;
  const rounds = fns.map(() => []);
  for (let r = 0; r <= ROUNDS; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      for (const ua of uas) sink += fn(ua) ? 1 : 0;
      if (r > 0) rounds[i].push(((performance.now() - t0) * 1000) / uas.length);
    });
  }
  if (sink < 0) console.log(sink);
  return rounds.map((times) => times.sort((a, b) => a - b)[times.length >> 1]);
}

const visitorHash = (ua) =>
  createHash('sha256').update(`salt-of-the-day\u0000site\u0000203.0.113.7\u0000${ua}`).digest('base64url');

function directorySize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = directorySize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** What a parser costs to install and load; the collector's own files count the package they use. */
function cost(parser) {
  const own = parser.package ? [] : parser.files.map((f) => join(ROOT, f));
  const used = parser.package ?? parser.uses;
  const files = [...own, ...(used ? [require.resolve(used)] : [])];
  const gzip = files.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0);
  const script = `const t = performance.now(); await import(${JSON.stringify(files[0])}); console.log(performance.now() - t);`;
  const loadMs = () =>
    Number(spawnSync(process.execPath, ['--input-type=module', '-e', script]).stdout.toString());
  const onDisk = used
    ? directorySize(realpathSync(join(ROOT, 'node_modules', used)))
    : { bytes: 0, files: 0 };
  for (const f of own) {
    onDisk.bytes += statSync(f).size;
    onDisk.files += 1;
  }
  const pkg = used ? require(`${used}/package.json`) : null;
  return {
    uses: used
      ? `${used} ${pkg.version} (${pkg.license}, ${Object.keys(pkg.dependencies ?? {}).length} deps)`
      : '—',
    'installed KiB (files)': `${(onDisk.bytes / 1024).toFixed(0)} (${onDisk.files})`,
    'loaded code gzip KiB': +(gzip / 1024).toFixed(1),
    'load ms (best of 3)': +Math.min(loadMs(), loadMs(), loadMs()).toFixed(1),
  };
}

const HOSTILE = [
  `Mozilla/5.0 (iPhone ${'Version/1 '.repeat(5000)}`,
  `${'Safari/'.repeat(3000)}Version/`,
  'Mozilla/5.0 (Windows NT 10.0) '.repeat(300),
];

const { tune, tuneCounts, report, counts } = loadSets();
console.log(
  `UA sets: tune = top-user-agents, ${tuneCounts.top} distinct, and ${tuneCounts.cases} more from parseUserAgent's unit-test cases; report = user-agents, ${counts.rows.toLocaleString('en')} rows, ` +
    `${counts.distinct} distinct, less ${counts.inTune} also in the tune set = ${report.length} ` +
    `(${counts.conflicting} of them with rows that disagree on device, platform or vendor: the heaviest wins).`,
);
const tuned = evaluate(tune, ['browser (hand)', 'OS (hand)', 'device (hand)']);
console.log('\nTune set (hand labels)');
console.table(tuned.table);
console.log('Tune set: what each parser got wrong, by kind (truth → said), UAs');
console.table(Object.fromEntries(tuned.kinds));
const checks = [
  'browser (hand)',
  'OS (hand)',
  'device (deviceCategory)',
  'OS (navigator.platform)',
  'engine (navigator.vendor)',
];
const { table, kinds } = evaluate(report, checks);
console.log('\nReport set (hand labels; and labels from the browser that sent each UA)');
console.table(table);
console.log('\nReport set: what each parser got wrong, by kind (truth → said), UAs');
console.table(Object.fromEntries(kinds));
const emulated = report.filter((x) => x.hand.os === 'iOS' && x.data.engine === 'Blink').length;
console.log(
  [
    'The labels from the sending browser are noisy where the UA lies: an iPhone UA sent by a Blink browser',
    `(device emulation or automation: ${emulated} UAs here) reads as Android / Blink; a UA that says Macintosh or`,
    'Windows from another platform is spoofed. No UA parser can see through these, so these columns bound every',
    'parser alike; the hand labels say what the string itself tells. deviceCategory is also what the rules were',
    "checked against in parseUserAgent's unit test: for the rules' device column it is a training-set score.",
  ].join('\n'),
);
const differ = (a, b, field) =>
  report.filter((x) => PARSERS[a].parse(x.ua)[field] !== PARSERS[b].parse(x.ua)[field]).length;
console.log('\nReport set: UAs on which two parsers differ (after mapping names)');
console.table(
  Object.fromEntries(
    [
      ['collector (parseUserAgent)', 'ua-parser-js'],
      ['collector (parseUserAgent)', 'bowser'],
      ['ua-parser-js', 'bowser'],
    ].map(([a, b]) => [
      `${a} vs ${b}`,
      Object.fromEntries(['browser', 'os', 'device'].map((f) => [f, differ(a, b, f)])),
    ]),
  ),
);

const crawlers = [...new Set(require('crawler-user-agents').flatMap((e) => e.instances ?? []))];
console.log(
  `\nDeclared crawlers (crawler-user-agents, MIT: ${crawlers.length} distinct UAs; no labels — scoring flags them, and a`,
);
console.log(
  'crawler that poses as a browser is named as one): share of them each parser gives a name or a class',
);
console.table(
  Object.fromEntries(
    names.map((name) => {
      const parsed = crawlers.map((ua) => PARSERS[name].parse(ua));
      const share = (field) => pct(parsed.filter((p) => p[field] !== null).length, parsed.length);
      return [name, { browser: share('browser'), OS: share('os'), device: share('device') }];
    }),
  ),
);

const uas = report.map((x) => x.ua);
const [hash, ...perParser] = microsPerCall([visitorHash, ...names.map((name) => PARSERS[name].raw)], uas);
const hostile = HOSTILE.map((ua) =>
  microsPerCall([visitorHash, ...names.map((name) => PARSERS[name].raw)], [ua]),
);
console.log(
  `\nParse time per distinct UA (median of ${ROUNDS} rounds over the report set), beside one SHA-256 of the UA`,
);
console.log('as ingest computes per visitor id (measured in the same rounds; the machine may be shared)');
console.table(
  Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        'µs / UA': +perParser[i].toFixed(2),
        '× SHA-256': +(perParser[i] / hash).toFixed(1),
        'hostile UA, worst µs': +Math.max(...hostile.map((h) => h[i + 1])).toFixed(1),
        ...cost(PARSERS[name]),
      },
    ]),
  ),
);
console.log(
  `SHA-256 of the UA: ${hash.toFixed(2)} µs. Ingest parses once per distinct UA (cached by UA string).`,
);
