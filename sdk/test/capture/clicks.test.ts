/**
 * What one click is sent with: the element, selector, text, link and kind; labels and
 * ignored regions. Timing (rage, dead, leaving) is in clicksBursts.test.ts.
 */
import { MAX_TEXT_LENGTH } from '@sightline/protocol';
import { describe, expect, test, vi } from 'vitest';
import { dispatchClick as click } from '../utils/dispatchClick.js';
import { renderMarked as render } from '../utils/renderMarked.js';
import { useClickCapture } from '../utils/useClickCapture.js';

const ORIGIN = 'http://localhost:3000';

const t = useClickCapture();

/** The fields one click on `el` is sent with (flushed by leaving: no dead verdict). */
function fieldsOf(el: Element): Record<string, unknown> | undefined {
  click(el);
  t.fake.leave('hidden');
  expect(t.fake.emitted).toHaveLength(1);
  return t.fake.emitted[0]?.fields;
}

describe('captureClicks: what a click is sent with', () => {
  test.each([
    [
      'a button',
      '<button data-t> Buy\n  now </button>',
      { selector: 'button', tag: 'button', text: 'Buy now', kind: 'button' },
    ],
    [
      'an icon inside a button: the button',
      '<button id="buy"><i data-t>🛒</i> Buy</button>',
      { selector: '#buy', tag: 'button', text: '🛒 Buy', kind: 'button' },
    ],
    [
      'input type=submit',
      '<form><input type="submit" value="Send" data-t></form>',
      { selector: 'form > input', tag: 'input', kind: 'button' },
    ],
    ['input type=reset', '<input type="reset" data-t>', { selector: 'input', tag: 'input', kind: 'button' }],
    [
      'role=button',
      '<div role="button" data-t>Open</div>',
      { selector: 'div', tag: 'div', text: 'Open', kind: 'button' },
    ],
    [
      'onclick element',
      '<main><div onclick="void 0"><b data-t>Go</b></div></main>',
      { selector: 'main > div', tag: 'div', text: 'Go', kind: 'other' },
    ],
    [
      'summary',
      '<details><summary data-t>More</summary></details>',
      { selector: 'details > summary', tag: 'summary', text: 'More', kind: 'other' },
    ],
    [
      'plain text: the target itself',
      '<main><p class="lead" data-t>Hello</p></main>',
      { selector: 'main > p.lead', tag: 'p', text: 'Hello', kind: 'other' },
    ],
    [
      'named element',
      '<div data-sightline-name=" hero cta "><span data-t>Try it</span></div>',
      { selector: 'div', tag: 'div', text: 'hero cta', kind: 'other' },
    ],
    [
      'image link: alt of its image',
      '<a href="/"><img alt="Home" data-t></a>',
      { selector: 'a', tag: 'a', text: 'Home', href: `${ORIGIN}/`, kind: 'link' },
    ],
  ])('%s', (_name, html, expected) => {
    t.start();
    expect(fieldsOf(render(html))).toEqual(expected);
  });

  test.each([
    ['same-host link', '/pricing', '', `${ORIGIN}/pricing`, 'link'],
    ['same-host link with a query', 'docs?page=2#intro', '', `${ORIGIN}/docs?page=2#intro`, 'link'],
    ['page named like a file type', '/pdf', '', `${ORIGIN}/pdf`, 'link'],
    ['html page', '/about.html', '', `${ORIGIN}/about.html`, 'link'],
    ['other host', 'https://example.com/x', '', 'https://example.com/x', 'outbound'],
    ['same host, other port', 'http://localhost:4000/', '', 'http://localhost:4000/', 'outbound'],
    ['download attribute', '/report', 'download', `${ORIGIN}/report`, 'download'],
    [
      'pdf (any case, query ignored)',
      '/files/Report.PDF?v=2',
      '',
      `${ORIGIN}/files/Report.PDF?v=2`,
      'download',
    ],
    ['zip', '/a.zip', '', `${ORIGIN}/a.zip`, 'download'],
    [
      'dmg on another host',
      'https://cdn.example.com/app.dmg',
      '',
      'https://cdn.example.com/app.dmg',
      'download',
    ],
    ['xlsx', '/t.xlsx', '', `${ORIGIN}/t.xlsx`, 'download'],
    ['mp4', '/v.mp4', '', `${ORIGIN}/v.mp4`, 'download'],
    ['mailto: no href (an address)', 'mailto:me@example.com', '', undefined, 'other'],
    ['javascript: no href', 'javascript:void(0)', '', undefined, 'other'],
  ])('%s', (_name, href, attrs, expectedHref, kind) => {
    t.start();
    const fields = fieldsOf(render(`<a href="${href}" ${attrs} data-t>Link</a>`));
    expect(fields).toMatchObject({ tag: 'a', text: 'Link', kind });
    expect(fields?.href).toBe(expectedHref);
  });

  test('a javascript: link acting as a button is a button', () => {
    t.start();
    expect(fieldsOf(render('<a href="javascript:void(0)" role="button" data-t>Menu</a>'))).toMatchObject({
      kind: 'button',
    });
    expect(t.fake.emitted[0]?.fields.href).toBeUndefined();
  });

  test('a named element inside a link keeps the link', () => {
    t.start();
    expect(
      fieldsOf(
        render('<a href="https://shop.example/"><div data-sightline-name="promo" data-t>Sale</div></a>'),
      ),
    ).toEqual({
      selector: 'a > div',
      tag: 'div',
      text: 'promo',
      href: 'https://shop.example/',
      kind: 'outbound',
    });
  });
});

