import { describe, expect, test } from 'vitest';
import { routeKey } from '../../src/lib/routeKey.js';

function keyOf(href: string): string {
  return routeKey(new URL(href, 'http://localhost:3000'));
}

describe('routeKey', () => {
  test.each([
    ['/', '/'],
    ['/pricing', '/pricing'],
    ['/pricing?plan=pro', '/pricing?plan=pro'],
    ['/docs#install', '/docs'],
    ['/docs?v=2#install', '/docs?v=2'],
    ['/#/settings', '/#/settings'],
    ['/app#/users/7?tab=1', '/app#/users/7?tab=1'],
    ['/#!/legacy', '/#!/legacy'],
    ['/#', '/'],
    ['/#top', '/'],
  ])('%s → %s', (href, key) => {
    expect(keyOf(href)).toBe(key);
  });

  test.each([
    ['/a', '/b'],
    ['/a?x=1', '/a?x=2'],
    ['/#/x', '/#/y'],
    ['/a', '/a?x=1'],
  ])('%s and %s are different pages', (a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  test.each([
    ['/a', '/a#section'],
    ['/a#one', '/a#two'],
    ['/a?x=1', '/a?x=1#section'],
  ])('%s and %s are the same page (in-page anchor)', (a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });
});
