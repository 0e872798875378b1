import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/demo/demoUsers';
import { createTestDatabase, DIALECTS } from './helpers/testDatabase';

const run = promisify(execFile);
const OUT_DIR = join(process.cwd(), '.tmp', 'tests', `seed-${process.pid}`);
const CHILD = join(OUT_DIR, 'seedChild.mjs');

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  // Bundled like the server (packages external, resolved from the repository's node_modules).
  await build({
    entryPoints: [join(process.cwd(), 'tests/server/helpers/seedChild.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(OUT_DIR, { recursive: true, force: true }));

describe.each(DIALECTS)('two server processes seeding the demo at once (%s)', (dialect) => {
  it('both start, and the demo data is loaded exactly once', async () => {
    const testDb = await createTestDatabase(dialect);
    const database = await testDb.open();
    try {
      const env = {
        ...process.env,
        DATABASE_URL: testDb.config.DATABASE_URL ?? '',
        SQLITE_PATH: testDb.config.SQLITE_PATH,
        LOG_LEVEL: 'silent',
      };
      const outcomes = await Promise.all(
        [1, 2].map(async () => {
          const { stdout } = await run(process.execPath, [CHILD], { env, timeout: 60_000 });
          return JSON.parse(stdout) as { seeded: number | null };
        }),
      );
      // One loaded the data, the other found it loaded (or waited and then found it).
      const loaded = outcomes.filter((o) => o.seeded !== null);
      expect(loaded).toHaveLength(1);
      expect(loaded[0]!.seeded).toBeGreaterThan(10);
      const users = await database.db.selectFrom('users').select('id').execute();
      expect(users.map((u) => u.id).sort()).toEqual(DEMO_USERS.map((u) => u.id).sort());
      const records = await database.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(records.n)).toBe(loaded[0]!.seeded);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
