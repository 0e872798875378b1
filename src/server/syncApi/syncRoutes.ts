import type { FastifyInstance } from 'fastify';
import {
  PullQuerySchema,
  PushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '../../protocol/sync';
import { writePullAudit } from '../audit/audit';
import { requireUser } from '../auth/authHook';
import type { Database } from '../data/schema';
import { citizensOfDelivery, pullChanges, summarizeDelivery } from './pullChanges';
import { pushMutations } from './pushMutations';
import { pullScopesOf } from './scope';

export function registerSyncRoutes(app: FastifyInstance, database: Database): void {
  app.post('/api/sync/push', async (request): Promise<PushResponse> => {
    const user = requireUser(request);
    const body = PushRequestSchema.parse(request.body);
    // The request's summary audit entry is written in the push's own transaction.
    const results = await pushMutations(database, body.mutations, {
      user,
      sessionDeviceId: request.sessionDeviceId,
      requestId: request.id,
      pushDeviceId: body.deviceId,
    });
    return { results, serverTime: new Date().toISOString() };
  });

  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const user = requireUser(request);
    const query = PullQuerySchema.parse(request.query);
    const response = await pullChanges(database, pullScopesOf(user), query);
    const deviceId = request.sessionDeviceId;
    // Every delivery of case data to a device is a read: the page's entry, and the citizens it
    // carried in a narrow index, so the citizen's access view shows "delivered to device X".
    await writePullAudit(
      database,
      {
        action: 'pull',
        userId: user.id,
        teamId: user.teamId,
        deviceId,
        requestId: request.id,
        detail: {
          cursor: response.cursor,
          count: response.changes.length,
          evictTeams: response.evictTeams,
          records: summarizeDelivery(response.changes),
        },
      },
      citizensOfDelivery(response.changes).keys(),
    );
    return response;
  });
}
