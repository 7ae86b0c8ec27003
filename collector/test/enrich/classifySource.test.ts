import { describe, expect, it } from 'vitest';
import { classifySource, type Channel } from '../../src/enrich/classifySource.js';

const PAGE = 'https://shop.example.com/landing';

describe('classifySource: channel', () => {
  it.each<[string, string | null, string, Channel, string | null]>([
    // label, referrer, page URL, channel, referrerDomain
    ['nothing', null, PAGE, 'direct', null],
    ['empty referrer', '', PAGE, 'direct', null],
    ['Google', 'https://www.google.com/', PAGE, 'search', 'google.com'],
    ['Google UK', 'https://www.google.co.uk/', PAGE, 'search', 'google.co.uk'],
    ['Google Germany', 'https://www.google.de/search?q=x', PAGE, 'search', 'google.de'],
    ['Bing', 'https://www.bing.com/search?q=shoes', PAGE, 'search', 'bing.com'],
    ['DuckDuckGo', 'https://duckduckgo.com/', PAGE, 'search', 'duckduckgo.com'],
    ['Yahoo', 'https://search.yahoo.com/', PAGE, 'search', 'search.yahoo.com'],
    ['Yahoo Japan', 'https://search.yahoo.co.jp/search?p=x', PAGE, 'search', 'search.yahoo.co.jp'],
    ['Baidu', 'https://www.baidu.com/link?url=x', PAGE, 'search', 'baidu.com'],
    ['Yandex', 'https://yandex.ru/', PAGE, 'search', 'yandex.ru'],
    ['Ecosia', 'https://www.ecosia.org/', PAGE, 'search', 'ecosia.org'],
    ['Qwant', 'https://www.qwant.com/', PAGE, 'search', 'qwant.com'],
    ['Brave Search', 'https://search.brave.com/', PAGE, 'search', 'search.brave.com'],
    [
      'Google app (Android)',
      'android-app://com.google.android.googlequicksearchbox/',
      PAGE,
      'search',
      'com.google.android.googlequicksearchbox',
    ],
    ['Facebook', 'https://l.facebook.com/', PAGE, 'social', 'l.facebook.com'],
    ['Facebook mobile', 'https://m.facebook.com/', PAGE, 'social', 'm.facebook.com'],
    ['t.co', 'https://t.co/abc', PAGE, 'social', 't.co'],
    ['X', 'https://x.com/', PAGE, 'social', 'x.com'],
    ['LinkedIn short links', 'https://lnkd.in/xyz', PAGE, 'social', 'lnkd.in'],
    ['LinkedIn', 'https://www.linkedin.com/', PAGE, 'social', 'linkedin.com'],
    ['Reddit', 'https://old.reddit.com/r/x', PAGE, 'social', 'old.reddit.com'],
    ['Instagram', 'https://l.instagram.com/', PAGE, 'social', 'l.instagram.com'],
    ['YouTube', 'https://www.youtube.com/', PAGE, 'social', 'youtube.com'],
    ['Pinterest (country domain)', 'https://www.pinterest.de/', PAGE, 'social', 'pinterest.de'],
    ['TikTok', 'https://www.tiktok.com/', PAGE, 'social', 'tiktok.com'],
    ['Mastodon', 'https://mastodon.social/@x', PAGE, 'social', 'mastodon.social'],
    ['Hacker News', 'https://news.ycombinator.com/item?id=1', PAGE, 'social', 'news.ycombinator.com'],
    ['Gmail', 'https://mail.google.com/', PAGE, 'email', 'mail.google.com'],
    ['Google Docs is no search', 'https://docs.google.com/document/d/1', PAGE, 'referral', 'docs.google.com'],
    ['a blog', 'https://blog.example.org/post', PAGE, 'referral', 'blog.example.org'],
    ['an AI assistant', 'https://chatgpt.com/', PAGE, 'referral', 'chatgpt.com'],
    ['not google (lookalike)', 'https://google.evil.example/', PAGE, 'referral', 'google.evil.example'],
    ['same host', 'https://shop.example.com/cart', PAGE, 'internal', null],
    ['same host, www and case ignored', 'https://WWW.Shop.Example.com./', PAGE, 'internal', null],
    [
      'utm_medium=cpc beats the referrer',
      'https://www.google.com/',
      `${PAGE}?utm_source=google&utm_medium=cpc`,
      'paid',
      'google.com',
    ],
    [
      'utm_medium=paid_social',
      'https://l.facebook.com/',
      `${PAGE}?utm_medium=paid_social`,
      'paid',
      'l.facebook.com',
    ],
    ['utm_medium=email, no referrer', null, `${PAGE}?utm_source=newsletter&utm_medium=email`, 'email', null],
    ['utm_medium=Newsletter', null, `${PAGE}?utm_medium=Newsletter`, 'email', null],
    ['utm_medium=social', null, `${PAGE}?utm_source=mastodon&utm_medium=social`, 'social', null],
    ['utm_medium=organic', null, `${PAGE}?utm_medium=organic`, 'search', null],
    ['gclid', null, `${PAGE}?gclid=abc`, 'paid', null],
    ['msclkid with a Bing referrer', 'https://www.bing.com/', `${PAGE}?msclkid=abc`, 'paid', 'bing.com'],
    ['fbclid is social, not paid', null, `${PAGE}?fbclid=abc`, 'social', null],
    ['utm_source=facebook only', null, `${PAGE}?utm_source=facebook`, 'social', null],
    ['utm_source=google only', null, `${PAGE}?utm_source=google`, 'search', null],
    ['unknown utm_source only', null, `${PAGE}?utm_source=partner-site`, 'referral', null],
    ['utm on an internal click', 'https://shop.example.com/', `${PAGE}?utm_medium=email`, 'email', null],
    ['invalid referrer', 'not a url', PAGE, 'direct', null],
    ['non-web referrer', 'chrome-extension://abc/page.html', PAGE, 'direct', null],
  ])('%s', (_label, referrer, url, channel, referrerDomain) => {
    expect(classifySource({ referrer, url })).toMatchObject({ channel, referrerDomain });
  });

  it('treats the configured site host as internal (a page on another host of the same site)', () => {
    const input = {
      referrer: 'https://www.example.com/',
      url: 'https://shop.example.com/',
      siteHost: 'example.com',
    };
    expect(classifySource(input)).toMatchObject({ channel: 'internal', referrerDomain: null });
    expect(classifySource({ ...input, siteHost: 'other.org:8080' }).channel).toBe('referral');
  });
});

