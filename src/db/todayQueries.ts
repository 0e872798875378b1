import type { Citizen, FollowUp } from '../domain';
import { db } from './database';
import type { StoredRow } from './vault/rowCodec';

/**
 * Live queries must do every IndexedDB read before the first WebCrypto await (a read after it
 * may not be observed), so these read rows, use the clear index fields (citizenId, dates) to
 * find the citizens, read those too, and unseal only at the end.
 */

const text = (row: StoredRow, field: string) => {
  const value = row[field];
  return typeof value === 'string' ? value : undefined;
};

export interface RecentEvent {
  citizenId: string;
  at: string;
}

/** The citizens met most recently (newest notes and named contacts), newest first. */
export async function recentCitizens(
  scan: number,
  shown: number,
): Promise<{ citizen: Citizen; at: string }[]> {
  const [notes, contacts] = await Promise.all([
    db.notes.orderBy('occurredAt').reverse().limit(scan).toArray(),
    db.contacts.orderBy('at').reverse().limit(scan).toArray(),
  ]);
  const events: RecentEvent[] = [];
  for (const n of notes) {
    const citizenId = text(n, 'citizenId');
    const at = text(n, 'occurredAt');
    if (citizenId && at) events.push({ citizenId, at });
  }
  for (const c of contacts) {
    const citizenId = text(c, 'citizenId');
    const at = text(c, 'at');
    if (citizenId && at) events.push({ citizenId, at });
  }
  events.sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Map<string, string>();
  for (const e of events) if (!seen.has(e.citizenId)) seen.set(e.citizenId, e.at);
  const ids = [...seen.keys()].slice(0, shown);
  const rows = await db.citizens.bulkGet(ids);
  const citizens = await db.unsealAll<Citizen>(
    'citizens',
    rows.filter((r) => r !== undefined),
  );
  return citizens.map((citizen) => ({ citizen, at: seen.get(citizen.id) ?? '' }));
}

/** Open follow-ups due on or before `date`, oldest first, with the citizens they are about. */
export async function openFollowUpsWithCitizens(
  date: string,
): Promise<{ followUps: FollowUp[]; citizens: Map<string, Citizen> }> {
  const rows = await db.followUps.where('dueOn').belowOrEqual(date).sortBy('dueOn');
  const ids = [...new Set(rows.map((r) => text(r, 'citizenId')).filter((id) => id !== undefined))];
  const citizenRows = await db.citizens.bulkGet(ids);
  const [all, citizens] = await Promise.all([
    db.unsealAll<FollowUp>('followUps', rows),
    db.unsealAll<Citizen>(
      'citizens',
      citizenRows.filter((r) => r !== undefined),
    ),
  ]);
  return {
    followUps: all.filter((f) => f.doneAt === undefined),
    citizens: new Map(citizens.map((c) => [c.id, c])),
  };
}
