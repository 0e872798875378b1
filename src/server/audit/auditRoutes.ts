import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import {
  AuditEventsRequestSchema,
  CitizenAccessQuerySchema,
  type AuditEvent,
  type AuditEventsResponse,
  type CitizenAccessEntry,
  type CitizenAccessResponse,
} from '../../protocol/audit';
import { accessRequest } from './accessRequest';
import { requireUser } from '../auth/authHook';
import type { Config } from '../config';
import { chunkRows } from '../data/bindLimits';
import type { AuditLogTable, Database } from '../data/schema';
import { pullScopesOf } from '../syncApi/scope';
import { writeAudit, type AuditEntry } from './audit';
import { citizenAccessPage, requireAccessLogReader, toCsv } from './citizenAccess';

const CitizenParams = z.object({ id: IdSchema });
/** An export holds at most this many entries (the retention period bounds it anyway). */
const MAX_EXPORT_ENTRIES = 50_000;

/** How far ahead of the server's clock a device's event time may be: clocks drift a little. */
export const AUDIT_EVENT_MAX_SKEW_MS = 5 * 60_000;

interface EventRecord {
  teamId: string;
  /** The citizen the record is, or names. */
  citizenId: string | null;
}

/** The stored records the events name, by id: their team and the citizen they concern. */
async function recordsOf(
  database: Database,
  events: readonly AuditEvent[],
): Promise<Map<string, EventRecord>> {
  const found = new Map<string, EventRecord>();
  const ids = [...new Set(events.flatMap((e) => (e.recordId ? [e.recordId] : [])))];
  for (const chunk of chunkRows(ids, 1)) {
    const rows = await database.db
      .selectFrom('records')
      .select(['id', 'entity', 'team_id', 'data'])
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) {
      const named = (JSON.parse(r.data) as { citizenId?: unknown }).citizenId;
      const citizenId = r.entity === 'citizen' ? r.id : typeof named === 'string' ? named : null;
      found.set(r.id, { teamId: r.team_id, citizenId });
    }
  }
  return found;
}

type EventDecision =
  | { kind: 'store'; at: string; claimedAt?: string; citizenId: string | null }
  | { kind: 'forbidden'; record: EventRecord }
  | { kind: 'expired' };

/**
 * Whether a device-reported event goes into the audit log, and at what time. A read of a record
 * in a team the user is not in is refused (a caseworker must not write into the access log of
 * another team's citizen); a record the server does not have (created offline, not yet accepted)
 * concerns no one else's citizen and is kept. The event's time is the device's, bounded: more than
 * AUDIT_EVENT_MAX_SKEW_MS ahead of the server it is stored at the server's time (the claimed time
 * kept in the detail), and older than the retention period it is not stored at all: the
 * housekeeping would delete it at once.
 */
export function decideEvent(
  event: AuditEvent,
  record: EventRecord | undefined,
  scopes: readonly string[],
  now: Date,
  retentionDays: number,
): EventDecision {
  if (record && !scopes.includes(record.teamId)) return { kind: 'forbidden', record };
  const at = Date.parse(event.at);
  if (at < now.getTime() - retentionDays * 86_400_000) return { kind: 'expired' };
  const citizenId =
    record?.citizenId ?? (event.entity === 'citizen' ? (event.recordId ?? null) : null);
  if (at > now.getTime() + AUDIT_EVENT_MAX_SKEW_MS)
    return { kind: 'store', at: now.toISOString(), claimedAt: event.at, citizenId };
  return { kind: 'store', at: event.at, citizenId };
}

