import { vi } from 'vitest';

/**
 * Replaces `navigator.sendBeacon`; `accept` is what the browser answers (false = refused,
 * e.g. over quota). Undo with `vi.restoreAllMocks()`.
 */
export function stubBeacon(accept = true) {
  return vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => accept);
}
