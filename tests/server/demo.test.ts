import { describe, expect, it } from 'vitest';
import { parseCpr } from '../../src/domain/cpr';
import { followUpState, slotsOnDate } from '../../src/domain/scheduleRules';
import { ENTITIES, type EntityName } from '../../src/domain/entities';
import type { ScheduleSlot } from '../../src/domain/schedule';
import { demoClock } from '../../src/server/demo/demoClock';
import { SeedError, seedDemo } from '../../src/server/demo/seedDemo';
import { useSeededApp } from './helpers/appFixture';
import { login, pullAll, PROTOCOL_HEADERS } from './helpers/api';

describe('demo data', () => {
  const f = useSeededApp('sqlite');

  async function pulledAs(user: string) {
    const { changes } = await pullAll(f.app, await login(f.app, user));
    const records = (entity: EntityName) =>
      changes
        .filter((c) => c.entity === entity && c.record)
        .map((c) => ENTITIES[entity].record.parse(c.record) as Record<string, unknown>);
    return records;
  }

  it('gives Mette and Anders a slot at a location every day of the week, so today is never empty', async () => {
    const records = await pulledAs('mette');
    const slots = records('scheduleSlot') as ScheduleSlot[];
    const clock = demoClock(new Date());
    for (let day = 0; day < 7; day++) {
      const date = clock.date(day);
      for (const user of ['mette', 'anders']) {
        const mine = slots.filter((s) => s.userId === user);
        expect(slotsOnDate(mine, date).length, `${user} on ${date}`).toBeGreaterThan(0);
      }
    }
  });

  it('has an overdue follow-up and one due today, relative to the current date', async () => {
    const records = await pulledAs('mette');
    const today = demoClock(new Date()).date(0);
    const states = records('followUp').map((r) => followUpState(r as { dueOn: string }, today));
    expect(states).toEqual(expect.arrayContaining(['overdue', 'due-today', 'upcoming']));
  });

  it('has citizens known only by alias and citizens with valid CPR numbers, goals in their own words', async () => {
    const citizens = (await pulledAs('anders'))('citizen');
    expect(citizens.length).toBeGreaterThanOrEqual(8);
    expect(citizens.some((c) => c.firstName === '' && c.alias !== '')).toBe(true);
    const cprs = citizens.map((c) => c.cpr).filter((c): c is string => typeof c === 'string');
    expect(cprs.length).toBeGreaterThanOrEqual(3);
    expect(cprs.every((c) => parseCpr(c).ok)).toBe(true);
    expect(citizens.every((c) => typeof c.ownGoals === 'string' && c.ownGoals.length > 0)).toBe(
      true,
    );
    expect(citizens.some((c) => Array.isArray(c.consents) && c.consents.length > 0)).toBe(true);
  });

  it('has a past visit with named and anonymous contacts, final notes and cases under Serviceloven', async () => {
    const records = await pulledAs('mette');
    const kinds = records('contact').map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['named', 'anonymous']));
    expect(records('visit').every((v) => typeof v.endedAt === 'string')).toBe(true);
    expect(records('note').every((n) => n.status === 'final')).toBe(true);
    expect(new Set(records('case').map((c) => c.legalBasis)).size).toBeGreaterThan(3);
  });

  it('keeps locations and schedule slots in the shared scope, which every user pulls', async () => {
    for (const user of ['sara', 'lone']) {
      const locations = (await pulledAs(user))('location');
      expect(locations.length, user).toBeGreaterThan(0);
      expect(locations.every((l) => l.teamId === 'shared')).toBe(true);
    }
  });

  it('has an administrator, Lone, who sees no case data of Syd or Nord, and Anders in two teams', async () => {
    const lone = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username: 'lone', password: 'demo' },
    });
    expect(lone.json()).toMatchObject({ user: { role: 'admin', teamId: 'odense-vest' } });
    expect((await pulledAs('lone'))('citizen')).toEqual([]);
    const anders = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username: 'anders', password: 'demo' },
    });
    expect(
      anders.json<{ user: { teams: { id: string }[] } }>().user.teams.map((t) => t.id),
    ).toEqual(['odense-syd', 'odense-vest']);
  });

  it('refuses to load the demo a second time', async () => {
    await expect(seedDemo(f.database)).rejects.toBeInstanceOf(SeedError);
  });
});
