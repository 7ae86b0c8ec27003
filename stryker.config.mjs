// @ts-check
/**
 * Mutation testing (StrykerJS 9; 10.x needs Node 22): `pnpm test:mutation` mutates the
 * collector's ingest, storage drivers, rollups, reports and scoring and the SDK's transport
 * and captures, and runs the unit tests that cover each mutant (not e2e: it runs the built
 * bundles, which Stryker does not mutate). `pnpm test:mutation:changed` mutates only the files
 * a branch changed (scripts/mutateChanged.mjs), for CI. Pass `--mutate <glob>` for one folder.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker.vitest.config.ts', related: true },
  mutate: [
    'collector/src/ingest/**/*.ts',
    'collector/src/storage/**/*.ts',
    'collector/src/rollups/**/*.ts',
    'collector/src/reports/**/*.ts',
    'collector/src/scoring/**/*.ts',
    'sdk/src/transport/**/*.ts',
    'sdk/src/capture/**/*.ts',
    // Types and JSON Schema literals only: nothing to mutate that a test could tell.
    '!**/types.ts',
    '!collector/src/reports/*Response.ts',
  ],
  // Mutants in module-level constants run every test; their killing is the unit tests' job.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // The CI machine has two cores, shared.
  concurrency: 1,
  timeoutMS: 30_000,
  timeoutFactor: 2,
  ignorePatterns: ['e2e', 'examples', 'docs', 'reports', 'data', '**/dist'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
