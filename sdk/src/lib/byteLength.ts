/** Size of a string on the wire (UTF-8): what the keepalive and beacon limits count. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
