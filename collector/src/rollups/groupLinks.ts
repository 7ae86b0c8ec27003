/**
 * A day's sessions cut into groups whose rollup rows add up: sessions that share a visitor
 * id or a user that day fall in one group (connected components), so that every distinct
 * count a row holds — visitors, sessions, users — counts each id within one group only, and
 * a day's rows are the sum of its groups' rows (rollups/combineRollups.ts).
 */
import type { DayLink } from './types.js';

/** Sessions per read at most (a group larger than this is read alone). */
export const READ_SESSIONS = 2000;

/** Union-find over string ids. */
function createLinks() {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    // Path compression: every id on the way points at the root.
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  return {
    add(id: string) {
      if (!parent.has(id)) parent.set(id, id);
    },
    union(a: string, b: string) {
      const [x, y] = [find(a), find(b)];
      if (x !== y) parent.set(x, y);
    },
    find,
  };
}

/** The sessions of each group: sessions linked by a shared visitor or user. */
export function groupsOf(links: readonly DayLink[]): string[][] {
  const uf = createLinks();
  for (const { session, visitor, user } of links) {
    const s = `s${session}`;
    uf.add(s);
    uf.add(`v${visitor}`);
    uf.union(s, `v${visitor}`);
    if (user !== null) {
      uf.add(`u${user}`);
      uf.union(s, `u${user}`);
    }
  }
  const groups = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const { session } of links) {
    if (seen.has(session)) continue;
    seen.add(session);
    const root = uf.find(`s${session}`);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(session);
  }
  return [...groups.values()];
}

/** Whole groups packed into reads of up to `max` sessions (a larger group goes alone). */
export function* packGroups(links: readonly DayLink[], max = READ_SESSIONS): Iterable<string[]> {
  let read: string[] = [];
  for (const group of groupsOf(links)) {
    if (read.length > 0 && read.length + group.length > max) {
      yield read;
      read = [];
    }
    for (const session of group) read.push(session);
  }
  if (read.length > 0) yield read;
}
