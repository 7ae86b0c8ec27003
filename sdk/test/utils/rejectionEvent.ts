/**
 * An `unhandledrejection` event with `reason`. happy-dom has no `PromiseRejectionEvent`, so
 * `reason` is set by hand; cancelable like the browser's (a listener could prevent default).
 */
export function rejectionEvent(reason: unknown): Event {
  const event = new Event('unhandledrejection', { cancelable: true });
  Object.defineProperty(event, 'reason', { value: reason });
  return event;
}
