/** Migration 15 folds each error group's path rows into the group's row as a path list. */
import { expect, it } from 'vitest';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';

it('keeps each group row and lists its paths with their occurrences', async () => {
  const db = await dbBefore(15);
  const row = (f: string, message: string, path: string, n: number) =>
    `('demo', '2026-11-20', '${f}', 0, 'error', '${message}', 'app.js', 1, 2, '${path}', ${n}, ${path ? 0 : 2}, ${path ? 0 : 1}, 10, 20)`;
  await db.exec(`
    INSERT INTO ru_errors (site, day, f, is_bot, kind, message, source, line, col, path, occurrences, sessions, users, first_ts, last_ts) VALUES
      ${row('', 'a', '', 5)}, ${row('', 'a', '/x', 3)}, ${row('', 'a', '/y"q', 2)},
      ${row('', 'b', '', 1)},
      ${row('page=/x', 'a', '', 3)}, ${row('page=/x', 'a', '/x', 3)};
  `);
  await applyMigrations(db, 15);
  const rows = await db.all<{ f: string; message: string; occurrences: number; paths: string }>(
    'SELECT f, message, occurrences, sessions, users, paths FROM ru_errors ORDER BY f, message',
  );
  expect(rows.map((r) => ({ ...r, paths: JSON.parse(r.paths) }))).toEqual([
    { f: '', message: 'a', occurrences: 5, sessions: 2, users: 1, paths: ['/x', 3, '/y"q', 2] },
    { f: '', message: 'b', occurrences: 1, sessions: 2, users: 1, paths: [] },
    { f: 'page=/x', message: 'a', occurrences: 3, sessions: 2, users: 1, paths: ['/x', 3] },
  ]);
});
