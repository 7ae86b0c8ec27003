import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export const REDIS_INSTALL_HINT =
  'redis-server is missing: install it with `apt-get install -y redis-server` (or run `bash scripts/install-system-deps.sh` as root)';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops it (the collectors see Redis go away). */
  stop(): Promise<void>;
}

/**
 * A Redis of its own on 127.0.0.1 and a random free port (or `port`: a restart), in memory
 * only; never a service.
 */
export async function startRedis(port?: number): Promise<TestRedis> {
  for (let attempt = 0; ; attempt++) {
    const tried = port ?? 20_000 + Math.floor(Math.random() * 40_000);
    const child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(tried), '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const outcome = await readyOrExit(child);
    if (outcome === 'ready') {
      const exited = once(child, 'exit');
      return {
        url: `redis://127.0.0.1:${tried}`,
        port: tried,
        async stop() {
          child.kill('SIGKILL'); // a no-op once it is gone
          await exited;
        },
      };
    }
    if (outcome === 'missing') throw new Error(REDIS_INSTALL_HINT);
    if (port !== undefined || attempt >= 5) throw new Error(`redis-server did not start: ${outcome}`);
  }
}

/** 'ready' once redis-server says so; 'missing' when it is not installed; else its output. */
function readyOrExit(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve('ready');
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? 'missing' : error.message),
    );
    child.on('exit', () => resolve(output.trim().split('\n').slice(-3).join('\n')));
  });
}
