/**
 * When clicks are sent: rage bursts, dead-click verdicts, leaving the page and stop().
 * What a click is sent with is in clicks.test.ts.
 */
import { describe, expect, test, vi } from 'vitest';
import { dispatchClick as click } from '../utils/dispatchClick.js';
import { renderMarked as render } from '../utils/renderMarked.js';
import { trackListeners } from '../utils/trackListeners.js';
import { useClickCapture } from '../utils/useClickCapture.js';

const t = useClickCapture();

describe('captureClicks: rage clicks', () => {
  test('3 quick clicks on one spot: one event, the last click, with rage: 3', () => {
    t.start();
    const el = render('<button data-t>Pay</button>');
    click(el, 100, 100);
    vi.advanceTimersByTime(200);
    click(el, 110, 95);
    vi.advanceTimersByTime(200);
    click(el, 90, 120);
    expect(t.fake.emitted).toEqual([]);
    t.settle();
    expect(t.fake.emitted).toMatchObject([
      {
        type: 'click',
        fields: { selector: 'button', tag: 'button', text: 'Pay', kind: 'button', rage: 3, dead: true },
      },
    ]);
    expect(t.fake.emitted).toHaveLength(1);
  });

  test('the burst is reported with the last click’s element', () => {
    t.start();
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    click(document.getElementById('a') as Element, 50, 50);
    click(document.getElementById('a') as Element, 52, 50);
    click(document.getElementById('b') as Element, 60, 55);
    click(document.getElementById('b') as Element, 61, 55);
    t.fake.leave('pagehide');
    expect(t.fake.emitted.map((e) => e.fields)).toEqual([
      { selector: '#b', tag: 'button', text: 'B', kind: 'button', rage: 4 },
    ]);
  });

  test.each([
    [
      '2 quick clicks (a double click)',
      [
        [0, 0, 0],
        [100, 0, 0],
      ],
    ],
    [
      '3 clicks too far apart',
      [
        [0, 0, 0],
        [100, 40, 0],
        [100, 80, 0],
      ],
    ],
    [
      '3 clicks too slow',
      [
        [0, 0, 0],
        [1100, 0, 0],
        [1100, 0, 0],
      ],
    ],
  ] as Array<[string, Array<[number, number, number]>]>)('%s: plain clicks, no rage', (_name, clicks) => {
    t.start();
    const el = render('<button data-t>Pay</button>');
    for (const [wait, x, y] of clicks) {
      vi.advanceTimersByTime(wait);
      click(el, 100 + x, 100 + y);
    }
    t.settle();
    expect(t.fake.emitted).toHaveLength(clicks.length);
    for (const { type, fields } of t.fake.emitted) {
      expect(type).toBe('click');
      expect(fields).not.toHaveProperty('rage');
    }
  });

  test('events stay in click order around a burst', () => {
    t.start();
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button><button id="c">C</button>';
    const byId = (id: string): Element => document.getElementById(id) as Element;
    click(byId('a'), 0, 0);
    for (let i = 0; i < 3; i++) click(byId('b'), 300, 300);
    click(byId('c'), 600, 600);
    t.settle();
    expect(t.fake.emitted.map((e) => [e.fields.text, e.fields.rage])).toEqual([
      ['A', undefined],
      ['B', 3],
      ['C', undefined],
    ]);
  });

  test('a very long burst is counted up to the wire bound (1000)', () => {
    t.start();
    const el = render('<button data-t>Pay</button>');
    for (let i = 0; i < 1200; i++) {
      click(el);
      vi.advanceTimersByTime(10);
    }
    t.settle();
    expect(t.fake.emitted).toHaveLength(1);
    expect(t.fake.emitted[0]?.fields.rage).toBe(1000);
  });
});

