/**
 * Every place the benchmark touches the server's data layer directly, in one file: opening and
 * migrating a database, making teams and users, filling a caseload without 500 HTTP pushes, a
 * long change log, and sessions for many devices. When the server's auth or change log changes
 * (device ids at login, opaque cursors), this is the file to adapt.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { applyMutation, type StoredRecord } from '../../src/domain/merge';
import type { EntityName } from '../../src/domain/entities';
import { registerDevice } from '../../src/server/auth/devices';
import { createUser, upsertTeam } from '../../src/server/auth/users';
import { createDatabase } from '../../src/server/data/createDatabase';
import { runMigrations } from '../../src/server/data/migrate';
import { catchUpChangeSeq } from '../../src/server/data/writeTransaction';
import type { Database } from '../../src/server/data/schema';
import { benchId, citizenFields, CITIZEN_KIND, NOTE_KIND, noteFields } from '../shared/generate';
import { createTempPostgres } from './tempPostgres';

export const BENCH_PASSWORD = 'bench';
const SEED_DEVICE = 'bench-seed';
/** Rows per multi-row INSERT: under SQLite's 32,766 bound variables with 9 columns. */
const INSERT_BATCH = 500;

export interface BenchUser {
  id: string;
  teamId: string;
}

export async function openBenchDatabase(target: {
  sqlitePath?: string;
  postgresUrl?: string;
}): Promise<Database> {
  const database = createDatabase({
    DATABASE_URL: target.postgresUrl,
    SQLITE_PATH: target.sqlitePath ?? ':memory:',
  });
  await runMigrations(database);
  return database;
}

/**
 * Runs `work` with a new bench database on SQLite (a file in a temporary folder), then, unless
 * `pgUrl` is empty, on PostgreSQL (a temporary database made through `pgUrl`); each is removed
 * after. For the in-process measures (`npm run bench:push`, `npm run bench:pull`).
 */
