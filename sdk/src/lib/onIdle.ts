/**
 * Runs `fn` once the main thread is idle (`requestIdleCallback`, at the latest after
 * `timeout` ms), or after `timeout` ms where there is none (Safari); returns its cancel.
 */
export function onIdle(fn: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(fn, timeout);
  return () => clearTimeout(timer);
}
