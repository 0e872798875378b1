import type { FastifyInstance } from 'fastify';

/**
 * Runs `task` every `everyMs` while the app is up (the timer never keeps the process alive) and
 * `last` once as it closes. In preClose, not onClose: Fastify runs onClose hooks
 * last-registered first, so the database's (app.ts, main.ts) would close it before `last` ran.
 * Both catch and log their own failures: a failed round is tried again next time.
 */
export function everyWhileUp(
  app: FastifyInstance,
  everyMs: number,
  task: () => Promise<unknown>,
  last: () => Promise<unknown> = task,
): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', (done) => {
    timer = setInterval(() => void task(), everyMs);
    timer.unref();
    done();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await last();
  });
}
