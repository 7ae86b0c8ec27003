/**
 * Sets `location.hash` the way a link or a hash router does, and waits for the
 * `hashchange` that follows. happy-dom dispatches it from its own (real, unfaked) timer,
 * so this waits for the event itself rather than advancing fake time.
 */
export function changeHash(hash: string): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = hash;
  });
}
