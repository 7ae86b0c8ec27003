/**
 * The few parts of a `Response` that `sendBatch` reads. Plain promises only, so it behaves
 * the same under fake timers.
 */
export function fakeResponse(status: number, headers: Record<string, string> = {}, body = ''): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: new Headers(headers),
    text: () => Promise.resolve(body),
  } as unknown as Response;
}
