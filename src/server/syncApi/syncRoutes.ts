import type { FastifyInstance } from 'fastify';
import {
  PullQuerySchema,
  PushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '../../protocol/sync';
import { writeAudit } from '../audit/audit';
import { requireUser } from '../auth/authHook';
import type { Database } from '../data/schema';
import { pullChanges, summarizeDelivery } from './pullChanges';
import { pushMutations } from './pushMutations';

export function registerSyncRoutes(app: FastifyInstance, database: Database): void {
  app.post('/api/sync/push', async (request): Promise<PushResponse> => {
    const user = requireUser(request);
    const body = PushRequestSchema.parse(request.body);
    const results = await pushMutations(database, body.mutations, { user, requestId: request.id });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    await writeAudit(database.db, {
      action: 'push',
      userId: user.id,
      teamId: user.teamId,
      requestId: request.id,
      detail: {
        deviceId: body.deviceId,
        mutations: results.length,
        applied: count('applied'),
        conflicts: count('conflict'),
        rejected: count('rejected'),
      },
    });
    return { results, serverTime: new Date().toISOString() };
  });

  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const user = requireUser(request);
    const query = PullQuerySchema.parse(request.query);
    const response = await pullChanges(database, user.teamId, query);
    // Every delivery of case data to a device is a read: log which records went out.
    await writeAudit(database.db, {
      action: 'pull',
      userId: user.id,
      teamId: user.teamId,
      requestId: request.id,
      detail: {
        after: query.after,
        cursor: response.cursor,
        count: response.changes.length,
        records: summarizeDelivery(response.changes),
      },
    });
    return response;
  });
}
