export interface Throttled {
  (): void;
  /** Drops a pending run (for `stop()`). */
  cancel(): void;
}

/**
 * Runs `fn` at most once per `wait` ms, at the end of the window (trailing): a burst of
 * calls costs one run, and that run reads the state as it is then, not as it was at the
 * first call. Nothing runs at the call itself, so a `scroll` handler stays a flag check.
 */
export function throttle(fn: () => void, wait: number): Throttled {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const throttled = (() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, wait);
  }) as Throttled;
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return throttled;
}
