/**
 * Clicks: one `click` event per click, describing the nearest meaningful element (link,
 * button, field, label, `[role=button]`, `[onclick]`, `[data-sightline-name]`) by a short
 * selector, its tag, its text, its link and a kind. `data-sightline-ignore` on the element
 * or an ancestor drops the click.
 *
 * Every click waits, in order, until its *burst* ends: a burst is clicks each within 1 s
 * of the one before and 30 px of the first; it ends 1 s after its last click. Then:
 * - a burst of 3+ clicks (a rage click) is sent as ONE event, its last click, with
 *   `rage: n`; the earlier clicks of the burst are never sent on their own, so a rage
 *   burst counts once;
 * - a burst of 1 or 2 clicks is sent as that many plain clicks.
 * The same wait gives the dead-click verdict, `dead: true` when from the burst's first
 * click until it ended the DOM did not change (MutationObserver), the URL and the focused
 * element stayed the same and nothing scrolled. Only clicks that could show a reaction are
 * judged: not form fields, labels or editable content, not links to another page. The
 * observer and scroll listener run only while a verdict is pending and stop at the first
 * reaction. A burst cut short (a click elsewhere, leaving the page, `stop()`) is sent at
 * once with no verdict (no `dead`): nothing is lost, nothing is called dead too early.
 * The click a browser passes on from a label to its field is not counted again.
 * The client stamps `ts` and `url` at emission, so they are those of the burst's end.
 */
import { MAX_TEXT_LENGTH, MAX_URL_LENGTH, type ClickKind } from '@sightline/protocol';
import { clamp } from '../lib/clamp.js';
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import { selectorPath } from '../lib/selectorPath.js';
import type { Capture } from '../types.js';

/** Clicks in one burst that make it a rage click. */
const RAGE_CLICKS = 3;
/** Longest gap between clicks of a burst, and how long a click waits for a reaction. */
const BURST_MS = 1000;
/** How far from the burst's first click the others may land, in CSS pixels. */
const BURST_PX = 30;
/** A label's click reaches its field at once; later clicks on the field are the user's. */
const FORWARD_MS = 100;
/** Wire-format bounds of `rage` and `tag`. */
const MAX_RAGE = 1000;
const MAX_TAG_LENGTH = 32;

const MEANINGFUL =
  'a,button,input,select,textarea,label,summary,[role=button],[onclick],[data-sightline-name]';
const BUTTON = 'button,[role=button],[type=button],[type=submit],[type=reset],[type=image]';
const FIELD = 'input,select,textarea';
const FILE = /\.(pdf|zip|rar|7z|gz|dmg|exe|msi|apk|csv|xlsx?|docx?|pptx?|odt|epub|mp3|wav|mp4|mov)$/i;

export interface ClickCaptureOptions {
  /** Send the clicked element's trimmed visible text (default true); false: no text at all. */
  text?: boolean;
}

/** A click waiting for its burst to end, and whether it may be called dead. */
type Click = [fields: Record<string, unknown>, judged: boolean];

/** The developer's name, else visible text, else `aria-label`, `title`, `alt`. */
function textOf(el: Element): string | undefined {
  // Editor content is user-authored and a password secret: no text, not even a label.
  if (el.closest('[contenteditable],[type=password]')) return;
  for (const source of ['data-sightline-name', 0, 'aria-label', 'title', 'alt'] as const) {
    // A field's text is its value or options (a textarea's even through innerText).
    const text = (
      source
        ? el.getAttribute(source)
        : el.matches(FIELD) || el.querySelector('textarea,select,[contenteditable]')
          ? ''
          : ((el as HTMLElement).innerText ?? el.textContent)
    )
      ?.replace(/\s+/g, ' ')
      .trim();
    if (text) return clamp(text, MAX_TEXT_LENGTH);
  }
  // An image link or icon button: its image's alt.
  const image = el.querySelector('[alt]');
  return image ? textOf(image) : undefined;
}

