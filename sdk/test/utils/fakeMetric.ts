import type { MetricType } from 'web-vitals';

let lastId = 0;

/**
 * What web-vitals hands its callbacks: a metric of the page load (`navigate`) rated
 * `good`, with a fresh id and no entries unless `overrides` says otherwise.
 */
export function fakeMetric(
  name: MetricType['name'],
  value: number,
  overrides: Partial<MetricType> = {},
): MetricType {
  return {
    name,
    value,
    rating: 'good',
    delta: value,
    id: `v6-test-${++lastId}`,
    entries: [],
    navigationType: 'navigate',
    navigationId: 1,
    ...overrides,
  } as MetricType;
}
