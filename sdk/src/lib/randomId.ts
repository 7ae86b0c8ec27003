const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * 21 random url-safe characters (126 bits). `crypto.randomUUID` exists only in secure
 * contexts; `getRandomValues` works on plain-http pages too.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  let id = '';
  for (let i = 0; i < bytes.length; i++) id += ALPHABET[(bytes[i] as number) & 63];
  return id;
}
