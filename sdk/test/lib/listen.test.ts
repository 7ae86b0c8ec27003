import { describe, expect, test, vi } from 'vitest';
import { listen } from '../../src/lib/listen.js';

describe('listen', () => {
  test.each([false, true])('calls the handler until the returned stop() (capture=%s)', (capture) => {
    const target = new EventTarget();
    const handler = vi.fn();
    const stop = listen(target, 'ping', handler, capture);
    target.dispatchEvent(new Event('ping'));
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(new Event('ping'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test('registers a passive listener (it may not block scrolling)', () => {
    const target = new EventTarget();
    const add = vi.spyOn(target, 'addEventListener');
    listen(target, 'touchstart', () => undefined);
    expect(add).toHaveBeenCalledWith('touchstart', expect.any(Function), { passive: true, capture: false });
  });

  test('ignores other event types', () => {
    const target = new EventTarget();
    const handler = vi.fn();
    listen(target, 'ping', handler);
    target.dispatchEvent(new Event('pong'));
    expect(handler).not.toHaveBeenCalled();
  });
});