describe('classifySource: campaign values', () => {
  it('reads, trims and caps the utm values', () => {
    const url = `${PAGE}?utm_source=%20Spring%20News%20&utm_medium=email&utm_campaign=${'x'.repeat(500)}`;
    expect(classifySource({ referrer: null, url })).toEqual({
      referrerDomain: null,
      channel: 'email',
      utmSource: 'Spring News',
      utmMedium: 'email',
      utmCampaign: 'x'.repeat(200),
    });
  });

  it('gives null for absent or blank values', () => {
    expect(classifySource({ referrer: null, url: `${PAGE}?utm_source=&utm_medium=%20` })).toMatchObject({
      utmSource: null,
      utmMedium: null,
      utmCampaign: null,
    });
  });

  it('caps a long referrer domain', () => {
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example`;
    expect(classifySource({ referrer: `https://${host}/`, url: PAGE }).referrerDomain).toHaveLength(200);
  });
});

describe('classifySource: hostile input', () => {
  it.each([
    { referrer: 'https://%%%/', url: '::::' },
    { referrer: 'x'.repeat(100_000), url: `${PAGE}?utm_medium=${'paid'.repeat(10_000)}` },
    { referrer: 'javascript:alert(1)', url: 'javascript:alert(1)' },
    { referrer: '\u0000\uffff', url: '' },
    { referrer: 42, url: null, siteHost: {} },
    { referrer: 'https://exa mple.com/', url: 'https://[::1]:99999/' },
  ])('does not throw on %j', (input) => {
    const result = classifySource(input as never);
    expect(result.channel).toMatch(/^(?:direct|referral|paid|internal)$/);
    for (const value of Object.values(result))
      if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(200);
  });
});
