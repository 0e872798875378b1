import type { FastifyInstance } from 'fastify';
import { PullQuerySchema, PushRequestSchema, type PushResponse } from '../../protocol/sync';
import { writePullAudit } from '../audit/audit';
import { requireUser } from '../auth/authHook';
import type { Database } from '../data/schema';
import { pullChanges } from './pullChanges';
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

  app.get('/api/sync/pull', async (request, reply) => {
    const user = requireUser(request);
    const query = PullQuerySchema.parse(request.query);
    const page = await pullChanges(database, pullScopesOf(user), query);
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
          cursor: page.cursor,
          count: page.count,
          evictTeams: page.evictTeams,
          records: page.records,
        },
      },
      page.citizens,
    );
    // A PullResponse, already JSON (syncApi/pullChanges.ts says why).
    return reply.type('application/json; charset=utf-8').send(page.json);
  });
}
