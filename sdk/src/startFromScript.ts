/**
 * Shared start of the script-tag builds: reads the tag's data attributes, installs
 * `window.sightline`, and starts the given capture modules. Attributes:
 * `data-site` (required), `data-endpoint` (collector origin; default: where the script
 * came from), `data-collect-path`, `data-capture-text="false"` (no element text in clicks),
 * `data-respect-dnt="false"`, `data-debug`.
 */
import { flush, identify, init, optIn, optOut, track } from './api.js';
import type { Capture } from './types.js';

export interface ScriptOptions {
  captureText: boolean;
}

export function startFromScript(captures: (options: ScriptOptions) => Capture[]): void {
  const win = window as unknown as { sightline?: object };
  // The tag included twice (a template and a tag manager): the first one runs alone, else
  // every pageview and event would be sent twice under different ids.
  if (win.sightline) return;
  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  win.sightline = { track, identify, optOut, optIn, flush };
  try {
    init({
      site: data.site ?? '',
      endpoint: data.endpoint || (script?.src ? new URL(script.src).origin : undefined),
      collectPath: data.collectPath,
      capture: captures({ captureText: data.captureText !== 'false' }),
      debug: data.debug !== undefined,
      respectDnt: data.respectDnt !== 'false',
    });
  } catch (error) {
    console.warn(String(error));
  }
}
