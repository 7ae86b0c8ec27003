/**
 * Puts the shared happy-dom page back to a known state: URL (set through the
 * *unpatched* `History.prototype.replaceState`, so no capture sees it), title, and an
 * empty localStorage.
 */
export function resetPage(path = '/'): void {
  History.prototype.replaceState.call(history, null, '', path);
  document.title = '';
  localStorage.clear();
}
