import type { FastifyInstance } from 'fastify';

/** How long in-flight requests may take to finish before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets in-flight requests finish (Fastify's close waits for them
 * and then runs the onClose hooks, which close the database), then reports the exit code.
 */
export async function shutdownGracefully(
  app: FastifyInstance,
  graceMs = SHUTDOWN_GRACE_MS,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([app.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') {
      app.log.error({ graceMs }, 'in-flight requests did not finish in time; exiting anyway');
      app.server.closeAllConnections();
      return 1;
    }
    return 0;
  } catch (error) {
    app.log.error({ err: error }, 'error while shutting down');
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

/** Shuts down once on the first SIGTERM or SIGINT and exits with the outcome. */
export function exitOnSignals(app: FastifyInstance): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    void shutdownGracefully(app).then((code) => process.exit(code));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
