import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import type {
  DismissProposalResponse,
  ErasureProposalsResponse,
  RetentionPoliciesResponse,
} from '../../protocol/admin';
import { auditAdmin } from '../admin/adminAudit';
import { requireRole } from '../auth/authHook';
import type { Config } from '../config';
import type { Database } from '../data/schema';
import { dismissProposal, openProposals } from './erasureProposals';
import { retentionPolicies } from './policies';

const ProposalParams = z.object({ citizenId: IdSchema });

/**
 * The retention rules in force (read-only), and the erasure proposals of the retention job: a
 * lead reads their teams' and dismisses one (audited); confirming one is the citizen's erasure
 * (POST /api/citizens/:id/erase), which settles the proposal.
 */
export function registerRetentionRoutes(
  app: FastifyInstance,
  config: Config,
  database: Database,
): void {
  app.get('/api/retention/policies', (request, reply) => {
    requireRole(request, ['admin', 'lead']);
    const body: RetentionPoliciesResponse = { policies: retentionPolicies(config) };
    return reply.send(body);
  });

  app.get('/api/retention/proposals', async (request): Promise<ErasureProposalsResponse> => {
    const by = requireRole(request, ['admin', 'lead']);
    return { proposals: await openProposals(database, by) };
  });

  app.post(
    '/api/retention/proposals/:citizenId/dismiss',
    async (request): Promise<DismissProposalResponse> => {
      const by = requireRole(request, ['admin', 'lead']);
      const { citizenId } = ProposalParams.parse(request.params);
      const { teamId, until } = await dismissProposal(database, citizenId, by, new Date(), config);
      await auditAdmin(
        database,
        { userId: by.id, deviceId: request.sessionDeviceId, requestId: request.id },
        'dismiss-erasure-proposal',
        { teamId },
        { citizenId, until },
      );
      return { citizenId, dismissedUntil: until };
    },
  );
}
