/**
 * Bundle sizes (gzip level 9, as a server compresses a static file), checked on the built
 * bundles (`pnpm build` first), against the budgets of issue 12. `/s.vitals.js` meets its
 * budget, which this test enforces; the others do not yet (see the README): until they do,
 * it fails when one grows past its size when this was written (`ceiling`), so that nothing
 * makes it worse; a bundle cut under its budget takes the budget as its ceiling. The
 * humanness chunk has no budget of its own: it is held to its size (`CHUNK_CEILINGS`). `pnpm bench` prints the sizes beside the budgets and Plausible's tracker;
 * `node sdk/scripts/measure.mjs` what each part costs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { describe, expect, test } from 'vitest';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CORE_BUDGET = 3 * 1024;
/** The npm build of init + pageviews as measured on 2026-12-07 (budget: CORE_BUDGET). */
const NPM_CEILING = 4024;

/** `ceiling`: today's size, for a bundle still over its budget; without one, the budget holds. */
const BUDGETS: { file: string; name: string; budget: number; ceiling?: number }[] = [
  {
    file: 's.core.js',
    name: 'core script tag: pageviews incl. SPA, custom events, identify, opt-out, durable queue',
    budget: CORE_BUDGET,
    ceiling: 4211,
  },
  {
    file: 's.js',
    name: 'full script tag: core + clicks, scroll, engaged time, errors, humanness',
    budget: 6 * 1024,
    ceiling: 6978,
  },
  {
    file: 's.vitals.js',
    name: 'chunk loaded after load: timing and Web Vitals',
    budget: 4 * 1024,
  },
];

/**
 * Chunks without a budget in issue 12, held to their size when this was written (the
 * humanness chunk: 2,758 B until it stopped measuring the fields no collector rule read).
 */
const CHUNK_CEILINGS = { 's.humanness.js': 2192 };

const gzip = (code: string | Buffer): number => gzipSync(code, { level: 9 }).length;

function built(file: string): Buffer {
  const path = join(DIST, file);
  expect(existsSync(path), `sdk/dist/${file} is missing: run \`npx -y pnpm@10 build\` first`).toBe(true);
  return readFileSync(path);
}

describe('bundle sizes (issue 12 budgets not met yet: no bundle grows)', () => {
  for (const { file, name, budget, ceiling = 0 } of BUDGETS)
    test(`dist/${file} (${name}) is at most ${Math.max(budget, ceiling)} B gzip (budget ${budget} B)`, () => {
      const size = gzip(built(file));
      const limit = Math.max(budget, ceiling);
      expect(
        size,
        `dist/${file} is ${size} B gzip, over ${limit} B (budget ${budget} B)`,
      ).toBeLessThanOrEqual(limit);
    });

  for (const [file, ceiling] of Object.entries(CHUNK_CEILINGS))
    test(`dist/${file} (chunk loaded at idle) is at most ${ceiling} B gzip`, () => {
      expect(gzip(built(file))).toBeLessThanOrEqual(ceiling);
    });

  test(`npm: a tree-shaken, minified build of init + capturePageviews is at most ${NPM_CEILING} B gzip (budget ${CORE_BUDGET} B)`, async () => {
    built('index.mjs');
    // What a site's bundler makes of `import { init, capturePageviews } from '@sightline/sdk'`.
    const entry = 'virtual:entry';
    const bundle = await rollup({
      input: entry,
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === entry ? id : id === '@sightline/sdk' ? join(DIST, 'index.mjs') : null),
          load: (id) =>
            id === entry
              ? "import { init, capturePageviews } from '@sightline/sdk'; init({ site: 'my-site', capture: [capturePageviews] });"
              : null,
        },
        nodeResolve(),
        terser(),
      ],
      onwarn: () => undefined,
    });
    const { output } = await bundle.generate({ format: 'es' });
    const size = gzip(output[0].code);
    expect(
      size,
      `init + pageviews from npm is ${size} B gzip, over ${NPM_CEILING} B (budget ${CORE_BUDGET} B)`,
    ).toBeLessThanOrEqual(Math.max(CORE_BUDGET, NPM_CEILING));
  }, 60_000);
});
