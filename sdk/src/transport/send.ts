/**
 * One batch over the network. `fetch` with `keepalive` and a `text/plain` body: a
 * CORS-simple request (no preflight) that outlives the page. The answer decides the batch's
 * fate: delivered, retried later, or dropped (a 4xx other than 408/429 will never succeed).
 */
import { byteLength } from '../lib/byteLength.js';

export type SendOutcome =
  | { kind: 'ok' }
  | { kind: 'retry'; afterMs: number | null; reason: string }
  | { kind: 'drop'; reason: string };

/** Browsers refuse keepalive bodies above 64 KiB in flight; stay under it. */
export const KEEPALIVE_MAX_BYTES = 60_000;

/** `Retry-After` in ms: delay-seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  const ms = seconds === seconds ? seconds * 1000 : Date.parse(header) - Date.now();
  return ms === ms ? Math.max(0, ms) : null;
}

export async function sendBatch(url: string, body: string): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
      keepalive: byteLength(body) <= KEEPALIVE_MAX_BYTES,
      credentials: 'omit',
    });
  } catch (error) {
    return { kind: 'retry', afterMs: null, reason: `network: ${String(error)}` };
  }
  const status = response.status;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', afterMs: retryAfterMs(response.headers.get('retry-after')), reason: `HTTP ${status}` };
  }
  let detail = '';
  try {
    detail = await response.text();
  } catch {
    // the status alone says enough
  }
  return { kind: 'drop', reason: `HTTP ${status} ${detail}` };
}

/** Hands a batch to the browser for delivery after the page is gone. */
export function sendBeacon(url: string, body: string): boolean {
  try {
    return typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body);
  } catch {
    return false;
  }
}
