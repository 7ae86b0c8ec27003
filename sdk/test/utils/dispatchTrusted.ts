/**
 * Dispatches `event` on `target` as if the browser made it (`isTrusted: true`), or as a
 * script would (`false`); happy-dom leaves `isTrusted` undefined on constructed events.
 */
export function dispatchTrusted<E extends Event>(target: EventTarget, event: E, trusted = true): E {
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
  return event;
}
