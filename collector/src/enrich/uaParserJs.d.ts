/** The part of ua-parser-js 1.x (no types of its own) that `parseUserAgent` calls. */
declare module 'ua-parser-js' {
  class UAParser {
    setUA(ua: string): UAParser;
    getBrowser(): { name?: string; version?: string; major?: string };
  }
  export = UAParser;
}
