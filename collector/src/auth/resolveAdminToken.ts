import { randomBytes } from 'node:crypto';
import type { Storage } from '../storage/types.js';

const KEY = 'admin_token';

/**
 * The configured `ADMIN_TOKEN`, else the one generated on first start and kept in the store
 * beside the data. `generated` is true only on the start that made it (it is printed once).
 */
export async function resolveAdminToken(
  storage: Storage,
  configured: string | undefined,
): Promise<{ token: string; generated: boolean }> {
  if (configured) return { token: configured, generated: false };
  const candidate = randomBytes(24).toString('base64url');
  const token = await storage.setMetaIfAbsent(KEY, candidate);
  return { token, generated: token === candidate };
}
