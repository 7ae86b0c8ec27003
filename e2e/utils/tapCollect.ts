import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningServer } from '@sightline/collector';

export interface CollectAnswers {
  /** Ingest requests answered 202, and the sums of their `accepted` and `duplicates`. */
  requests: number;
  accepted: number;
  duplicates: number;
}

/**
 * Reads what the collector answers to every `POST /v1/collect` from now on, at the HTTP
 * server (so beacons sent by closing pages count too): an event the browser sent twice
 * shows as a duplicate here, though the store keeps it once.
 */
export function tapCollect(server: RunningServer): CollectAnswers {
  const answers: CollectAnswers = { requests: 0, accepted: 0, duplicates: 0 };
  server.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/collect')) return;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as string));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
      if (res.statusCode === 202) {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { accepted: number; duplicates: number };
        answers.requests += 1;
        answers.accepted += body.accepted;
        answers.duplicates += body.duplicates;
      }
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
  });
  return answers;
}
