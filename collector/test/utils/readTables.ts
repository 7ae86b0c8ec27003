import { openDb } from '../../src/storage/sqlite/db.js';

/** Every table a user's data reaches, with the columns to compare (events without `rid`). */
const TABLES: Record<string, string> = {
  events: 'site, event_id, type, ts, session, visitor, user_id, path, name, data',
  sessions: '*',
  session_days: '*',
  rollup_dirty: '*',
  ru_sessions: '*',
  ru_hours: '*',
  ru_durations: '*',
  ru_lengths: '*',
  ru_pages: '*',
  ru_segments: '*',
  ru_transitions: '*',
  ru_events: '*',
  ru_vitals: '*',
  ru_users: '*',
  ru_users_trail: '*',
  ru_user_first: '*',
  ru_user_days: '*',
  ru_transitions_trail: '*',
  ru_transition_days: '*',
  ru_errors: '*',
  ru_problem_sessions: '*',
};

/** The rows of those tables in a SQLite file, sorted, for comparing two stores. */
export async function readTables(path: string): Promise<Record<string, unknown[]>> {
  const db = await openDb(path);
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, columns] of Object.entries(TABLES)) {
      const rows = await db.all<Record<string, unknown>>(`SELECT ${columns} FROM ${table}`);
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await db.close();
  }
}
