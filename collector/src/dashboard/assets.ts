/**
 * The dashboard's built files (`collector/dist/dashboard/assets/`, made by `build.mjs`: our
 * script with uPlot bundled in, and our styles with uPlot's), read once and fingerprinted so
 * the page can ask for `?v=<hash>` and browsers may keep them for a year.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

// The same two levels up from src/dashboard/ (tests) and dist/dashboard/ (built).
const ASSET_DIR = new URL('../../dist/dashboard/assets/', import.meta.url);

export const ASSET_TYPES = {
  'app.js': 'application/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;
export type AssetName = keyof typeof ASSET_TYPES;

export interface Asset {
  body: Buffer;
  /** Short content hash: the `?v=` of the page's links and the ETag. */
  hash: string;
}

export type Assets = Record<AssetName, Asset>;

export async function loadAssets(): Promise<Assets> {
  const entries = await Promise.all(
    (Object.keys(ASSET_TYPES) as AssetName[]).map(async (name) => {
      const body = await readFile(new URL(name, ASSET_DIR));
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
      return [name, { body, hash }] as const;
    }),
  );
  return Object.fromEntries(entries) as Assets;
}
