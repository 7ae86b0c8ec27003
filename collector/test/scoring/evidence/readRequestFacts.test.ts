import { describe, expect, it } from 'vitest';
import { readRequestFacts, type RequestHeaders } from '../../../src/scoring/evidence/readRequestFacts.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserHeaders } from '../utils/buildEvidence.js';

const read = (headers: RequestHeaders, secure = true) => readRequestFacts({ headers, secure, receivedAt: 1 });

describe('readRequestFacts', () => {
  it('reads a browser request', () => {
    expect(read(browserHeaders(CHROME_WINDOWS))).toEqual({
      receivedAt: 1,
      userAgent: CHROME_WINDOWS.ua,
      secure: true,
      acceptLanguage: 'present',
      fetchMetadata: true,
      headerClass: 'browser',
      clientHints: {
        brands: [
          { brand: 'Chromium', major: '124' },
          { brand: 'Google Chrome', major: '124' },
        ],
        platform: 'Windows',
        mobile: false,
      },
    });
  });

  it.each([
    [
      { 'user-agent': 'curl/8.5.0', accept: '*/*' },
      { acceptLanguage: 'missing', headerClass: 'bare', fetchMetadata: false },
    ],
    [
      {
        'user-agent': 'node',
        accept: '*/*',
        'accept-language': '*',
        'sec-fetch-mode': 'cors',
        'accept-encoding': 'gzip, deflate',
      },
      { acceptLanguage: 'wildcard', headerClass: 'other', fetchMetadata: true },
    ],
    [
      {
        'user-agent': 'x',
        'accept-language': 'de',
        'accept-encoding': 'gzip',
        referer: 'https://a.example/',
      },
      { acceptLanguage: 'present', headerClass: 'browser', fetchMetadata: false },
    ],
    [{ 'accept-language': ['en', 'de'] }, { acceptLanguage: 'present', userAgent: '', clientHints: null }],
  ] as Array<[RequestHeaders, object]>)('%j → %j', (headers, expected) => {
    expect(read(headers)).toMatchObject(expected);
  });

  it('keeps no header value but the user agent, cut to 512 characters', () => {
    const facts = read({
      ...browserHeaders(CHROME_WINDOWS),
      'user-agent': 'Mozilla/5.0 '.repeat(100),
      'accept-language': 'xx-SECRET',
    });
    expect(facts.userAgent).toHaveLength(512);
    expect(JSON.stringify(facts)).not.toContain('SECRET');
    expect(JSON.stringify(facts)).not.toContain('example.com');
  });
});
