import { parseArgs } from 'node:util';
import { createUser, upsertTeam } from './auth/users';
import { ConfigError, loadConfig } from './config';
import { createDatabase } from './data/createDatabase';
import { runMigrations } from './data/migrate';
import { SeedError, seedDemo } from './demo/seedDemo';
import { newId } from '../domain/ids';

const USAGE = `Usage: node dist/server/cli.js <command>
  migrate                      bring the database schema up to date
  seed-demo                    load the fictional demo teams, users and records (empty database only)
  create-user --username U --name "Full Name" --team TEAM_ID [--team-name "Team"] [--role lead]
                               password is read from the environment variable FREMSKUDT_PASSWORD
Database: DATABASE_URL (PostgreSQL) or SQLITE_PATH (default ./data/fremskudt.sqlite).`;

async function createUserCommand(args: string[], database: ReturnType<typeof createDatabase>) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      'team-name': { type: 'string' },
      role: { type: 'string', default: 'caseworker' },
    },
  });
  const password = process.env.FREMSKUDT_PASSWORD;
  if (!values.username || !values.name || !values.team || !password) {
    throw new Error(
      `create-user needs --username, --name, --team and FREMSKUDT_PASSWORD\n${USAGE}`,
    );
  }
  if (values['team-name']) await upsertTeam(database, values.team, values['team-name']);
  await createUser(database, {
    id: newId(),
    username: values.username,
    name: values.name,
    teamId: values.team,
    role: values.role === 'lead' ? 'lead' : 'caseworker',
    password,
  });
  return `user ${values.username} created in team ${values.team}`;
}

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
      case 'seed-demo': {
        const { records } = await seedDemo(database);
        return `demo data loaded: ${records} records; users mette, anders, sara (password "demo")`;
      }
      case 'create-user':
        return await createUserCommand(rest, database);
      default:
        throw new Error(`Unknown command "${command}"\n${USAGE}`);
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
