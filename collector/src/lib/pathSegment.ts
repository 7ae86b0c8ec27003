/** A path's first segment: the section a page belongs to unless sections are given. */

/** `/blog/post-1` → `/blog`; `/about` and `/` stay as they are. */
export function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end === -1 ? path : path.slice(0, end);
}

/** The same in SQL, of a column (a trusted identifier). */
export function firstSegmentSql(column: string): string {
  return `CASE WHEN instr(substr(${column}, 2), '/') > 0
    THEN substr(${column}, 1, instr(substr(${column}, 2), '/')) ELSE ${column} END`;
}
