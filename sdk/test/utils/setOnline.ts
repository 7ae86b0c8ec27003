import { overrideProperty } from './overrideProperty.js';

/** Sets `navigator.onLine` (no event is fired). Undo with `restoreProperties()`. */
export function setOnline(online: boolean): void {
  overrideProperty(navigator, 'onLine', online);
}
