import { IP_WINDOW_MS } from '../../../src/server/auth/loginIpLimit';

/**
 * Waits, if need be, until the per-IP limit's current minute has at least `marginMs` left, so a
 * test's attempts all fall into one window even on a slow machine.
 */
export async function untilWindowHasRoom(marginMs = 20_000): Promise<void> {
  const left = IP_WINDOW_MS - (Date.now() % IP_WINDOW_MS);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
