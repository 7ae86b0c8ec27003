/**
 * Precision, recall and false-positive rate of a family (or of the verdict) over labelled
 * sessions. A family "flags" a session when any of its reasons is present — weak ones
 * included, which never decide alone — so its false positives show what it says about
 * people, not what it decides. Each family is counted only over the sets where it can
 * speak (a UA list runs no page: `client:` and `behavior:` are not judged there).
 */
export const FAMILIES = ['ua', 'client', 'behavior', 'rate', 'net'];

const pct = (n, of) => (of ? `${((100 * n) / of).toFixed(2)} %` : '—');

/** @param {Array<{ bot: boolean, flagged: boolean }>} rows */
export function confusion(rows) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { bot, flagged } of rows) {
    if (bot && flagged) tp++;
    else if (bot) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  return {
    sessions: rows.length,
    bots: tp + fn,
    humans: fp + tn,
    TP: tp,
    FP: fp,
    precision: pct(tp, tp + fp),
    recall: pct(tp, tp + fn),
    'false-positive rate': pct(fp, fp + tn),
  };
}

/**
 * @param {Array<{ set: { bot: boolean, families: string[] }, session: { is_bot: boolean, bot_reasons: string[] } }>} labelled
 */
export function familyTable(labelled) {
  const rows = {};
  for (const family of FAMILIES) {
    rows[family] = confusion(
      labelled
        .filter(({ set }) => set.families.includes(family))
        .map(({ set, session }) => ({ bot: set.bot, flagged: session.bot_reasons.some((r) => r.startsWith(`${family}:`)) })),
    );
  }
  rows['overall (is_bot)'] = confusion(labelled.map(({ set, session }) => ({ bot: set.bot, flagged: session.is_bot })));
  return rows;
}

/** Most frequent reasons among `sessions`, as `reason ×n`. */
export function topReasons(sessions, n = 4) {
  const counts = new Map();
  for (const s of sessions) for (const r of s.bot_reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([r, c]) => `${r} ×${c}`).join(', ');
}

export { pct };
