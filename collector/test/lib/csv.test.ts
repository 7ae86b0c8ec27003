import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.js';

/** The one data cell of a one-column CSV. */
const cellOf = (value: unknown): string => toCsv(['v'], [{ v: value }]).split('\r\n')[1]!;

describe('toCsv', () => {
  it('writes a header row, then one CRLF-terminated row per record in column order', () => {
    const csv = toCsv(
      ['date', 'pageviews'],
      [
        { pageviews: 3, date: '2024-01-01', ignored: 'x' },
        { date: '2024-01-02', pageviews: 0 },
      ],
    );
    expect(csv).toBe('date,pageviews\r\n2024-01-01,3\r\n2024-01-02,0\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it.each([
    ['plain text', 'hello', 'hello'],
    ['a comma', 'a,b', '"a,b"'],
    ['quotes', 'say "hi"', '"say ""hi"""'],
    ['a newline', 'line1\nline2', '"line1\nline2"'],
    ['a carriage return inside', 'a\rb', '"a\rb"'],
    ['unicode', 'Ünïcødé 😀', 'Ünïcødé 😀'],
    ['a formula', '=1+1', "'=1+1"],
    ['a plus', '+SUM(A1)', "'+SUM(A1)"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['a formula with quotes and commas', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['an equals sign later', 'a=b', 'a=b'],
    ['a negative number', -5, '-5'],
    ['zero', 0, '0'],
    ['a boolean', false, 'false'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['an array', ['a', 'b'], '"[""a"",""b""]"'],
  ])('writes %s safely', (_name, value, expected) => {
    expect(cellOf(value)).toBe(expected);
  });

  it('keeps the row count when cells hold line breaks', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'x\r\ny', b: 1 }]);
    expect(csv).toBe('a,b\r\n"x\r\ny",1\r\n');
  });

  it('escapes hostile header names too', () => {
    expect(toCsv(['=cmd', 'a,b'], [])).toBe(`'=cmd,"a,b"\r\n`);
  });
});
