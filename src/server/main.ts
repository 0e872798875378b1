import { buildApp } from './app';
import { unknownMappedTeams } from './auth/groupMapping';
import { countUsers } from './auth/users';
import { ConfigError, describeConfig, loadConfig, parseGroupMap, type Config } from './config';
import { createDatabase } from './data/createDatabase';
import { runMigrations } from './data/migrate';
import type { Database } from './data/schema';
import { seedDemoIfEmpty } from './demo/seedDemo';
import { exitOnSignals } from './shutdown';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function openDatabase(config: Config): Promise<Database> {
  const database = createDatabase(config);
  await runMigrations(database);
  return database;
}

/** OIDC_GROUP_MAP may only name teams that exist: a typo would otherwise drop memberships. */
async function checkGroupMapTeams(config: Config, database: Database): Promise<void> {
  if (config.OIDC_GROUP_MAP === undefined) return;
  const parsed = parseGroupMap(config.OIDC_GROUP_MAP);
  if (!parsed.ok) return; // loadConfig refused it already
  const unknown = await unknownMappedTeams(database, parsed.map);
  if (unknown.length > 0) {
    process.stderr.write(
      `Invalid server configuration:\n  OIDC_GROUP_MAP: no such team: ${unknown.join(', ')} ` +
        `(create it first: npm run admin -- create-team)\n`,
    );
    await database.close();
    process.exit(1);
  }
}

async function start(): Promise<void> {
  const config = configOrExit();
  const database = await openDatabase(config);
  // The app owns nothing it did not open, so close the database after the app (onClose).
  const app = await buildApp({ config, database, logger: true });
  app.addHook('onClose', () => database.close());
  app.log.info({ config: describeConfig(config) }, 'configuration');
  const seeded =
    config.DEMO_DATA && (await countUsers(database)) === 0 ? await seedDemoIfEmpty(database) : null;
  if (seeded)
    app.log.info(
      { records: seeded.records },
      'demo data loaded (users lone (admin), mette (lead), anders, sara; password "demo")',
    );
  // After the demo seed, which may have made the teams the map names.
  await checkGroupMapTeams(config, database);
  exitOnSignals(app);
  await app.listen({ port: config.PORT, host: config.HOST });
}

start().catch((error: unknown) => {
  process.stderr.write(
    `Server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