function kindOf(el: Element, link: HTMLAnchorElement | null): ClickKind {
  if (!link) return el.matches(BUTTON) ? 'button' : 'other';
  if (link.hasAttribute('download') || FILE.test(link.pathname)) return 'download';
  return link.host === location.host ? 'link' : 'outbound';
}

function describe(el: Element, withText: boolean): Click {
  const found = el.closest('a[href],area[href]') as HTMLAnchorElement | null;
  // Only web links: `javascript:` is code, `mailto:`/`tel:` an address (an SVG link has no protocol).
  const link = found && /^https?:$/.test(found.protocol) ? found : null;
  const href = link?.href;
  const fields = {
    selector: selectorPath(el),
    tag: clamp(el.localName, MAX_TAG_LENGTH),
    text: withText ? textOf(el) : undefined,
    href: href && clamp(href, MAX_URL_LENGTH),
    kind: kindOf(el, link),
  };
  // Fields react without touching the DOM; a link to another page (or tab) does something.
  const judged =
    !el.closest(`${FIELD},label,[contenteditable]`) &&
    !(href && href.split('#')[0] !== location.href.split('#')[0]);
  return [fields, judged];
}

export function createClickCapture(options: ClickCaptureOptions = {}): Capture {
  const withText = options.text !== false;
  return (ctx) => {
    let clicks: Click[] = [];
    let count = 0;
    let x = 0;
    let y = 0;
    let last = 0;
    let live = false;
    let href = '';
    let focus: Element | null = null;
    // The field a clicked label passes its click on to (the browser clicks it right after).
    let forwarded: Element | null | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopScroll: (() => void) | undefined;
    const onError = (error: unknown): void => ctx.debug('click not captured', error);

    const unwatch = (): void => {
      observer.disconnect();
      stopScroll?.();
      stopScroll = undefined;
    };
    const react = (): void => {
      live = true;
      unwatch();
    };
    const observer = new MutationObserver(react);

    const flush = safely((verdict: boolean) => {
      clearTimeout(timer);
      // Records not yet delivered (the callback runs in a later microtask) count too.
      if (observer.takeRecords().length) live = true;
      unwatch();
      const dead = verdict && !live && location.href === href && document.activeElement === focus;
      const [lastFields, lastJudged] = clicks[clicks.length - 1] ?? [];
      const burst =
        count < RAGE_CLICKS
          ? clicks
          : [[{ ...lastFields, rage: Math.min(count, MAX_RAGE) }, lastJudged] as Click];
      clicks = [];
      count = 0;
      for (const [fields, judged] of burst) ctx.emit('click', dead && judged ? { ...fields, dead } : fields);
    }, onError);

    const onClick = (event: Event): void => {
      const target = event.target;
      if (!(target instanceof Element) || target.closest('[data-sightline-ignore]')) return;
      const { clientX, clientY } = event as MouseEvent;
      const now = Date.now();
      // One user click on a label is two click events; the second would double count (and rage).
      if (target === forwarded && now - last < FORWARD_MS) return void (forwarded = undefined);
      const el = target.closest(MEANINGFUL) ?? target;
      forwarded = (el as HTMLLabelElement).control;
      if (!count || now - last > BURST_MS || Math.hypot(clientX - x, clientY - y) > BURST_PX) {
        if (count) flush(false);
        x = clientX;
        y = clientY;
        live = false;
        href = location.href;
        focus = document.activeElement;
        // Capture phase on document: we watch before the page's own handlers react.
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        stopScroll = listen(document, 'scroll', react, true);
      }
      last = now;
      // Only the last click of a rage burst is sent: keep at most RAGE_CLICKS.
      if (clicks.length === RAGE_CLICKS) clicks.pop();
      clicks.push(describe(el, withText));
      count++;
      clearTimeout(timer);
      timer = setTimeout(flush, BURST_MS, true);
    };

    const stopClick = listen(document, 'click', safely(onClick, onError), true);
    const stopLeave = ctx.onLeave(() => flush(false));
    return () => {
      flush(false);
      stopLeave();
      stopClick();
    };
  };
}

// Pure: a bundle that never uses the default capture drops it.
export const captureClicks: Capture = /* #__PURE__ */ createClickCapture();
