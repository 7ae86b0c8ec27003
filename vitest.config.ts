import { defineConfig } from 'vitest/config';
import SummaryReporter from './scripts/summaryReporter.js';

export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'protocol',
          include: ['packages/*/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sdk',
          include: ['sdk/test/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'collector',
          include: ['collector/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // What a browser sends arrives asynchronously; on a busy 2-core CI machine a
          // beacon or a retried batch can take seconds. Polls fail loudly when it never does.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          // Each file starts its own collector and browser; two cores run them one by one.
          fileParallelism: false,
        },
      },
    ],
  },
});
