/** Cuts a string to the wire format's bound, so one long value never voids a whole batch. */
export function clamp(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