describe('captureClicks: text', () => {
  const textOf = (html: string, prepare?: (el: HTMLElement) => void): unknown => {
    const el = render(html);
    prepare?.(el);
    return fieldsOf(el)?.text;
  };

  test.each([
    ['text input: never its value', '<input type="text" value="secret" data-t>', undefined],
    ['text input: its aria-label', '<input type="text" value="secret" aria-label="Search" data-t>', 'Search'],
    [
      'password: nothing, not even a label',
      '<input type="password" value="hunter2" aria-label="Password" data-t>',
      undefined,
    ],
    ['textarea: never its content', '<textarea data-t>my secret</textarea>', undefined],
    ['textarea: its title', '<textarea title="Comment" data-t>my secret</textarea>', 'Comment'],
    [
      'select: never its options',
      '<select data-t><option>Visa</option><option selected>Amex</option></select>',
      undefined,
    ],
    [
      'a box holding a textarea: not its text',
      '<div onclick="" title="Form" data-t>Write <textarea>my secret</textarea></div>',
      'Form',
    ],
    [
      'inside contenteditable: nothing',
      '<div contenteditable="true"><p aria-label="x" data-t>private draft</p></div>',
      undefined,
    ],
    ['the contenteditable itself: nothing', '<div contenteditable="" data-t>private draft</div>', undefined],
    ['trimmed and whitespace collapsed', '<button data-t>\n\t Add   to\n cart \n</button>', 'Add to cart'],
    ['blank text falls back to aria-label', '<button aria-label="Close" data-t>  </button>', 'Close'],
    ['then title', '<button title="Settings" data-t><svg></svg></button>', 'Settings'],
    ['then alt', '<input type="image" alt="Go" data-t>', 'Go'],
    ['name wins over text', '<button data-sightline-name="signup" data-t>Join us</button>', 'signup'],
    [
      'label text (not its field)',
      '<label data-t>Remember me <input type="checkbox"></label>',
      'Remember me',
    ],
  ])('%s', (_name, html, expected) => {
    t.start();
    expect(textOf(html)).toBe(expected);
  });

  test('a typed value never shows up', () => {
    t.start();
    expect(
      textOf('<input type="text" data-t>', (el) => ((el as HTMLInputElement).value = 'typed secret')),
    ).toBeUndefined();
  });

  test(`cut to ${MAX_TEXT_LENGTH} characters`, () => {
    t.start();
    expect(textOf(`<button data-t>${'x'.repeat(MAX_TEXT_LENGTH + 50)}</button>`)).toBe(
      'x'.repeat(MAX_TEXT_LENGTH),
    );
  });

  test('text: false sends no text at all', () => {
    t.start({ text: false });
    for (const html of [
      '<button data-t>Buy</button>',
      '<button aria-label="Close" data-t></button>',
      '<div data-sightline-name="hero" data-t></div>',
    ]) {
      t.fake.emitted.length = 0;
      const fields = fieldsOf(render(html));
      expect(fields).not.toHaveProperty('text', expect.anything());
      expect(fields).toHaveProperty('selector');
    }
  });
});

describe('captureClicks: labels', () => {
  test.each([
    ['wrapping its field', '<label data-t>Remember me <input type="checkbox"></label>'],
    ['pointing at its field', '<label for="terms" data-t>I agree</label><input type="checkbox" id="terms">'],
  ])('a click on a label %s counts once, though the browser clicks the field too', (_name, html) => {
    t.start();
    const el = render(html);
    const onField = vi.fn();
    document.querySelector('input')?.addEventListener('click', onField);
    click(el);
    expect(onField).toHaveBeenCalledTimes(1);
    t.settle();
    expect(t.fake.emitted.map((e) => e.fields.tag)).toEqual(['label']);
  });

  test('three quick clicks on a label are a rage burst of 3, not 6', () => {
    t.start();
    const el = render('<label data-t>Remember me <input type="checkbox"></label>');
    for (let i = 0; i < 3; i++) click(el);
    t.settle();
    expect(t.fake.emitted.map((e) => e.fields.rage)).toEqual([3]);
  });

  test('a later click on the field itself still counts', () => {
    t.start();
    render('<label for="terms" data-t>I agree</label><input type="checkbox" id="terms">');
    click(document.querySelector('label') as Element, 10, 10);
    vi.advanceTimersByTime(500);
    click(document.querySelector('input') as Element, 300, 10);
    t.settle();
    expect(t.fake.emitted.map((e) => e.fields.tag)).toEqual(['label', 'input']);
  });
});

describe('captureClicks: ignore', () => {
  test.each([
    ['on the element', '<button data-sightline-ignore data-t>Secret</button>'],
    [
      'on an ancestor',
      '<section data-sightline-ignore=""><div><button data-t>Secret</button></div></section>',
    ],
  ])('data-sightline-ignore %s: no event at all', (_name, html) => {
    t.start();
    const el = render(html);
    click(el);
    click(el);
    click(el);
    t.settle();
    t.fake.leave('pagehide');
    expect(t.fake.emitted).toEqual([]);
  });
});
