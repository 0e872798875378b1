import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempPostgres } from './tempPostgres';
import type { Database } from '../../src/server/data/schema';
import { openBenchDatabase } from './serverAdapter';
import { startAppServer, type RunningServer } from './serverProcess';

export interface SeededServer extends RunningServer {
  /** What `seed` returned (tokens, counts…). */
  seeded: Record<string, unknown>;
}

/**
 * A server process on its own new database: SQLite in a temporary folder, or a new PostgreSQL
 * database on `postgresUrl`'s server (dropped again by stop()). `seed` fills it through the data
 * layer before the server starts, so seeding is not part of any measurement.
 */
export async function startSeededServer(options: {
  root: string;
  staticDir: string;
  postgresUrl?: string | null;
  seed: (database: Database) => Promise<Record<string, unknown>>;
}): Promise<SeededServer> {
  const dir = await mkdtemp(join(tmpdir(), 'fremskudt-bench-'));
  const temp = options.postgresUrl
    ? await createTempPostgres(options.postgresUrl, 'fremskudt_bench')
    : null;
  const postgresUrl = temp?.url;
  const sqlitePath = postgresUrl ? undefined : join(dir, 'bench.sqlite');
  const removeData = async () => {
    await temp?.drop();
    await rm(dir, { recursive: true, force: true });
  };
  let seeded: Record<string, unknown>;
  let server: RunningServer;
  try {
    const database = await openBenchDatabase({ sqlitePath, postgresUrl });
    try {
      seeded = await options.seed(database);
    } finally {
      await database.close();
    }
    server = await startAppServer({
      root: options.root,
      sqlitePath,
      postgresUrl,
      staticDir: options.staticDir,
    });
  } catch (error) {
    // Nothing is left behind (and no open connection keeps the bench from exiting).
    await removeData();
    throw error;
  }
  return {
    url: server.url,
    cpuSeconds: server.cpuSeconds,
    seeded,
    stop: async () => {
      await server.stop();
      await removeData();
    },
  };
}
