import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../src/server/app';
import type { Database, Dialect } from '../../../src/server/data/schema';
import { seedDemo } from '../../../src/server/demo/seedDemo';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export interface AppFixture {
  app: FastifyInstance;
  database: Database;
  testDb: TestDatabase;
}

/** A seeded app (in-process, for `inject`) on a fresh database for the enclosing describe. */
export function useSeededApp(dialect: Dialect): AppFixture {
  const fixture = {} as AppFixture;
  beforeAll(async () => {
    fixture.testDb = await createTestDatabase(dialect);
    fixture.database = await fixture.testDb.open();
    await seedDemo(fixture.database);
    fixture.app = await buildApp({ config: fixture.testDb.config, database: fixture.database });
    await fixture.app.ready();
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.database?.close();
    await fixture.testDb?.drop();
  });
  return fixture;
}
