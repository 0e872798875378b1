import type { Database } from '../data/schema';
import { findSession, hashToken, type SessionLookup } from './sessions';

/**
 * How long one server process may trust a session's validity without asking the database again.
 * Within the process that logs out, revokes a device or sessions, resets a password or changes a
 * role or teams, the change counts at once (forget*); other processes see it within this bound.
 */
export const SESSION_CACHE_MS = 5_000;
/** A bound on memory: far above the sessions one process serves within SESSION_CACHE_MS. */
const MAX_ENTRIES = 10_000;

export interface SessionCache {
  /** findSession, answered from memory for up to SESSION_CACHE_MS after a live lookup. */
  find(token: string): Promise<SessionLookup>;
  /** The session was ended (logout). */
  forgetToken(token: string): void;
  /** Something about the user or their devices changed: their sessions are looked up again. */
  forgetUser(userId: string): void;
}

interface Entry {
  lookup: Extract<SessionLookup, { kind: 'ok' }>;
  cachedAt: number;
}

/** Only live sessions are cached: a refused token costs a lookup each time, as before. */
export function createSessionCache(
  database: Database,
  clock: () => Date = () => new Date(),
  ttlMs = SESSION_CACHE_MS,
): SessionCache {
  const entries = new Map<string, Entry>();
  // Bumped by every forget: a lookup that began before it must not store what it read then.
  let generation = 0;
  return {
    async find(token) {
      const key = hashToken(token);
      const now = clock();
      const hit = entries.get(key);
      if (hit && now.getTime() - hit.cachedAt < ttlMs) return hit.lookup;
      entries.delete(key);
      const started = generation;
      const lookup = await findSession(database, token, now);
      if (lookup.kind === 'ok' && started === generation) {
        if (entries.size >= MAX_ENTRIES) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        // The device was noted as seen (if stale) by this lookup; the cached answers need not.
        entries.set(key, {
          lookup: { ...lookup, deviceSeenStale: false },
          cachedAt: now.getTime(),
        });
      }
      return lookup;
    },
    forgetToken(token) {
      generation++;
      entries.delete(hashToken(token));
    },
    forgetUser(userId) {
      generation++;
      for (const [key, entry] of entries) {
        if (entry.lookup.user.id === userId) entries.delete(key);
      }
    },
  };
}
