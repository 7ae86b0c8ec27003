/**
 * A `pageshow` event. happy-dom's `PageTransitionEvent` ignores `persisted`, so it is set by
 * hand: `true` is a page restored from the back/forward cache.
 */
export function pageshowEvent(persisted: boolean): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  return event;
}
