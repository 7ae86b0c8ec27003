/**
 * Mutation testing of the files a branch changed, for CI: the files under stryker.config.mjs's
 * `mutate` globs that differ from the base (MUTATION_BASE, default origin/main, else main),
 * committed or not, mutated with `stryker run --incremental` (results of unchanged code and
 * tests are reused from reports/mutation/stryker-incremental.json when CI keeps it).
 * Exits 0 without running when no such file changed; `--list` only lists the files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import config from '../stryker.config.mjs';

/** `**` spans folders, `*` stays within one. */
const toRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '(?:.*/)?')}$`,
  );

const include = config.mutate.filter((g) => !g.startsWith('!')).map(toRegExp);
const exclude = config.mutate.filter((g) => g.startsWith('!')).map((g) => toRegExp(g.slice(1)));
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const base =
  process.env.MUTATION_BASE ??
  ['origin/main', 'main'].find((ref) => spawnSync('git', ['rev-parse', '--verify', '-q', ref]).status === 0);
if (!base) throw new Error('no base to diff against: set MUTATION_BASE');
const changed = git('diff', '--name-only', '--diff-filter=AMR', git('merge-base', base, 'HEAD'))
  .split('\n')
  .filter((f) => f && existsSync(f) && include.some((re) => re.test(f)) && !exclude.some((re) => re.test(f)));

if (changed.length === 0) {
  console.log(`mutation: no file under the mutate globs changed since ${base}`);
  process.exit(0);
}
console.log(`mutation: ${changed.length} changed file(s) since ${base}:\n  ${changed.join('\n  ')}`);
if (process.argv.includes('--list')) process.exit(0);
const run = spawnSync(
  'npx',
  ['stryker', 'run', '--incremental', '--mutate', changed.join(','), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
