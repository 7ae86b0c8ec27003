/**
 * 21 random url-safe characters (126 bits): each random byte's low 6 bits pick one of
 * `0-9a-zA-Z-_` (nanoid's browser mapping, with no 64-character alphabet to ship).
 * `crypto.randomUUID` exists only in secure contexts; `getRandomValues` works on plain-http
 * pages too.
 */
export function randomId(): string {
  let id = '';
  for (let byte of crypto.getRandomValues(new Uint8Array(21))) {
    byte &= 63;
    id +=
      byte < 36
        ? byte.toString(36)
        : byte < 62
          ? (byte - 26).toString(36).toUpperCase()
          : byte > 62
            ? '-'
            : '_';
  }
  return id;
}
