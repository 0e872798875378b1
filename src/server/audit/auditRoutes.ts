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
import type { Database } from '../data/schema';
import { writeAudit } from './audit';
import { citizenAccessPage, requireAccessLogReader, toCsv } from './citizenAccess';

const CitizenParams = z.object({ id: IdSchema });
/** An export holds at most this many entries (the retention period bounds it anyway). */
const MAX_EXPORT_ENTRIES = 50_000;

/** The citizen each reported event concerns: the citizen read, or the one the record names. */
async function citizensOf(
  database: Database,
  events: readonly AuditEvent[],
): Promise<Map<string, string>> {
  const byRecord = new Map<string, string>();
  const ids = [
    ...new Set(events.filter((e) => e.recordId && e.entity !== 'citizen').map((e) => e.recordId!)),
  ];
  if (ids.length > 0) {
    const rows = await database.db
      .selectFrom('records')
      .select(['id', 'data'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) {
      const named = (JSON.parse(r.data) as { citizenId?: unknown }).citizenId;
      if (typeof named === 'string') byRecord.set(r.id, named);
    }
  }
  for (const e of events)
    if (e.entity === 'citizen' && e.recordId) byRecord.set(e.recordId, e.recordId);
  return byRecord;
}

/**
 * Devices report the reads and searches they did on their local copy; leads and admins read a
 * citizen's access log. There is deliberately no route that changes or deletes an entry.
 */
export function registerAuditRoutes(app: FastifyInstance, database: Database): void {
  app.post('/api/audit/events', async (request): Promise<AuditEventsResponse> => {
    const user = requireUser(request);
    const body = AuditEventsRequestSchema.parse(request.body);
    const receivedAt = new Date().toISOString();
    const citizens = await citizensOf(database, body.events);
    // Stored under the event's own id, so a resent batch stores nothing twice.
    const result = await database.db
      .insertInto('audit_log')
      .values(
        body.events.map((e) => ({
          id: e.id,
          at: e.at,
          user_id: user.id,
          team_id: user.teamId,
          action: e.action,
          entity: e.entity ?? null,
          record_id: e.recordId ?? null,
          request_id: request.id,
          citizen_id: e.recordId ? (citizens.get(e.recordId) ?? null) : null,
          device_id: request.sessionDeviceId ?? body.deviceId,
          detail: JSON.stringify({
            deviceId: body.deviceId,
            receivedAt,
            ...(e.term !== undefined ? { term: e.term } : {}),
          }),
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return { stored: Number(result.numInsertedOrUpdatedRows ?? 0) };
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
