import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { MAX_PUSH_BYTES } from '../protocol/versions';
import { registerAdminRoutes } from './admin/adminRoutes';
import { installDeliveryIndexer } from './audit/deliveryIndex';
import { registerAuditRoutes } from './audit/auditRoutes';
import { installAuthHook } from './auth/authHook';
import { registerAuthRoutes } from './auth/authRoutes';
import { registerPasswordChangeRoute } from './auth/passwordChange';
import { forgetEndedIpWindows } from './auth/loginIpLimit';
import { forgetOldFailures } from './auth/loginThrottle';
import { deleteExpiredOidcRows, registerOidcRoutes } from './auth/oidc';
import { deleteExpiredSessions } from './auth/sessions';
import { registerTeamRoutes } from './auth/teamRoutes';
import type { Config } from './config';
import { createDatabase } from './data/createDatabase';
import { runMigrations } from './data/migrate';
import type { Database } from './data/schema';
import { runRetention } from './retention/retentionJob';
import { registerRetentionRoutes } from './retention/retentionRoutes';
import { installErrorHandler } from './http/errorHandler';
import { HttpError } from './http/httpError';
import { installProtocolCheck } from './http/protocolCheck';
import { installRequestInputChecks } from './http/requestInput';
import { registerSecurityHeaders } from './http/securityHeaders';
import { registerStatisticsRoutes } from './statistics/statisticsRoutes';
import { registerStaticFiles } from './http/staticFiles';
import { registerSyncRoutes } from './syncApi/syncRoutes';

const HOUSEKEEPING_INTERVAL_MS = 6 * 3_600_000;
/** A readiness probe that waits longer than this for the database says "not ready". */
const READY_TIMEOUT_MS = 2_000;

/** `work`, or an error after `ms`. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface BuildAppOptions {
  config: Config;
  /** An open, migrated database the caller owns; if absent the app opens (and closes) its own. */
  database?: Database;
  /** true: pino at LOG_LEVEL; false: silent; or Fastify's own logger options. */
  logger?: FastifyServerOptions['logger'];
  /** How often devices' last_seen_at is written (auth/lastSeen.ts); tests shorten it. */
  lastSeenFlushMs?: number;
  /** The time for the session cache (auth/sessionCache.ts); tests move it forward. */
  clock?: () => Date;
}

function loggerOptions(config: Config, logger: BuildAppOptions['logger']) {
  if (logger === false || logger === undefined) return false;
  if (logger === true) {
    return { level: config.LOG_LEVEL, redact: ['req.headers.authorization'] };
  }
  return logger;
}

function installHousekeeping(app: FastifyInstance, database: Database, config: Config): void {
  const run = async () => {
    const retention = await runRetention(database, config);
    await deleteExpiredSessions(database);
    await deleteExpiredOidcRows(database);
    await forgetOldFailures(database);
    await forgetEndedIpWindows(database);
    // Counts only: what went is never logged.
    if (retention.ran) app.log.info({ removed: retention.removed }, 'retention rules applied');
    else app.log.info('retention skipped: another server process is running it');
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    // A database that is down at start must not keep the process from serving: requests answer
    // 503 until it is back, and the next round of housekeeping catches up.
    await run().catch((error: unknown) => app.log.error({ err: error }, 'housekeeping failed'));
    timer = setInterval(() => {
      run().catch((error: unknown) => app.log.error({ err: error }, 'housekeeping failed'));
    }, HOUSEKEEPING_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    done();
  });
}

/**
 * The whole server as a Fastify instance, not yet listening: tests use `inject` or
 * `listen({ port: 0 })`, main.ts listens on PORT.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? createDatabase(config);
  if (ownsDatabase) await runMigrations(database);

  const app = Fastify({
    logger: loggerOptions(config, options.logger),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: MAX_PUSH_BYTES,
    requestIdHeader: 'x-request-id',
    // Unique across restarts, so an audit entry's request id finds its log lines.
    genReqId: () => randomUUID(),
    // Our own hook below answers in the protocol's error shape instead.
    return503OnClosing: false,
  });
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new HttpError('unavailable', 'The server is restarting; try again in a moment'));
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A request still in flight at shutdown ends its keep-alive connection, or close() would
    // wait for the client to hang up.
    if (closing) reply.header('connection', 'close');
  });
  installErrorHandler(app);
  installRequestInputChecks(app);
  registerSecurityHeaders(app, config.NODE_ENV === 'production');
  // Order matters: an outdated app is told to update before it is asked to sign in.
  installProtocolCheck(app);
  installAuthHook(app, database, options.lastSeenFlushMs, options.clock);
  registerAuthRoutes(app, database, config);
  registerOidcRoutes(app, database, config);
  registerPasswordChangeRoute(app, database, config);
  registerSyncRoutes(app, database);
  registerTeamRoutes(app, database);
  registerAuditRoutes(app, database, config);
  registerAdminRoutes(app, database);
  registerRetentionRoutes(app, config, database);
  registerStatisticsRoutes(app, database, { threshold: config.STATISTICS_THRESHOLD });

  // Liveness: the process answers. It does not touch the database, so a supervisor does not
  // restart every process on a database outage that a restart cannot fix.
  app.get('/healthz', () => Promise.resolve({ status: 'ok', db: database.dialect }));
  // Readiness, for a load balancer: this process can reach its database now.
  app.get('/readyz', async () => {
    try {
      await withTimeout(sql`select 1`.execute(database.db), READY_TIMEOUT_MS);
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      throw new HttpError('unavailable', 'The database is not reachable', { reason: 'database' });
    }
    return { status: 'ready', db: database.dialect };
  });
  await registerStaticFiles(app, config.STATIC_DIR);
  installHousekeeping(app, database, config);
  installDeliveryIndexer(app, database);
  if (ownsDatabase) app.addHook('onClose', () => database.close());
  return app;
}
