import { vi } from 'vitest';
import { fakeResponse } from './fakeResponse.js';

/** One answer of the fake collector: a status, a full response, or a network failure. */
export type FetchAnswer = number | { status: number; headers?: Record<string, string>; body?: string } | Error;

/**
 * Replaces the global `fetch`: answers in the given order, then `202` for every later call.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(...answers: FetchAnswer[]) {
  const fetchMock = vi.fn(async (_url: string | URL | Request, _init?: RequestInit): Promise<Response> => {
    const answer = answers.shift() ?? 202;
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'number') return fakeResponse(answer, {}, '{"accepted":1,"duplicates":0}');
    return fakeResponse(answer.status, answer.headers, answer.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
