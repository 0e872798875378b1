import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { DEFAULT_PG_POOL_MAX, type Config } from '../config';
import type { Database, Schema } from './schema';

/** How long a SQLite writer waits for another process's lock (e.g. the CLI) before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Distinct SQL texts whose prepared statements are kept (multi-row inserts vary in shape). */
const SQLITE_STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query anew; preparing took 13 % of the server's CPU in a
 * push (bench, CPU profile of pushMutations). Statements are reused per SQL text instead. Safe
 * because Kysely runs one query at a time on the one connection, so a statement is never used by
 * two queries at once.
 */
function cachePreparedStatements(sqlite: BetterSqlite3.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, BetterSqlite3.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) return cached;
    const statement = prepare(source);
    if (cache.size >= SQLITE_STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers run while one writer writes; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  // Deleted content is overwritten with zeros rather than left in free pages: an erased citizen
  // (retention/eraseCitizen.ts) or a purged row must not be readable from the file afterwards.
  sqlite.pragma('secure_delete = ON');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string, poolMax: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client that PostgreSQL drops (restart, failover) emits 'error' on the pool; without a
  // listener Node would crash the server. The pool replaces the client on next use.
  pool.on('error', (error) => {
    process.stderr.write(
      `${JSON.stringify({ level: 40, msg: 'postgres idle client error', err: error.message })}\n`,
    );
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function createDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH'> & Partial<Pick<Config, 'PG_POOL_MAX'>>,
): Database {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.PG_POOL_MAX ?? DEFAULT_PG_POOL_MAX)
    : openSqlite(config.SQLITE_PATH);
}
