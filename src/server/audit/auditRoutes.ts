import type { FastifyInstance } from 'fastify';
import { AuditEventsRequestSchema, type AuditEventsResponse } from '../../protocol/audit';
import { requireUser } from '../auth/authHook';
import type { Database } from '../data/schema';

/**
 * Devices report the reads and searches they did on their local copy. Stored under the event's
 * own id, so a resent batch stores nothing twice.
 */
export function registerAuditRoutes(app: FastifyInstance, database: Database): void {
  app.post('/api/audit/events', async (request): Promise<AuditEventsResponse> => {
    const user = requireUser(request);
    const body = AuditEventsRequestSchema.parse(request.body);
    const receivedAt = new Date().toISOString();
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
}
