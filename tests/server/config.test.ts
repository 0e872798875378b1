import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ConfigError, describeConfig, loadConfig, parseGroupMap } from '../../src/server/config';
import { createDatabase } from '../../src/server/data/createDatabase';
import { runMigrations } from '../../src/server/data/migrate';
import { verifyPassword } from '../../src/server/auth/password';
import { createUser, findUserByUsername, upsertTeam } from '../../src/server/auth/users';
import { createTestDatabase, withAdmin } from './helpers/testDatabase';

describe('server configuration', () => {
  it('starts with safe defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      SQLITE_PATH: './data/fremskudt.sqlite',
      STATIC_DIR: 'dist',
      DEMO_DATA: false,
      SESSION_TTL_HOURS: 720,
    });
  });

  it('hashes passwords at scrypt 2^15 unless told otherwise, and never lower in production', async () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(15);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '10' })).toThrow(
      /PASSWORD_HASH_COST: must be at least 15 in production/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '16' }).PASSWORD_HASH_COST,
    ).toBe(16);
    // A user created through a database opened with the defaults gets the production cost, and
    // signs in with it.
    const database = createDatabase(loadConfig({ SQLITE_PATH: ':memory:' }));
    try {
      await runMigrations(database);
      await upsertTeam(database, 'team-a', 'Team A');
      await createUser(database, {
        id: 'u1',
        username: 'kim',
        name: 'Kim',
        teamId: 'team-a',
        password: 'correct horse battery',
      });
      const stored = (await findUserByUsername(database, 'kim'))?.passwordHash ?? '';
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword('correct horse battery', stored)).toBe(true);
      expect(await verifyPassword('wrong horse battery', stored)).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('reads DEMO_DATA=1 and true as on', () => {
    expect(loadConfig({ DEMO_DATA: '1' }).DEMO_DATA).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(loadConfig({ DEMO_DATA: '0' }).DEMO_DATA).toBe(false);
  });

  it('leaves single sign-on off when unset, and refuses half a configuration at start', () => {
    expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0' })).toThrow(
      /OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET[\s\S]*OIDC_REDIRECT_URL/,
    );
    const sso = {
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: 'fremskudt',
      OIDC_CLIENT_SECRET: 'hemmelig',
      OIDC_REDIRECT_URL: 'https://fremskudt.kommune.dk/api/auth/oidc/callback',
    };
    expect(() => loadConfig(sso)).toThrow(/OIDC_ISSUER: must be https/);
    expect(loadConfig({ ...sso, OIDC_ALLOW_HTTP: '1' }).OIDC_SUBJECT_CLAIM).toBe('sub');
    // New users have no team now (migration 0012): the old holding-team setting is refused by name.
    expect(
      loadConfig({ ...sso, OIDC_ALLOW_HTTP: '1', OIDC_AUTO_CREATE: '1' }).OIDC_AUTO_CREATE,
    ).toBe(true);
    expect(() => loadConfig({ OIDC_AUTO_CREATE_TEAM: 'nye-brugere' })).toThrow(
      /OIDC_AUTO_CREATE_TEAM: no longer used: a user created at their first sign-in now has no team/,
    );
    expect(describeConfig(loadConfig({ ...sso, OIDC_ALLOW_HTTP: '1' })).OIDC_CLIENT_SECRET).toBe(
      '***',
    );
  });

  it('reads the group map as JSON and refuses one that is not, names an unknown role, or gives members to the shared scope', () => {
    const sso = {
      OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0',
      OIDC_CLIENT_ID: 'fremskudt',
      OIDC_CLIENT_SECRET: 'hemmelig',
      OIDC_REDIRECT_URL: 'https://fremskudt.kommune.dk/api/auth/oidc/callback',
    };
    const map = { 'g-nord': { team: 'nord' }, 'g-leads': { role: 'lead' } };
    const config = loadConfig({ ...sso, OIDC_GROUP_MAP: JSON.stringify(map) });
    expect(config.OIDC_GROUP_CLAIM).toBe('groups');
    expect(parseGroupMap(config.OIDC_GROUP_MAP ?? '')).toEqual({ ok: true, map });
    expect(() => loadConfig({ ...sso, OIDC_GROUP_MAP: '{g-nord: nord}' })).toThrow(
      /OIDC_GROUP_MAP: must be JSON/,
    );
    expect(() =>
      loadConfig({ ...sso, OIDC_GROUP_MAP: '{"g1":{"team":"nord","role":"boss"}}' }),
    ).toThrow(/OIDC_GROUP_MAP: g1\.role/);
    expect(() => loadConfig({ ...sso, OIDC_GROUP_MAP: '{"g1":{}}' })).toThrow(
      /OIDC_GROUP_MAP: g1: needs "team", "role" or both/,
    );
    expect(() => loadConfig({ ...sso, OIDC_GROUP_MAP: '{"g1":{"team":"shared"}}' })).toThrow(
      /shared scope/,
    );
    expect(() => loadConfig({ ...sso, OIDC_GROUP_MAP: '{"g1":{"teams":"nord"}}' })).toThrow(
      /OIDC_GROUP_MAP/,
    );
  });

  it('names every bad variable in one clear error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL/,
    );
  });

  it('masks the database password when the configuration is logged', () => {
    const described = describeConfig(
      loadConfig({ DATABASE_URL: 'postgres://app:hemmeligt@db:5432/fremskudt' }),
    );
    expect(JSON.stringify(described)).not.toContain('hemmeligt');
    expect(described.DATABASE_URL).toBe('postgres://app:***@db:5432/fremskudt');
    expect(described.database).toBe('postgres');
  });
});

describe('the PostgreSQL pool', () => {
  it('holds at most PG_POOL_MAX connections (default 10)', async () => {
    expect(loadConfig({}).PG_POOL_MAX).toBe(10);
    expect(() => loadConfig({ PG_POOL_MAX: '0' })).toThrow(/PG_POOL_MAX/);
    const testDb = await createTestDatabase('postgres');
    const database = createDatabase({ ...testDb.config, PG_POOL_MAX: 2 });
    try {
      const backends = await Promise.all(
        Array.from({ length: 4 }, () =>
          sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.1)`.execute(database.db),
        ),
      );
      expect(new Set(backends.map((r) => r.rows[0]?.pid)).size).toBe(2);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});

describe('the PostgreSQL test prerequisite', () => {
  it('fails with instructions to start PostgreSQL when it is not reachable', async () => {
    // Port 1 on loopback: nothing listens there.
    await expect(
      withAdmin(() => Promise.resolve(), 'postgres://postgres@127.0.0.1:1/test'),
    ).rejects.toThrow(/PostgreSQL is required[\s\S]*pg_ctlcluster/);
  });
});
