/**
 * A normal, headful Chromium on an X display, started as a plain process — no DevTools
 * protocol, no WebDriver, no automation flag: what a person starts from a desktop. Only
 * flags that keep it off the network (this machine has none) and place its window are added.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xdotool } from './xdotool.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh profile in `profile`, kept off the network (this machine has none). */
export const plainFlags = (profile) => [
  '--no-sandbox',
  `--user-data-dir=${profile}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens `url` in a fresh profile and resolves once its window is mapped and shows `title`
 * (`xdotool search --sync` waits for the X window itself, no timer).
 * @param {{ display: string, url: string, title: RegExp | string, width?: number, height?: number }} options
 */
export async function launchPlainChromium({ display, url, title, width = 1200, height = 760 }) {
  const profile = mkdtempSync(join(tmpdir(), 'sightline-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...plainFlags(profile),
      '--window-position=0,0',
      `--window-size=${width},${height}`,
      url,
    ],
    // Its own process group, so that closing can tell when its helper processes are gone too.
    { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', detached: true },
  );
  const exited = once(child, 'exit');
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const failed = new Promise((_, reject) => {
    child.once('error', (error) => reject(new Error(`Chromium could not start: ${error.message}`)));
    exited.then(([code]) => reject(new Error(`Chromium exited early with ${code}`)));
  });
  const browser = {
    child,
    display,
    /** The X window id of the window whose title matches, once it is mapped. */
    async waitForTitle(pattern, timeoutMs = 30_000) {
      const name = typeof pattern === 'string' ? pattern : pattern.source;
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = xdotool(
          display,
          ['search', '--sync', '--onlyvisible', '--name', name],
          end - Date.now(),
        );
        try {
          const out = await Promise.race([found, failed]);
          return out.trim().split('\n')[0];
        } catch (error) {
          // A window destroyed while xdotool inspects it (BadWindow) ends its search: search again.
          if (!/BadWindow/.test(error.message) || Date.now() >= end) throw error;
        }
      }
    },
    async close() {
      process.off('exit', stop);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      // Chromium's helpers (zygote, crash handler) outlive it for a moment and still write the
      // profile: wait until its process group is empty (signal 0 only asks), for 10 s at most.
      for (const end = Date.now() + 10_000; Date.now() < end;) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
  try {
    browser.window = await browser.waitForTitle(title);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
