/**
 * OS-level input through XTest: `xdotool` posts events to the X server as a keyboard and
 * mouse would, so the browser sees trusted input from no automation protocol. A sequence is
 * one `xdotool -` script on stdin (its `sleep`s are the input's own timing, in seconds).
 */
import { execFile, spawn } from 'node:child_process';

/**
 * Runs `xdotool args…` on `display`; resolves with its stdout. `timeoutMs` bounds commands
 * that wait (`search --sync`): the process is killed and the promise rejects.
 * @param {string} display
 * @param {string[]} args
 */
export function xdotool(display, args, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DISPLAY: display };
    execFile('xdotool', args, { env, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`xdotool ${args.join(' ')}: ${error.message} ${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * Runs a list of xdotool commands (`mousemove 10 20`, `sleep 0.016` …) as one script.
 * @param {string} display
 * @param {string[]} commands
 */
export function xdotoolScript(display, commands) {
  return new Promise((resolve, reject) => {
    const child = spawn('xdotool', ['-'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) =>
      reject(new Error(`xdotool could not start (${error.message}); install it: apt-get install xdotool`)),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`xdotool script exited ${code}: ${stderr}`)),
    );
    child.stdin.end(commands.join('\n') + '\n');
  });
}
