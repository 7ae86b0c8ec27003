/**
 * The script-tag entry (`/s.js`): configured by the tag's data attributes,
 * `<script defer src="https://COLLECTOR/s.js" data-site="SITE"></script>`;
 * `data-endpoint` overrides the collector origin (default: where the script came from),
 * `data-collect-path` the ingest path, `data-debug` logs to the console.
 */
import { flush, identify, init, optIn, optOut, track } from './api.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
(window as unknown as { sightline: object }).sightline = { track, identify, optOut, optIn, flush };
try {
  init({
    site: data.site ?? '',
    endpoint: data.endpoint || (script?.src ? new URL(script.src).origin : undefined),
    collectPath: data.collectPath,
    debug: data.debug !== undefined,
    respectDnt: data.respectDnt !== 'false',
  });
} catch (error) {
  console.warn(String(error));
}
