/** The top n transitions the obvious way: every row of the days added up, then ranked. */
import type { RollupQuery, Storage } from '../../src/storage/types.js';

export function plainTopTransitions(
  storage: Storage,
  base: Pick<RollupQuery, 'site' | 'days' | 'filter' | 'bots'>,
  n: number,
) {
  return storage.queryRollup({
    ...base,
    table: 'ru_transitions',
    groupBy: ['from_path', 'to_path'],
    sum: ['count'],
    orderBy: [
      { column: 'count', desc: true },
      { column: 'from_path', desc: false },
      { column: 'to_path', desc: false },
    ],
    limit: n,
  });
}
