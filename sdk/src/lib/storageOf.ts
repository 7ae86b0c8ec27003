/** `window.localStorage`, or null where merely touching it throws. */
export function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
