import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
  let postgresUrl: string | undefined;
  let dropPostgres = async () => {};
  if (options.postgresUrl) {
    const name = `fremskudt_bench_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    postgresUrl = url.toString();
    dropPostgres = async () => {
      const client = new pg.Client({ connectionString: options.postgresUrl ?? '' });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const sqlitePath = postgresUrl ? undefined : join(dir, 'bench.sqlite');
  const database = await openBenchDatabase({ sqlitePath, postgresUrl });
  let seeded: Record<string, unknown>;
  try {
    seeded = await options.seed(database);
  } finally {
    await database.close();
  }
  const server = await startAppServer({
    root: options.root,
    sqlitePath,
    postgresUrl,
    staticDir: options.staticDir,
  });
  return {
    url: server.url,
    cpuSeconds: server.cpuSeconds,
    seeded,
    stop: async () => {
      await server.stop();
      await dropPostgres();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
