/**
 * One-way house (ARCHITECTURE.md): routes → ingest/reports → scoring, rollups, enrich →
 * storage interface → drivers, with lib/ at the bottom. Each import line of src/ is resolved
 * to the folder it reaches; a layer may not reach a folder above it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `[file, the src-relative path an import reaches]` for every relative import in `folder`. */
function importsOf(folder: string): [string, string][] {
  const found: [string, string][] = [];
  for (const file of filesUnder(join(SRC, folder))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      found.push([relative(SRC, file), relative(SRC, resolve(dirname(file), match[1]!))]);
    }
  }
  return found;
}

/** What each folder may not import (the folders above it). */
const FORBIDDEN: Record<string, string[]> = {
  storage: ['scoring', 'reports', 'ingest', 'routes', 'enrich', 'jobs', 'plugins', 'metrics', 'dashboard'],
  lib: ['storage', 'scoring', 'reports', 'ingest', 'routes', 'rollups', 'enrich', 'jobs', 'metrics'],
  rollups: ['reports', 'ingest', 'routes', 'jobs', 'metrics'],
  scoring: ['storage', 'reports', 'ingest', 'routes', 'rollups', 'jobs', 'metrics'],
  enrich: ['storage', 'scoring', 'reports', 'ingest', 'routes', 'rollups', 'jobs', 'metrics'],
  reports: ['ingest', 'routes', 'jobs'],
  ingest: ['reports', 'routes', 'rollups', 'jobs'],
  sharedState: [
    'storage',
    'scoring',
    'reports',
    'ingest',
    'routes',
    'rollups',
    'enrich',
    'jobs',
    'plugins',
    'metrics',
    'dashboard',
  ],
};

// Left to the rollups rework (issue 14: each rollup table described once, below storage):
// the SQLite driver reads the rollup tables' columns from rollups/types.ts and runs
// refreshRollups with its RollupStore.
const KNOWN: ReadonlySet<string> = new Set(['rollups/types.js', 'rollups/refreshRollups.js']);

describe('layering', () => {
  it.each(Object.entries(FORBIDDEN))('%s imports nothing from the layers above it', (folder, above) => {
    const back = importsOf(folder).filter(([, target]) =>
      above.some((layer) => target === layer || target.startsWith(`${layer}/`)),
    );
    expect(back).toEqual([]);
  });

  it('no storage driver imports scoring, rollups (but the known two) or reports', () => {
    const back = importsOf('storage').filter(
      ([, target]) => /^(scoring|reports|rollups)\//.test(target) && !KNOWN.has(target),
    );
    expect(back).toEqual([]);
  });

  it('scoring takes the network verdict as a type only (enrich looks it up)', () => {
    const text = readFileSync(join(SRC, 'scoring/evidence/addRequest.ts'), 'utf8');
    expect(text).toMatch(/import type \{ NetworkVerdict \} from '\.\.\/\.\.\/enrich\/lookupNetwork\.js'/);
    const values = importsOf('scoring').filter(([, target]) => target.startsWith('enrich/'));
    const typeOnly = values.every(([file]) =>
      /import type [^;]*enrich\//.test(readFileSync(join(SRC, file), 'utf8')),
    );
    expect(typeOnly).toBe(true);
  });
});
