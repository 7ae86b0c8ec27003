/**
 * The order SQLite sorts values in, for code that ranks in JS what SQL ranks elsewhere:
 * numbers by value, text in UTF-8 byte order (BINARY collation; JavaScript's `<` compares
 * UTF-16 units, which differs beyond the Basic Multilingual Plane).
 */
export function compareSqlValues(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return Number(a) - Number(b);
}
