/**
 * One sample of a Prometheus text exposition: `name{labels} value`, labels matched exactly
 * (in any order); undefined when absent.
 */
export function readMetric(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string> = {};
    for (const pair of (match[2] ?? '').match(/\w+="[^"]*"/g) ?? []) {
      const [k, v] = pair.split('=') as [string, string];
      found[k] = v.slice(1, -1);
    }
    const want = Object.entries(labels);
    if (want.length === Object.keys(found).length && want.every(([k, v]) => found[k] === v))
      return Number(match[3]);
  }
  return undefined;
}
