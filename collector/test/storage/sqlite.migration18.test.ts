/** Migration 18 adds up the page rows already stored per first path segment, as ingest does. */
import { expect, it } from 'vitest';
import { firstSegment } from '../../src/lib/pathSegment.js';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';

const PATHS = ['/', '/blog', '/blog/', '/blog/a', '/blog/a/b', '/blogging', '/a%/_b', '/é/x', 'odd', 'o/dd'];

it('groups page rows by the first segment firstSegment names', async () => {
  const db = await dbBefore(18);
  const columns =
    'views, visitors, entries, exits, engaged_ms, engaged_n, scroll_sum, scroll_n, load_ms, load_n, slow, errors, rage, dead';
  for (const [i, path] of PATHS.entries())
    for (const f of ['', 'device=mobile'])
      await db.run(
        `INSERT INTO ru_pages (site, day, f, is_bot, path, ${columns}) VALUES ('demo', '2026-11-20', ?, 0, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
        [f, path, i + 1],
      );
  await applyMigrations(db, 18);

  const expected = new Map<string, number>();
  for (const [i, path] of PATHS.entries())
    for (const f of ['', 'device=mobile']) {
      const key = `${f}|${firstSegment(path)}`;
      expected.set(key, (expected.get(key) ?? 0) + i + 1);
    }
  const rows = await db.all<{ f: string; segment: string; views: number }>(
    'SELECT f, segment, views FROM ru_segments',
  );
  expect(new Map(rows.map((r) => [`${r.f}|${r.segment}`, r.views]))).toEqual(expected);
  expect(expected.get('|/blog')).toBe(2 + 3 + 4 + 5);
});