describe('captureClicks: dead clicks', () => {
  test.each([
    ['nothing happens', () => {}, true],
    ['a child is added', (el: HTMLElement) => el.append(document.createElement('span')), false],
    ['an attribute changes elsewhere', () => document.body.setAttribute('data-open', ''), false],
    ['text changes', (el: HTMLElement) => ((el.firstChild as Text).data = 'Saved'), false],
    ['the URL changes', () => history.pushState(null, '', '/next'), false],
    ['the page scrolls', () => document.dispatchEvent(new Event('scroll')), false],
    ['an inner box scrolls', () => document.body.dispatchEvent(new Event('scroll')), false],
    ['focus moves', () => (document.querySelector('input') as HTMLElement).focus(), false],
  ])('%s within 1 s → dead: %s', (_name, react, dead) => {
    t.start();
    const el = render('<button data-t>Save</button><input>');
    click(el);
    vi.advanceTimersByTime(500);
    react(el);
    t.settle();
    expect(t.fake.emitted).toHaveLength(1);
    expect(t.fake.emitted[0]?.fields.dead).toBe(dead ? true : undefined);
  });

  test('the page’s own click handler changing the DOM makes it live', () => {
    t.start();
    const el = render('<button data-t>Open</button>');
    el.addEventListener('click', () => el.setAttribute('aria-expanded', 'true'));
    click(el);
    t.settle();
    expect(t.fake.emitted[0]?.fields).not.toHaveProperty('dead');
  });

  test('a change after the window does not revive it', () => {
    t.start();
    const el = render('<button data-t>Save</button>');
    click(el);
    t.settle();
    el.append('!');
    t.settle();
    expect(t.fake.emitted.map((e) => e.fields.dead)).toEqual([true]);
  });

  test.each([
    ['a text field', '<input data-t>'],
    ['a checkbox', '<input type="checkbox" data-t>'],
    ['a select', '<select data-t><option>a</option></select>'],
    ['a label', '<label data-t>Name</label>'],
    ['editable content', '<div contenteditable><p data-t>draft</p></div>'],
    ['a link to another page', '<a href="/other" data-t>Other</a>'],
    ['an outbound link (new tab)', '<a href="https://example.com/" target="_blank" data-t>Ext</a>'],
  ])('%s is never called dead', (_name, html) => {
    t.start();
    click(render(html));
    t.settle();
    expect(t.fake.emitted).toHaveLength(1);
    expect(t.fake.emitted[0]?.fields).not.toHaveProperty('dead');
  });

  test('an in-page link that does nothing is dead', () => {
    t.start();
    click(render('<a href="/page" data-t>Here</a>'));
    t.settle();
    expect(t.fake.emitted[0]?.fields).toMatchObject({ kind: 'link', dead: true });
  });

  test('a click elsewhere cuts the burst short: sent at once, without a verdict', () => {
    t.start();
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    click(document.getElementById('a') as Element, 0, 0);
    vi.advanceTimersByTime(300);
    click(document.getElementById('b') as Element, 500, 500);
    expect(t.fake.emitted.map((e) => e.fields)).toEqual([
      { selector: '#a', tag: 'button', text: 'A', kind: 'button' },
    ]);
    t.settle();
    expect(t.fake.emitted.map((e) => [e.fields.text, e.fields.dead])).toEqual([
      ['A', undefined],
      ['B', true],
    ]);
  });

  test('the DOM is observed only while a verdict is pending', () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    t.start();
    expect(observe).not.toHaveBeenCalled();
    const el = render('<button data-t>Save</button>');
    expect(observe).not.toHaveBeenCalled();
    click(el);
    expect(observe).toHaveBeenCalledTimes(1);
    // The first reaction settles it: the observer lets go at once.
    el.append('!');
    expect(disconnect).not.toHaveBeenCalled();
    return Promise.resolve().then(() => {
      expect(disconnect).toHaveBeenCalled();
      t.settle();
      expect(t.fake.emitted[0]?.fields).not.toHaveProperty('dead');
    });
  });
});

describe('captureClicks: leaving and stopping', () => {
  test.each(['hidden', 'pagehide', 'navigate'] as const)(
    'leaving (%s) sends pending clicks at once, without a verdict',
    (reason) => {
      t.start();
      const el = render('<button data-t>Buy</button>');
      click(el);
      t.fake.leave(reason);
      expect(t.fake.emitted.map(({ type, fields }) => ({ type, fields }))).toEqual([
        { type: 'click', fields: { selector: 'button', tag: 'button', text: 'Buy', kind: 'button' } },
      ]);
      t.settle();
      expect(t.fake.emitted).toHaveLength(1);
    },
  );

  test('leaving mid-burst: two clicks stay two clicks, four are one rage report', () => {
    t.start();
    const el = render('<button data-t>Buy</button>');
    click(el);
    click(el);
    t.fake.leave('pagehide');
    expect(t.fake.emitted.map((e) => e.fields.rage)).toEqual([undefined, undefined]);
    for (let i = 0; i < 4; i++) click(el);
    t.fake.leave('pagehide');
    expect(t.fake.emitted.map((e) => e.fields.rage)).toEqual([undefined, undefined, 4]);
    t.settle();
    expect(t.fake.emitted).toHaveLength(3);
  });

  test('stop() sends what is pending and removes every listener, observer and timer', () => {
    const listeners = trackListeners({ document, window });
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    t.start();
    const el = render('<button data-t>Buy</button>');
    click(el);
    expect(listeners.active().sort()).toEqual(['document:click', 'document:scroll']);
    expect(vi.getTimerCount()).toBe(1);
    t.stop();
    expect(t.fake.emitted).toHaveLength(1);
    expect(listeners.active()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(disconnect).toHaveBeenCalled();
    expect(t.fake.leaveHandlers.size).toBe(0);
    click(el);
    t.settle();
    expect(t.fake.emitted).toHaveLength(1);
  });

  test('nothing reaches the page when emitting fails', () => {
    t.start();
    t.fake.ctx.emit = () => {
      throw new Error('queue broken');
    };
    const el = render('<button data-t>Buy</button>');
    expect(() => {
      click(el);
      t.settle();
    }).not.toThrow();
    expect(t.fake.debug).toContain('click not captured');
  });

  test('listeners are passive and in the capture phase', () => {
    const add = vi.spyOn(document, 'addEventListener');
    t.start();
    expect(add).toHaveBeenCalledWith('click', expect.any(Function), { passive: true, capture: true });
  });
});
