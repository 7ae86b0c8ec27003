/**
 * What makes two URLs the same page for pageview counting: path and query, plus the
 * fragment only when it is a hash-router route (`#/…`, `#!…`), not an in-page anchor.
 */
export function routeKey(location: { pathname: string; search: string; hash: string }): string {
  const hash = location.hash;
  const isRoute = hash.startsWith('#/') || hash.startsWith('#!');
  return location.pathname + location.search + (isRoute ? hash : '');
}
