/** `POST /v1/collect` straight to a collector, as a crafted client would (no browser). */
export const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export async function postEvents(
  collectorUrl: string,
  events: Record<string, unknown>[],
  headers: Record<string, string> = {},
): Promise<void> {
  const res = await fetch(`${collectorUrl}/v1/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': CHROME_UA, 'accept-language': 'en-GB,en;q=0.9', ...headers },
    body: JSON.stringify({ site: 'demo', events }),
  });
  const body = (await res.json()) as { accepted?: number; rejected?: number };
  if (res.status !== 202 || body.rejected) throw new Error(`collect → ${res.status} ${JSON.stringify(body)}`);
}
