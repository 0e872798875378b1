import { ADMIN_USAGE, runAdminCommand } from './admin/cliCommands';
import { ConfigError, loadConfig } from './config';
import { createDatabase } from './data/createDatabase';
import { runMigrations } from './data/migrate';
import { SeedError, seedDemo } from './demo/seedDemo';
import { runRetention } from './retention/retentionJob';

const USAGE = `Usage: node dist/server/cli.js <command>
  migrate                      bring the database schema up to date
  seed-demo                    load the fictional demo teams, users and records (empty database only)
  retention                    apply the retention rules now (as the server does every 6 hours)
${ADMIN_USAGE}
Database: DATABASE_URL (PostgreSQL) or SQLITE_PATH (default ./data/fremskudt.sqlite).`;

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') return USAGE;
  const config = loadConfig();
  const database = createDatabase(config);
  try {
    const applied = await runMigrations(database);
    switch (command) {
      case 'migrate':
        return applied.length ? `applied: ${applied.join(', ')}` : 'schema already up to date';
      case 'retention': {
        const run = await runRetention(database, config);
        return run.ran
          ? `retention applied, removed: ${JSON.stringify(run.removed)}`
          : 'retention skipped: another process is running it';
      }
      case 'seed-demo': {
        const { records } = await seedDemo(database);
        return `demo data loaded: ${records} records; users lone (admin), mette, anders, sara (password "demo")`;
      }
      default: {
        const done = await runAdminCommand(database, command, rest);
        if (done === undefined) throw new Error(`Unknown command "${command}"\n${USAGE}`);
        return done;
      }
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof SeedError;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode =
      known && error instanceof SeedError && error.code === 'already-seeded' ? 0 : 1;
  },
);
