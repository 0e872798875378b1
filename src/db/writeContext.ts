/** Who writes, from which device, and when (injectable for tests). */
export interface WriteContext {
  userId: string;
  teamId: string;
  deviceId: string;
  now?: () => Date;
}

export function nowIso(ctx: WriteContext): string {
  return (ctx.now ? ctx.now() : new Date()).toISOString();
}
