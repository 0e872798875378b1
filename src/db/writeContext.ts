/** Who writes, from which device, and when (injectable for tests). */
export interface WriteContext {
  userId: string;
  teamId: string;
  deviceId: string;
  now?: () => Date;
}

/**
 * The device's clock: every time the app records (created, updated, finalized, a note's "now")
 * is read here or from the write context, never from `new Date()` at the call site, so a test
 * can set it and a legally relevant time has one source.
 */
export const deviceClock: { now: () => Date } = { now: () => new Date() };

export function nowIso(ctx: WriteContext): string {
  return (ctx.now ?? deviceClock.now)().toISOString();
}
