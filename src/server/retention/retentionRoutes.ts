import type { FastifyInstance } from 'fastify';
import type { RetentionPoliciesResponse } from '../../protocol/admin';
import { requireRole } from '../auth/authHook';
import type { Config } from '../config';
import { retentionPolicies } from './policies';

/** The retention rules in force: read-only, for administrators and leads. */
export function registerRetentionRoutes(app: FastifyInstance, config: Config): void {
  app.get('/api/retention/policies', (request, reply) => {
    requireRole(request, ['admin', 'lead']);
    const body: RetentionPoliciesResponse = { policies: retentionPolicies(config) };
    return reply.send(body);
  });
}
