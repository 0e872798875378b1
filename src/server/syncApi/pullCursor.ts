import { z } from 'zod';
import { TeamIdSchema } from '../../domain/common';
import { HttpError } from '../http/httpError';

/**
 * The opaque pull cursor: the last seq delivered per scope (team id or `shared`), as base64url
 * JSON. The client only stores and returns it; the server re-checks every scope in it against the
 * user's teams on every pull, so a forged cursor can name any team and still reads nothing of it.
 */
const CursorSchema = z.object({
  v: z.literal(1),
  p: z.record(TeamIdSchema, z.number().int().min(0)),
});

export type ScopePositions = Record<string, number>;

export function encodeCursor(positions: ScopePositions): string {
  return Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
}

export function decodeCursor(cursor: string): ScopePositions {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new HttpError('invalid-request', 'The pull cursor is not one this server made');
  }
  const parsed = CursorSchema.safeParse(raw);
  if (!parsed.success || Object.keys(parsed.data.p).length > 100)
    throw new HttpError('invalid-request', 'The pull cursor is not one this server made');
  return parsed.data.p;
}

/**
 * Where each scope the user may see starts: its position in the cursor, 0 for a scope new to the
 * device (backfilled from its beginning) and for every scope without a cursor. Scopes in the
 * cursor the user may no longer see are returned as `evicted`.
 */
export function startPositions(
  scopes: readonly string[],
  cursor: string | undefined,
): { positions: ScopePositions; evicted: string[] } {
  const held = cursor === undefined ? {} : decodeCursor(cursor);
  const positions: ScopePositions = {};
  for (const s of scopes) positions[s] = held[s] ?? 0;
  const evicted = Object.keys(held).filter((s) => !scopes.includes(s));
  return { positions, evicted };
}
