import type { EntityName } from '../../domain/entities';
import type { DemoUserId } from './demoUsers';

/** One create the seed sends through the sync service, as the given caseworker. */
export interface DemoWrite {
  user: DemoUserId;
  entity: EntityName;
  id: string;
  fields: Record<string, unknown>;
}
