import { MAX_SELECTOR_LENGTH } from '@sightline/protocol';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { selectorPath } from '../../src/lib/selectorPath.js';

/** Renders `html` into the body and returns the element marked `data-t`. */
function render(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-t]') as Element;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('selectorPath', () => {
  test.each([
    ['tag only, stopping below body', '<p data-t>x</p>', 'p'],
    [
      'nearest id ends the path',
      '<div id="app"><ul><li></li><li data-t></li></ul></div>',
      '#app > ul > li:nth-of-type(2)',
    ],
    [
      'element with an id is just its id',
      '<main><button id="buy" class="btn" data-t></button></main>',
      '#buy',
    ],
    ['at most two classes', '<main><a class="more big blue" data-t></a></main>', 'main > a.more.big'],
    [
      'nth-of-type when a sibling has the same tag',
      '<main><article></article><article><a class="more" data-t></a></article></main>',
      'main > article:nth-of-type(2) > a.more',
    ],
    [
      'no nth-of-type for siblings of another tag',
      '<div><p></p><span data-t></span><em></em></div>',
      'div > span',
    ],
    [
      'at most five levels',
      '<section><div><div><div><div><div><span data-t></span></div></div></div></div></div></section>',
      'div > div > div > div > span',
    ],
    ['hostile id with a quote', `<div id='a"b'><span data-t></span></div>`, '#a\\"b > span'],
    [
      'hostile class closing a script',
      '<div><span class="</script>" data-t></span></div>',
      'div > span.\\<\\/script\\>',
    ],
    ['id starting with a digit', '<div id="1x" data-t></div>', '#\\31 x'],
    [
      'svg element keeps its case',
      '<svg><linearGradient data-t></linearGradient></svg>',
      'svg > linearGradient',
    ],
  ])('%s', (_name, html, expected) => {
    expect(selectorPath(render(html))).toBe(expected);
  });

  test('body itself', () => {
    expect(selectorPath(document.body)).toBe('body');
  });

  test('past the length cap, outer levels are left off (still a valid selector)', () => {
    const long = 'c'.repeat(100);
    const el = render(
      `<div class="${long}"><div class="${long}"><span class="${long}" data-t></span></div></div>`,
    );
    const path = selectorPath(el);
    expect(path).toBe(`div.${long} > span.${long}`);
    expect(path.length).toBeLessThanOrEqual(MAX_SELECTOR_LENGTH);
    expect(selectorPath(el, 110)).toBe(`span.${long}`);
  });

  test('a single level longer than the cap is cut to it', () => {
    const el = render(`<div id="${'i'.repeat(400)}" data-t></div>`);
    expect(selectorPath(el)).toHaveLength(MAX_SELECTOR_LENGTH);
  });
});
