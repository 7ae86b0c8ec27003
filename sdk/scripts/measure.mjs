#!/usr/bin/env node
/**
 * What each part of the script-tag SDK costs: bundles small entries (the client and queue
 * alone, then each capture added to it) with the same rollup + terser settings as the real
 * script builds, and prints min / gzip / brotli. Run from sdk/: `node scripts/measure.mjs`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

const script = config.find((c) => c.output.format === 'iife');
const dir = mkdtempSync(join(process.cwd(), 'src/.measure-'));
const imp = (name, from) => `import { ${name} } from '../${from}';`;
/** Each part: its imports and the capture expression it adds. */
const CAPTURES = {
  pageviews: [[imp('capturePageviews', 'capture/pageview.js')], 'capturePageviews'],
  clicks: [[imp('captureClicks', 'capture/clicks.js')], 'captureClicks'],
  scroll: [[imp('captureScroll', 'capture/scroll.js')], 'captureScroll'],
  engagement: [[imp('captureEngagement', 'capture/engagement.js')], 'captureEngagement'],
  errors: [[imp('captureErrors', 'capture/errors.js')], 'captureErrors'],
  timing: [[imp('captureTiming', 'capture/timing.js')], 'captureTiming'],
  vitals: [[imp('captureVitals', 'capture/vitals.js')], 'captureVitals'],
  humanness: [[imp('captureHumanness', 'capture/humanness.js')], 'captureHumanness'],
  // What `/s.js` carries of humanness: the early-input buffer and the chunk's loader.
  'humanness buffer': [
    [imp('deferCapture', 'lib/deferCapture.js'), imp('listenHumanInput', 'lib/humanInput.js')],
    "deferCapture((early) => import('./chunk.js').then((c) => c.f(early)), listenHumanInput)",
  ],
};
/** What `/s.js` carries itself (timing, vitals and humanness come in chunks). */
const FULL = ['pageviews', 'clicks', 'scroll', 'engagement', 'errors', 'humanness buffer'];

function entry(names) {
  return [
    imp('startFromScript', 'startFromScript.js'),
    ...names.flatMap((n) => CAPTURES[n][0]),
    `startFromScript(() => [${names.map((n) => CAPTURES[n][1]).join(', ')}]);`,
  ].join('\n');
}

async function measure(label, names) {
  const file = join(dir, `${label.replace(/\W+/g, '_')}.ts`);
  writeFileSync(file, entry(names));
  const bundle = await rollup({
    input: file,
    plugins: script.plugins,
    external: (id) => id.endsWith('/chunk.js'),
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
  const code = Buffer.from(output[0].code);
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = {};
try {
  // No capture given: the client still runs pageviews, its default (config.ts).
  const base = await measure('client+queue', []);
  rows['core: client + queue + pageviews (/s.core.js)'] = base;
  for (const name of Object.keys(CAPTURES).filter((n) => n !== 'pageviews')) {
    const r = await measure(`only_${name}`, [name]);
    rows[`+ ${name} alone`] = {
      min: r.min - base.min,
      gzip: r.gzip - base.gzip,
      brotli: r.brotli - base.brotli,
    };
  }
  const all = FULL;
  rows['/s.js captures (without the idle chunks)'] = await measure('all', all);
  for (const name of all.filter((n) => n !== 'pageviews')) {
    const r = await measure(
      `all_but_${name}`,
      all.filter((n) => n !== name),
    );
    rows[`/s.js − ${name}`] = {
      min: rows['/s.js captures (without the idle chunks)'].min - r.min,
      gzip: rows['/s.js captures (without the idle chunks)'].gzip - r.gzip,
      brotli: rows['/s.js captures (without the idle chunks)'].brotli - r.brotli,
    };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
