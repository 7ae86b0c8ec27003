import type { TestApp } from './createTestApp.js';

/** An authenticated `GET` of the reading API; `body` is the parsed JSON answer. */
export async function getJson<T = Record<string, unknown>>(
  t: TestApp,
  url: string,
): Promise<{ statusCode: number; body: T }> {
  const response = await t.app.inject({ method: 'GET', url, headers: t.auth });
  return { statusCode: response.statusCode, body: response.json<T>() };
}
