/**
 * A server process's start-up as far as the demo seed (main.ts): open the configured database,
 * migrate, seed if empty. Run as a child process by seedConcurrency.test.ts; prints the outcome.
 */
import { loadConfig } from '../../../src/server/config';
import { createDatabase } from '../../../src/server/data/createDatabase';
import { runMigrations } from '../../../src/server/data/migrate';
import { seedDemoIfEmpty } from '../../../src/server/demo/seedDemo';

const database = createDatabase(loadConfig());
try {
  await runMigrations(database);
  const seeded = await seedDemoIfEmpty(database);
  process.stdout.write(JSON.stringify({ seeded: seeded?.records ?? null }));
} finally {
  await database.close();
}
