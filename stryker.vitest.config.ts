/** The unit-test projects Stryker runs: vitest.config.ts's sdk and collector (not e2e). */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

type Project = { test?: { name?: string } };
const UNIT = ['sdk', 'collector'];

export default defineConfig({
  test: {
    projects: (base.test?.projects as Project[]).filter((p) => UNIT.includes(p.test?.name ?? '')),
  },
});
