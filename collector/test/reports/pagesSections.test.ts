/** Sections: a path belongs to the longest prefix it falls under, whatever their order. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pagesReport } from '../../src/reports/pages.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

let storage: Storage;
beforeAll(async () => {
  storage = await createSqliteStorage(':memory:');
  await storage.migrate();
  await storage.ensureSites(['demo']);
  const paths = ['/', '/blog', '/blog/a', '/blog/a', '/blogger', '/docs/x'];
  await insertEvents(
    storage,
    paths.map((path, i) => makeEventRow({ ts: utcMidnight(1) + i * 60_000, session: `s${i}`, path })),
  );
  await storage.refreshRollups();
});
afterAll(async () => {
  await storage.close();
});

it.each(['/,/blog', '/blog,/'])('sections=%s', async (sections) => {
  const result = await pagesReport.run(storage, {
    site: 'demo',
    from: utcDate(1),
    to: utcDate(1),
    bots: 'include',
    sections,
  });
  expect(Object.fromEntries(result.sections.map((s) => [s.section, s.views]))).toEqual({
    '/blog': 3,
    '/': 3,
  });
});
