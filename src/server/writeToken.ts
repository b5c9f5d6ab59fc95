/**
 * Mutations need `Authorization: Bearer <OFFICEGRAPH_WRITE_TOKEN>`. Both sides are hashed
 * before a constant-time compare, so neither the token's content nor its length leaks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function hasWriteToken(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined || authorization === undefined) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) return false;
  const given = createHash('sha256').update(match[1] as string).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}
