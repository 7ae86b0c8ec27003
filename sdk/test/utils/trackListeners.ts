import { vi } from 'vitest';

/**
 * Watches `addEventListener`/`removeEventListener` on `targets` (keyed by a name for the
 * report); `active()` lists the listeners added since and not removed, as `name:type`, so
 * a test can check that `stop()` leaves nothing behind. Undo with `vi.restoreAllMocks()`.
 */
export function trackListeners(targets: Record<string, EventTarget>): { active(): string[] } {
  // The browser keys a listener by type, handler and capture flag; so do we.
  const live = new Map<string, string>();
  const handlerIds = new Map<unknown, number>();
  const keyOf = (name: string, [type, handler, options]: unknown[]): string => {
    if (!handlerIds.has(handler)) handlerIds.set(handler, handlerIds.size);
    const capture =
      typeof options === 'boolean'
        ? options
        : Boolean((options as EventListenerOptions | undefined)?.capture);
    return [name, type, capture, handlerIds.get(handler)].join(' ');
  };
  for (const [name, target] of Object.entries(targets)) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((...args) => {
      live.set(keyOf(name, args), `${name}:${args[0]}`);
      add(...args);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((...args) => {
      live.delete(keyOf(name, args));
      remove(...args);
    });
  }
  return { active: () => [...live.values()] };
}
