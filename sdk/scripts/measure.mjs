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
const CAPTURES = {
  pageviews: ['capturePageviews', 'capture/pageview.js'],
  clicks: ['captureClicks', 'capture/clicks.js'],
  scroll: ['captureScroll', 'capture/scroll.js'],
  engagement: ['captureEngagement', 'capture/engagement.js'],
  errors: ['captureErrors', 'capture/errors.js'],
  timing: ['captureTiming', 'capture/timing.js'],
  vitals: ['captureVitals', 'capture/vitals.js'],
  humanness: ['captureHumanness', 'capture/humanness.js'],
};
/** What `/s.js` carries itself (timing and vitals come in the chunk `s.vitals.js`). */
const FULL = ['pageviews', 'clicks', 'scroll', 'engagement', 'errors', 'humanness'];

function entry(names) {
  return [
    imp('startFromScript', 'startFromScript.js'),
    ...names.map((n) => imp(...CAPTURES[n])),
    `startFromScript(() => [${names.map((n) => CAPTURES[n][0]).join(', ')}]);`,
  ].join('\n');
}

async function measure(label, names) {
  const file = join(dir, `${label.replace(/\W+/g, '_')}.ts`);
  writeFileSync(file, entry(names));
  const bundle = await rollup({ input: file, plugins: script.plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'iife' });
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
  rows['/s.js captures (without the idle chunk)'] = await measure('all', all);
  for (const name of all.filter((n) => n !== 'pageviews')) {
    const r = await measure(
      `all_but_${name}`,
      all.filter((n) => n !== name),
    );
    rows[`/s.js − ${name}`] = {
      min: rows['/s.js captures (without the idle chunk)'].min - r.min,
      gzip: rows['/s.js captures (without the idle chunk)'].gzip - r.gzip,
      brotli: rows['/s.js captures (without the idle chunk)'].brotli - r.brotli,
    };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
