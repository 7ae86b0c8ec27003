import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../collector/dist/cli.js', import.meta.url));

export interface SpawnedCollector {
  child: ChildProcess;
  url: string;
  /** Every line the process printed on stdout. */
  lines: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs `node collector/dist/cli.js` as a user would; resolves once it is listening. */
export async function spawnCollector(env: Record<string, string>): Promise<SpawnedCollector> {
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`collector exited with ${code}: ${lines.join('\n')}`)));
  });
  return { child, url, lines, exited };
}
