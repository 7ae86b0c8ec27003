/**
 * A virtual X display for a headful browser that no automation protocol drives. `-displayfd`
 * makes Xvfb pick a free display and write its number once it accepts connections, so
 * nothing waits on a timer. Fails loudly when Xvfb is not installed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * @param {{ width?: number, height?: number }} [options]
 * @returns {Promise<{ display: string, width: number, height: number, close(): Promise<void> }>}
 */
export async function startXvfb({ width = 1280, height = 800 } = {}) {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');
  // An interrupted run (Ctrl-C ends the process through process.exit) leaves no display behind.
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('error', (error) =>
      reject(new Error(`Xvfb could not start (${error.message}); install it: apt-get install xvfb`)),
    );
    exited.then(([code]) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
  return {
    display,
    width,
    height,
    async close() {
      process.off('exit', stop);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
