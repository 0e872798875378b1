import pg from 'pg';

/** A new, empty PostgreSQL database on a server, for one bench measurement. */
export interface TempPostgres {
  /** The database's own URL. */
  url: string;
  /** Drops it, once every connection to it has ended (at most 5 s), and forcibly after that. */
  drop(): Promise<void>;
}

/**
 * Waits (at most 5 s) until no backend is connected to `database`. pg's Pool.end() resolves once
 * it has asked its clients to end, before their connections have closed; dropping the database
 * `with (force)` at once terminated them, and the pool logged each as an idle client error.
 */
async function untilDisconnected(admin: pg.Client, database: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where datname = $1',
      [database],
    );
    if (Number(rows[0]?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Creates `<prefix>_<pid>_<time>` on the server of `adminUrl` (any database there). Holds one
 * connection to that server until drop(): call drop() in a `finally`.
 */
export async function createTempPostgres(adminUrl: string, prefix: string): Promise<TempPostgres> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      try {
        await untilDisconnected(admin, name);
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
