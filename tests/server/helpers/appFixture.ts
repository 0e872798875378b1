import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../src/server/config';
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

/**
 * A seeded app (in-process, for `inject`) on a fresh database for the enclosing describe, its
 * config with `overrides`.
 */
export function useSeededApp(dialect: Dialect, overrides: Partial<Config> = {}): AppFixture {
  const fixture = {} as AppFixture;
  beforeAll(async () => {
    fixture.testDb = await createTestDatabase(dialect);
    fixture.database = await fixture.testDb.open(overrides);
    await seedDemo(fixture.database);
    fixture.app = await buildApp({
      config: { ...fixture.testDb.config, ...overrides },
      database: fixture.database,
    });
    await fixture.app.ready();
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.database?.close();
    await fixture.testDb?.drop();
  });
  return fixture;
}
