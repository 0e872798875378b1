import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Driver } from 'kysely';
import pg from 'pg';
import { DEFAULT_PG_POOL_MAX, PRODUCTION_PASSWORD_HASH_COST, type Config } from '../config';
import { deferBeginOn, dropHeldBegin } from './deferredBegin';
import { nameStatementsOn, StatementNames } from './namedStatements';
import type { Database, Schema } from './schema';

/** How long a SQLite writer waits for another process's lock (e.g. the CLI) before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Distinct SQL texts whose prepared statements are kept (multi-row inserts vary in shape). */
const SQLITE_STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query anew; preparing was a large
 * share of the server's CPU in a push (bench, CPU profile of pushMutations). Statements are reused per SQL text instead. Safe
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

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
 * SQLITE_NOMEM, some SQLITE_BUSY). Kysely's ROLLBACK after it then fails with "no transaction is
 * active", and that error replaced the one that says what happened: a full disk answered 500
 * instead of 503. The ROLLBACK is skipped when there is no transaction left to roll back.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

type Opened = Omit<Database, 'passwordHashCost'>;

function openSqlite(path: string): Opened {
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
  const db = new Kysely<Schema>({ dialect: new SqliteDialectKeepingErrors(sqlite) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** PostgreSQL's type id of bigint (int8): change-log seqs (migration 0006) and counts. */
const INT8_OID = 20;

/**
 * bigint as a JavaScript number, as the schema types say (node-postgres gives text, since not
 * every bigint fits a number). A value beyond Number.MAX_SAFE_INTEGER fails loudly instead of
 * being rounded: a rounded seq would make a device skip or repeat changes.
 */
export function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`bigint ${text} is beyond Number.MAX_SAFE_INTEGER`);
  return value;
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID && format !== 'binary'
      ? parseBigint
      : (pg.types.getTypeParser(
          oid,
          format ?? 'text',
        ) as unknown)) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string, poolMax: number, named: boolean): Opened {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, types: pgTypes });
  const statementNames = named ? new StatementNames() : undefined;
  // A client that PostgreSQL drops (restart, failover, a terminated backend) emits 'error'. An
  // idle one has the pool's listener, which re-emits on the pool; a client checked out by a
  // request has none, and an 'error' event without a listener crashes the process (at a failover
  // every process on the database at once). So every client gets its own listener for its whole
  // life: the query in flight fails with its own error (the request answers 503,
  // http/errorHandler.ts) and the pool drops the dead client when it is released.
  pool.on('connect', (client) => {
    if (statementNames) nameStatementsOn(client, statementNames);
    deferBeginOn(client);
    client.on('error', (error) => {
      process.stderr.write(
        `${JSON.stringify({ level: 40, msg: 'postgres connection lost', err: error.message })}\n`,
      );
    });
  });
  // Logged by the client's own listener above; without a listener here the pool would throw.
  pool.on('error', () => undefined);
  pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => dropHeldBegin(client));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function createDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH'> &
    Partial<Pick<Config, 'PG_POOL_MAX' | 'PG_NAMED_STATEMENTS' | 'PASSWORD_HASH_COST'>>,
): Database {
  const opened = config.DATABASE_URL
    ? openPostgres(
        config.DATABASE_URL,
        config.PG_POOL_MAX ?? DEFAULT_PG_POOL_MAX,
        config.PG_NAMED_STATEMENTS ?? true,
      )
    : openSqlite(config.SQLITE_PATH);
  return {
    ...opened,
    passwordHashCost: config.PASSWORD_HASH_COST ?? PRODUCTION_PASSWORD_HASH_COST,
  };
}
