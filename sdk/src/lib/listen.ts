/** `addEventListener` (passive) that returns its own removal. */
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  capture = false,
): () => void {
  const options = { passive: true, capture };
  target.addEventListener(type, handler, options);
  return () => target.removeEventListener(type, handler, options);
}
