/**
 * Shadows a property of a browser object (`document.referrer`, `navigator.doNotTrack`,
 * `document.currentScript` …) with an own value; `restoreProperties()` removes every
 * override, so the prototype's getter shows through again.
 */
const restores: Array<() => void> = [];

export function overrideProperty<T extends object>(target: T, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, get: () => value });
  restores.push(() => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  });
}

export function restoreProperties(): void {
  while (restores.length) restores.pop()?.();
}
