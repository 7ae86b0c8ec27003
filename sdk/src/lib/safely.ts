/**
 * Runs `fn`, never letting an exception reach the host page. The one place the SDK
 * catches: every listener and public function goes through it.
 */
export function safely<A extends unknown[], R>(
  fn: (...args: A) => R,
  onError?: (error: unknown) => void,
): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      onError?.(error);
      return undefined;
    }
  };
}
