/**
 * The byte budgets of issue 3, checked on the built script-tag bundles (`pnpm build` first):
 * the full bundle `/s.js` at most 6 KB gzip, the core bundle `/s.core.js` at most 3 KB.
 * gzip level 9, as a server would compress a static file; `pnpm bench` prints the same
 * numbers with brotli beside them, and `node sdk/scripts/measure.mjs` what each part costs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const BUDGETS = [
  { file: 's.js', name: 'full script-tag bundle', budget: 6 * 1024 },
  { file: 's.core.js', name: 'core script-tag bundle', budget: 3 * 1024 },
];

describe('bundle size budgets', () => {
  for (const { file, name, budget } of BUDGETS)
    test(`dist/${file} (the ${name}) is at most ${budget} B gzip`, () => {
      const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', file);
      expect(existsSync(path), `sdk/dist/${file} is missing: run \`npx -y pnpm@10 build\` first`).toBe(true);
      const gzip = gzipSync(readFileSync(path), { level: 9 }).length;
      expect(
        gzip,
        `${name} dist/${file} is ${gzip} B gzip, over its budget of ${budget} B (${(budget / 1024).toFixed(0)} KB) by ${gzip - budget} B`,
      ).toBeLessThanOrEqual(budget);
    });
});
