import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/server/config';
import { MAX_NAMED_TEXTS, named, NamedStatementError } from '../../src/server/data/namedStatements';
import { authHeaders, login, newCitizen, newNote, pull, pullAll, push } from './helpers/api';
import { useSeededApp, type AppFixture } from './helpers/appFixture';
import { withAdmin } from './helpers/testDatabase';

interface Prepared {
  statement: string;
  generic_plans: string;
  custom_plans: string;
}

/**
 * A server on PostgreSQL with ONE pooled connection, so that the statements its requests
 * prepared are the ones the test sees in pg_prepared_statements (which is per connection).
 */
const useOneConnectionApp = (named: boolean) =>
  useSeededApp('postgres', { PG_POOL_MAX: 1, PG_NAMED_STATEMENTS: named });

const preparedOf = async (f: AppFixture) =>
  (
    await sql<Prepared>`select statement, generic_plans, custom_plans
      from pg_prepared_statements`.execute(f.database.db)
  ).rows;

/** Runs SQL as another server process would (a migration), on its own connection. */
const otherProcess = (f: AppFixture, text: string) =>
  withAdmin((client) => client.query(text), f.testDb.config.DATABASE_URL);

const me = (f: AppFixture, token: string) =>
  f.app.inject({ method: 'GET', url: '/api/auth/me', headers: authHeaders(token) });

const executions = (p: Prepared) => Number(p.generic_plans) + Number(p.custom_plans);

describe('named statements on PostgreSQL', () => {
  const f = useOneConnectionApp(true);

  it('prepares the statements of a sync cycle once and reuses them, with generic plans', async () => {
    const token = await login(f.app, 'mette');
    let { cursor } = await pullAll(f.app, token);
    const citizen = newCitizen();
    await push(f.app, token, [citizen]);
    for (let i = 0; i < 10; i++) {
      // Batches of one and of two notes.
      const notes = Array.from({ length: 1 + (i % 2) }, () =>
        newNote(citizen.recordId, { body: `Notat ${i}` }),
      );
      await push(f.app, token, notes);
      cursor = (await pull(f.app, token, cursor)).nextCursor;
    }
    const prepared = await preparedOf(f);
    const find = (part: string) => prepared.filter((p) => p.statement.includes(part));
    // The pull page (per scope: the next changes and the latest seq; the horizons of the scopes
    // it continues in) and its audit entry. A first pull has no horizon to read: its own text.
    const pages = find('from "changes" where "team_id" = $1 and "seq" > $2');
    expect(pages).toHaveLength(2);
    const page = find('from "change_log_horizon"');
    expect(page).toHaveLength(1);
    expect(executions(page[0]!)).toBeGreaterThanOrEqual(10);
    // After five custom plans PostgreSQL settles on one generic plan: no more planning.
    expect(Number(page[0]!.generic_plans)).toBeGreaterThan(0);
    expect(find('insert into "audit_deliveries_staged"')).toHaveLength(1);
    // The push: its one writing statement (whatever the batch's size). Its scope locks are not
    // prepared: they travel with the transaction's begin in one simple query (deferredBegin.ts).
    expect(find('insert into changes').length).toBeGreaterThan(0);
    expect(find('pg_advisory_xact_lock')).toHaveLength(0);
    // The session lookup before a request.
    expect(find('from "sessions"')).toHaveLength(1);
  });

  it('keeps answering when another process adds columns to the tables its statements read', async () => {
    const token = await login(f.app, 'mette');
    const { cursor } = await pullAll(f.app, token);
    await otherProcess(
      f,
      `alter table changes add column extra_a text;
      alter table records add column extra_a text;
      alter table sessions add column extra_a text;
      alter table audit_log add column extra_a text`,
    );
    const citizen = newCitizen({ firstName: 'Efter migreringen' });
    const [result] = await push(f.app, token, [citizen]);
    expect(result?.status).toBe('applied');
    const page = await pull(f.app, token, cursor);
    expect(page.changes.map((c) => c.recordId)).toContain(citizen.recordId);
    const fresh = await login(f.app, 'mette');
    const answer = await me(f, fresh);
    expect(answer.statusCode).toBe(200);
    // The statements prepared before the migration served them: none was prepared again.
    const texts = (await preparedOf(f)).map((p) => p.statement);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('answers a sign-in after another process changed the type of a column the session lookup reads', async () => {
    const token = await login(f.app, 'mette');
    expect((await me(f, token)).statusCode).toBe(200);
    await otherProcess(f, 'alter table users alter column name type varchar(500)');
    // A new token is not in the session cache: the lookup runs, its prepared form now fails,
    // and it is sent again under a new name (outside a transaction, so at once).
    const fresh = await login(f.app, 'mette');
    const answer = await me(f, fresh);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json<{ user: { name: string } }>().user.name).toBeTruthy();
  });

  it('inside a transaction lets the changed result fail once, then prepares it anew', async () => {
    const read = () =>
      f.database.db.transaction().execute((trx) =>
        sql<{
          name: string;
        }>`select "name" from "users" where "id" = ${'mette'} ${named}`.execute(trx),
      );
    expect((await read()).rows).toHaveLength(1);
    await otherProcess(f, 'alter table users alter column name type varchar(600)');
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toHaveLength(1);
  });

  it('refuses to name a statement that selects every column of a table', async () => {
    await expect(sql`select * from "users" ${named}`.execute(f.database.db)).rejects.toThrow(
      NamedStatementError,
    );
    await expect(
      sql`select "users".* from "users" ${named}`.execute(f.database.db),
    ).rejects.toThrow(NamedStatementError);
  });

  it(`names at most ${MAX_NAMED_TEXTS} texts per pool and answers the rest unnamed`, async () => {
    for (let i = 0; i < MAX_NAMED_TEXTS + 10; i++) {
      const { rows } = await sql<{ n: number }>`select ${sql.lit(i)}::int as n ${named}`.execute(
        f.database.db,
      );
      expect(rows[0]?.n).toBe(i);
    }
    const texts = (await preparedOf(f)).map((p) => p.statement);
    // A text prepared again after a changed result type (above) keeps its old form too.
    expect(new Set(texts).size).toBeLessThanOrEqual(MAX_NAMED_TEXTS);
    expect(texts.some((t) => t.startsWith('select 0::int as n'))).toBe(true);
    expect(texts.some((t) => t.startsWith(`select ${MAX_NAMED_TEXTS + 9}::int`))).toBe(false);
  });
});

describe('PG_NAMED_STATEMENTS=0', () => {
  const f = useOneConnectionApp(false);

  it('is read from the environment, on by default', () => {
    expect(ConfigSchema.parse({}).PG_NAMED_STATEMENTS).toBe(true);
    expect(ConfigSchema.parse({ PG_NAMED_STATEMENTS: '0' }).PG_NAMED_STATEMENTS).toBe(false);
  });

  it('sends every statement unnamed (for a pooler that cannot keep prepared statements)', async () => {
    const token = await login(f.app, 'mette');
    await pullAll(f.app, token);
    await push(f.app, token, [newCitizen()]);
    expect(await preparedOf(f)).toEqual([]);
  });
});
