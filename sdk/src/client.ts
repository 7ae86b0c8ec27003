/**
 * One running client: builds events (id, time, session, URL, user), honours privacy
 * switches, feeds the queue, and flushes by beacon when the page is hidden or left.
 */
import {
  MAX_NAME_LENGTH,
  MAX_PROPS,
  MAX_PROP_VALUE_LENGTH,
  MAX_URL_LENGTH,
  MAX_USER_LENGTH,
  type EventType,
  type SightlineEvent,
} from '@sightline/protocol';
import type { SightlineConfig } from './config.js';
import { clamp } from './lib/clamp.js';
import { listen } from './lib/listen.js';
import { randomId } from './lib/randomId.js';
import { safely } from './lib/safely.js';
import { storageOf } from './lib/storageOf.js';
import { createSession } from './session.js';
import { createQueue } from './transport/queue.js';
import { sendBatch, sendBeacon } from './transport/send.js';
import type { CaptureContext, LeaveReason, Page, Props } from './types.js';

const OPT_OUT_KEY = 'sightline_optout';
const USER_KEY = 'sightline_user';

export interface Client {
  emit(type: EventType, fields?: Record<string, unknown>): SightlineEvent | undefined;
  track(name: string, props?: Props): void;
  identify(user: string | null): void;
  optOut(): void;
  optIn(): void;
  flush(): Promise<void>;
  stop(): void;
}

function cleanProps(props: Props | undefined): Props | undefined {
  if (!props || typeof props !== 'object') return undefined;
  const out: Props = {};
  for (const [key, value] of Object.entries(props).slice(0, MAX_PROPS)) {
    const k = clamp(key, MAX_NAME_LENGTH);
    if (typeof value === 'string') out[k] = clamp(value, MAX_PROP_VALUE_LENGTH);
    else if (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'boolean' || value === null) out[k] = value;
  }
  return out;
}

export function createClient(config: SightlineConfig): Client {
  const debug = (message: unknown, detail?: unknown): void => {
    if (config.debug) console.debug('[sightline]', message, detail ?? '');
  };
  const storage = storageOf(window);
  const session = createSession(storage);
  const read = (key: string): string | null => {
    try {
      return storage!.getItem(key);
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | null): void => {
    try {
      if (value === null) storage?.removeItem(key);
      else storage?.setItem(key, value);
    } catch {
      debug('not persisted', key);
    }
  };
  let user = read(USER_KEY);
  // This page's own choice, honoured even where storage cannot keep it.
  let optedOut = false;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const privacySignal = config.respectDnt && (nav.doNotTrack === '1' || nav.globalPrivacyControl === true);

  const queue = createQueue({
    // site, maxBatch, flushInterval
    ...config,
    send: (body) => sendBatch(config.collectUrl, body),
    beacon: (body) => sendBeacon(config.collectUrl, body),
    debug,
  });

  // The pageview later events belong to (its id and URL), and what captures send when a
  // page is left.
  let page: Page | undefined;
  const leaveHandlers = new Set<(reason: LeaveReason) => void>();
  const runLeave = (reason: LeaveReason): void => {
    for (const handler of leaveHandlers) safely(handler, debug)(reason);
  };

  const emit = safely((type: EventType, fields: Record<string, unknown> = {}, at: Page | undefined = page) => {
    if (privacySignal || optedOut || read(OPT_OUT_KEY) === '1') return void debug('not sent: opted out, DNT or GPC', type);
    const view = type === 'pageview';
    // Summaries of the page being left (scroll depth, engaged time) go before the next view,
    // credited to it: its pageview and its URL, not the route the visitor arrives at.
    if (view && page) runLeave('navigate');
    const now = Date.now();
    const id = randomId();
    const event = {
      ...fields,
      id,
      type,
      ts: now,
      session: session.touch(now),
      url: !view && at ? at[1] : clamp(location.href, MAX_URL_LENGTH),
      ...(user ? { user } : {}),
      ...(!view && at ? { pv: at[0] } : {}),
    } as SightlineEvent;
    if (view) page = [id, event.url];
    queue.add(event);
    return event;
  }, debug);

  const ctx: CaptureContext = {
    emit,
    page: () => page,
    onLeave: (handler) => {
      leaveHandlers.add(handler);
      return () => leaveHandlers.delete(handler);
    },
    debug,
  };
  const stops = config.capture.map((capture) => safely(capture, debug)(ctx));
  const leave = (reason: LeaveReason): void => {
    runLeave(reason);
    queue.flushBeacon(reason === 'pagehide');
  };
  stops.push(
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') leave('hidden');
    }),
    listen(window, 'pagehide', () => leave('pagehide')),
    // Sending pauses while offline (transport/queue.ts); this resumes it.
    listen(window, 'online', () => void queue.flush()),
  );

  return {
    emit,
    track: (name, props) => {
      if (typeof name !== 'string' || !name) return debug('track() needs an event name');
      emit('custom', { name: clamp(name, MAX_NAME_LENGTH), props: cleanProps(props) });
    },
    identify: (id) => {
      user = typeof id === 'string' && id ? clamp(id, MAX_USER_LENGTH) : null;
      write(USER_KEY, user);
    },
    optOut: () => {
      optedOut = true;
      write(OPT_OUT_KEY, '1');
    },
    optIn: () => {
      optedOut = false;
      write(OPT_OUT_KEY, null);
    },
    flush: () => queue.flush(),
    stop: () => {
      for (const stop of stops) stop?.();
    },
  };
}
