import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import type { Database, Dialect } from '../../src/server/data/schema';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { createTestDatabase } from '../server/helpers/testDatabase';

export type { Dialect } from '../../src/server/data/schema';
export { DIALECTS } from '../server/helpers/testDatabase';

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  app: FastifyInstance;
  /** The server's database handle (Kysely in `db.db`), for assertions. */
  db: Database;
  config: Config;
  /** Stops the server, closes and deletes the database. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: Dialect;
  /** Load the demo teams, users (mette/anders/sara, password `demo`) and records. Default true. */
  seed?: boolean;
  /** Serve a built client from this folder (e2e); default: API only. */
  staticDir?: string;
  logger?: boolean;
  now?: Date;
}

/**
 * A real server on a free port of 127.0.0.1, on a fresh SQLite file or a fresh PostgreSQL
 * database, for integration tests of the client against the server.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const testDb = await createTestDatabase(options.dialect ?? 'sqlite');
  const config: Config = options.staticDir
    ? { ...testDb.config, STATIC_DIR: options.staticDir }
    : testDb.config;
  const db = await testDb.open();
  if (options.seed ?? true) await seedDemo(db, options.now);
  const app = await buildApp({ config, database: db, logger: options.logger ?? false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    config,
    async close() {
      await app.close();
      await db.close();
      await testDb.drop();
    },
  };
}