/**
 * Devices report the reads and searches they did on their local copy; leads and admins read a
 * citizen's access log. There is deliberately no route that changes or deletes an entry.
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  database: Database,
  config: Pick<Config, 'AUDIT_RETENTION_DAYS'>,
): void {
  app.post('/api/audit/events', async (request): Promise<AuditEventsResponse> => {
    const user = requireUser(request);
    const body = AuditEventsRequestSchema.parse(request.body);
    const now = new Date();
    const receivedAt = now.toISOString();
    const records = await recordsOf(database, body.events);
    const scopes = pullScopesOf(user);
    const deviceId = request.sessionDeviceId ?? body.deviceId;
    const rows: AuditLogTable[] = [];
    const forbidden: AuditEntry[] = [];
    let expired = 0;
    for (const e of body.events) {
      const decision = decideEvent(
        e,
        e.recordId ? records.get(e.recordId) : undefined,
        scopes,
        now,
        config.AUDIT_RETENTION_DAYS,
      );
      if (decision.kind === 'expired') expired++;
      else if (decision.kind === 'forbidden')
        forbidden.push({
          action: 'forbidden',
          userId: user.id,
          teamId: decision.record.teamId,
          entity: e.entity ?? null,
          recordId: e.recordId ?? null,
          citizenId: decision.record.citizenId,
          deviceId,
          requestId: request.id,
          detail: {
            eventId: e.id,
            eventAction: e.action,
            claimedAt: e.at,
            reason: 'An access-log event for a record of a team the user is not in',
          },
        });
      else
        rows.push({
          id: e.id,
          at: decision.at,
          user_id: user.id,
          team_id: user.teamId,
          action: e.action,
          entity: e.entity ?? null,
          record_id: e.recordId ?? null,
          request_id: request.id,
          citizen_id: decision.citizenId,
          device_id: deviceId,
          detail: JSON.stringify({
            deviceId: body.deviceId,
            receivedAt,
            ...(decision.claimedAt !== undefined ? { claimedAt: decision.claimedAt } : {}),
            ...(e.term !== undefined ? { term: e.term } : {}),
          }),
        });
    }
    // Stored under the event's own id, so a resent batch stores nothing twice.
    let stored = 0;
    if (rows.length > 0) {
      const result = await database.db
        .insertInto('audit_log')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      stored = Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    if (forbidden.length > 0) await writeAudit(database.db, forbidden, now);
    return {
      stored,
      ...(forbidden.length > 0 ? { refused: forbidden.length } : {}),
      ...(expired > 0 ? { expired } : {}),
    };
  });

  app.get('/api/audit/citizens/:id', async (request): Promise<CitizenAccessResponse> => {
    const user = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    const query = CitizenAccessQuerySchema.parse(request.query);
    await requireAccessLogReader(database, user, id);
    const page = await citizenAccessPage(database, id, query.limit, query.before);
    // Reading the access log is itself an access to the citizen's file.
    await writeAudit(database.db, {
      action: 'audit-view',
      userId: user.id,
      citizenId: id,
      entity: 'citizen',
      recordId: id,
      deviceId: request.sessionDeviceId,
      requestId: request.id,
    });
    return page;
  });

  app.get('/api/audit/citizens/:id/access-request', async (request, reply) => {
    const user = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    const file = await accessRequest(database, user, id, {
      requestId: request.id,
      deviceId: request.sessionDeviceId,
    });
    return reply
      .header('content-disposition', `attachment; filename="indsigt-${id}.json"`)
      .header('cache-control', 'no-store')
      .send(file);
  });

  app.get('/api/audit/citizens/:id/export', async (request, reply) => {
    const user = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    await requireAccessLogReader(database, user, id);
    const entries: CitizenAccessEntry[] = [];
    let before: string | undefined;
    do {
      const page = await citizenAccessPage(database, id, 500, before);
      entries.push(...page.entries);
      before = page.nextBefore;
    } while (before && entries.length < MAX_EXPORT_ENTRIES);
    await writeAudit(database.db, {
      action: 'audit-export',
      userId: user.id,
      citizenId: id,
      entity: 'citizen',
      recordId: id,
      deviceId: request.sessionDeviceId,
      requestId: request.id,
      detail: { entries: entries.length },
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="adgangslog-${id}.csv"`)
      .header('cache-control', 'no-store')
      .send(toCsv(entries));
  });
}