export async function onEachBenchDatabase(
  name: string,
  pgUrl: string,
  work: (label: 'SQLite' | 'PostgreSQL', open: () => Promise<Database>) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `fremskudt-${name}-`));
  try {
    await work('SQLite', () => openBenchDatabase({ sqlitePath: join(dir, `${name}.sqlite`) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (pgUrl.trim() === '') return;
  const database = await createTempPostgres(pgUrl, `fremskudt_${name}`);
  try {
    await work('PostgreSQL', () => openBenchDatabase({ postgresUrl: database.url }));
  } finally {
    await database.drop();
  }
}

export async function createBenchUser(database: Database, user: BenchUser): Promise<void> {
  await upsertTeam(database, user.teamId, `Bench ${user.teamId}`);
  await createUser(database, {
    id: user.id,
    username: user.id,
    name: `Bench ${user.id}`,
    teamId: user.teamId,
    password: BENCH_PASSWORD,
  });
}

function createdRecord(
  entity: EntityName,
  id: string,
  fields: object,
  user: BenchUser,
  now: string,
): StoredRecord {
  const outcome = applyMutation(
    undefined,
    {
      mutationId: id,
      deviceId: SEED_DEVICE,
      entity,
      recordId: id,
      op: 'create',
      fields: { ...fields },
      baseVersion: 0,
    },
    { userId: user.id, teamId: user.teamId, now, newId: () => id },
  );
  if (outcome.kind !== 'applied' || !outcome.record) {
    throw new Error(`bench data refused by the merge rules: ${JSON.stringify(outcome)}`);
  }
  return outcome.record;
}

async function maxSeq(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * Writes `citizens` citizens and `notes` notes of the team exactly as pushes would have left them
 * (records through the merge rules' create, one change-log entry each), in multi-row inserts in
 * one transaction. Returns the number of change-log entries written.
 */
export async function seedCaseload(
  database: Database,
  user: BenchUser,
  counts: { citizens: number; notes: number },
): Promise<number> {
  const now = new Date().toISOString();
  let seq = await maxSeq(database);
  const total = counts.citizens + counts.notes;
  await database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < total; start += INSERT_BATCH) {
      const records: StoredRecord[] = [];
      for (let i = start; i < Math.min(total, start + INSERT_BATCH); i++) {
        records.push(
          i < counts.citizens
            ? createdRecord('citizen', benchId(CITIZEN_KIND, i), citizenFields(i), user, now)
            : createdRecord(
                'note',
                benchId(NOTE_KIND, i - counts.citizens),
                noteFields(i - counts.citizens, counts.citizens, user.id),
                user,
                now,
              ),
        );
      }
      const rows = records.map((r) => ({ r, seq: ++seq, data: JSON.stringify(r.data) }));
      await trx
        .insertInto('records')
        .values(
          rows.map(({ r, seq: s, data }) => ({
            entity: r.entity,
            id: r.id,
            team_id: r.teamId,
            version: r.version,
            deleted: 0,
            data,
            field_versions: JSON.stringify(r.fieldVersions),
            updated_seq: s,
          })),
        )
        .execute();
      await trx
        .insertInto('changes')
        .values(
          rows.map(({ r, seq: s, data }) => ({
            seq: s,
            team_id: r.teamId,
            entity: r.entity,
            record_id: r.id,
            op: 'upsert' as const,
            version: r.version,
            data,
            created_at: now,
          })),
        )
        .execute();
    }
  });
  // The rows above carry their own seqs: the server's counter must continue after them.
  await catchUpChangeSeq(database);
  await analyzeAfterBulkLoad(database);
  return total;
}

/**
 * Appends `count` old tombstones of the team to the change log in one statement: a long history
 * that a device already has (its cursor is past them) and must never pay for again.
 */
export async function fillChangeLog(
  database: Database,
  teamId: string,
  count: number,
): Promise<void> {
  const first = (await maxSeq(database)) + 1;
  const now = new Date().toISOString();
  // A valid UUID per entry (devices parse record ids): the counter in the last 12 digits.
  const padded =
    database.dialect === 'postgres'
      ? sql`lpad(cast(i as text), 12, '0')`
      : sql`substr('000000000000' || i, -12, 12)`;
  await sql`
    with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${count})
    insert into changes (seq, team_id, entity, record_id, op, version, data, created_at)
    select ${first} + i, ${teamId}, 'note', '00000000-0000-4000-8000-' || ${padded}, 'delete', 2,
      null, ${now}
    from n`.execute(database.db);
  await catchUpChangeSeq(database);
  await analyzeAfterBulkLoad(database);
}

/**
 * PostgreSQL: statistics for rows just written in bulk, as a database in use has them (autovacuum
 * analyzes a table after a tenth of it changed, within a minute). Without them the planner guesses
 * a team's change log small and reads a pull page by sorting the team's whole rest of it: 60–100
 * ms per page of 1,000 on 100,000 records instead of 2 (docs/operations.md, "Bulk imports").
 */
async function analyzeAfterBulkLoad(database: Database): Promise<void> {
  if (database.dialect === 'postgres') await sql`analyze changes, records`.execute(database.db);
}

/** Sessions for many devices without scrypt logins: the token's SHA-256 is what the server keeps. */
export async function createBenchSessions(
  database: Database,
  userId: string,
  count: number,
  deviceId: string | null = null,
): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const now = new Date();
  const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  for (let start = 0; start < tokens.length; start += INSERT_BATCH) {
    await database.db
      .insertInto('sessions')
      .values(
        tokens.slice(start, start + INSERT_BATCH).map((token) => ({
          token_hash: createHash('sha256').update(token).digest('hex'),
          user_id: userId,
          device_id: deviceId,
          created_at: now.toISOString(),
          expires_at: expires,
        })),
      )
      .execute();
  }
  return tokens;
}

/**
 * `teams` × `perTeam` users who never log in (no scrypt hash: sessions are made directly), each
 * with one registered device and a session bound to it, as a login makes them; returns the
 * tokens with their team and device, one per simulated device. The devices were last seen an
 * hour ago (they signed in that morning and worked offline since), so each device's first
 * request also updates its last_seen_at, as a real device's would.
 */
export async function createDeviceUsers(
  database: Database,
  teams: number,
  perTeam: number,
): Promise<{ token: string; teamId: string; deviceId: string }[]> {
  const devices: { token: string; teamId: string; deviceId: string }[] = [];
  const at = new Date().toISOString();
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (let t = 0; t < teams; t++) {
    const teamId = `load-${t}`;
    await upsertTeam(database, teamId, `Load ${t}`);
    for (let u = 0; u < perTeam; u++) {
      const id = `load-${t}-${u}`;
      await database.db
        .insertInto('users')
        .values({
          id,
          username: id,
          name: id,
          team_id: teamId,
          role: 'caseworker',
          password_hash: 'no-login',
          created_at: at,
        })
        .execute();
      await database.db
        .insertInto('user_teams')
        .values({ user_id: id, team_id: teamId, added_at: at })
        .execute();
      const { deviceId } = await registerDevice(
        database,
        id,
        `load-device-${t}-${u}`,
        'bench',
        anHourAgo,
      );
      const [token] = await createBenchSessions(database, id, 1, deviceId);
      devices.push({ token: token ?? '', teamId, deviceId });
    }
  }
  return devices;
}
