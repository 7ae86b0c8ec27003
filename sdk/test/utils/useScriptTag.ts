import { overrideProperty } from './overrideProperty.js';

/**
 * Makes `document.currentScript` a `<script src=… data-…>` tag, as the browser does while
 * it runs `/s.js`. `data` keys are attribute names without `data-`. Undo with
 * `restoreProperties()`.
 */
export function useScriptTag(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  for (const [name, value] of Object.entries(data)) script.setAttribute(`data-${name}`, value);
  overrideProperty(document, 'currentScript', script);
  return script;
}
