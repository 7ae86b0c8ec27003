/**
 * Bundle sizes, checked on the built script-tag bundles (`pnpm build` first), gzip level 9
 * as a server would compress a static file.
 *
 * Issue 3 sets budgets of 6 KB for the full bundle `/s.js` and 3 KB for the core bundle
 * `/s.core.js`. They are NOT met (README "Size": the core client with its persistent
 * multi-tab queue alone is ~4.5 KB); whether to cut features or raise the budgets is an open
 * product decision noted on the issue. Until then these ceilings — today's sizes plus
 * ~2 % — keep the bundles from growing: a change that adds bytes must take them elsewhere
 * or move the ceiling in a reviewed commit. `pnpm bench` prints the sizes beside the
 * issue's budgets; `node sdk/scripts/measure.mjs` what each part costs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const CEILINGS = [
  { file: 's.js', name: 'full script-tag bundle', ceiling: 9400, issueBudget: 6 * 1024 },
  { file: 's.core.js', name: 'core script-tag bundle', ceiling: 7100, issueBudget: 3 * 1024 },
  {
    file: 's.vitals.js',
    name: 'timing and Web Vitals chunk loaded at idle',
    ceiling: 4220,
    issueBudget: null,
  },
];

describe('bundle size ceilings', () => {
  for (const { file, name, ceiling, issueBudget } of CEILINGS)
    test(`dist/${file} (the ${name}) is at most ${ceiling} B gzip`, () => {
      const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', file);
      expect(existsSync(path), `sdk/dist/${file} is missing: run \`npx -y pnpm@10 build\` first`).toBe(true);
      const gzip = gzipSync(readFileSync(path), { level: 9 }).length;
      const budget = issueBudget ? ` (issue 3 budget: ${issueBudget} B)` : '';
      expect(
        gzip,
        `${name} dist/${file} is ${gzip} B gzip, over its ceiling of ${ceiling} B${budget}`,
      ).toBeLessThanOrEqual(ceiling);
    });
});
