/**
 * The mutation score per folder and per file from Stryker's JSON report
 * (reports/mutation/mutation.json, or the path given): killed and timed-out mutants over
 * all but the ignored (static) and compile-error ones, as Stryker counts it.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const rows = new Map();
const add = (key, status) => {
  const r = rows.get(key) ?? { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  if (status in r) r[status] += 1;
  rows.set(key, r);
};
for (const [file, { mutants }] of Object.entries(report.files))
  for (const m of mutants) {
    add(`${dirname(file)}/`, m.status);
    add(file, m.status);
  }
const line = (key, r) => {
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  const score = valid ? ((detected / valid) * 100).toFixed(1) : '—';
  return `| ${key} | ${score} % | ${detected} | ${r.Survived} | ${r.NoCoverage} |`;
};
console.log('| folder / file | score | killed | survived | no coverage |\n|---|---|---|---|---|');
for (const [key, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) console.log(line(key, r));
