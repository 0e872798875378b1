import type { RetentionPolicy } from '../../protocol/admin';
import type { Config } from '../config';

/**
 * The retention rules the retention job applies (retentionJob.ts), as administrators read them in
 * the app. Only rules that are enforced are listed; docs/security.md says what is still open.
 */
export function retentionPolicies(
  config: Pick<
    Config,
    | 'AUDIT_RETENTION_DAYS'
    | 'REJECTED_RETENTION_DAYS'
    | 'DEVICE_RETENTION_DAYS'
    | 'CHANGE_LOG_HORIZON_DAYS'
    | 'ERASURE_PROPOSAL_INACTIVE_DAYS'
    | 'ERASURE_PROPOSAL_DISMISS_DAYS'
    | 'ANONYMOUS_CONTACT_DETAIL_DAYS'
  >,
): RetentionPolicy[] {
  return [
    { kind: 'audit-log', days: config.AUDIT_RETENTION_DAYS },
    { kind: 'refused-changes', days: config.REJECTED_RETENTION_DAYS },
    { kind: 'devices', days: config.DEVICE_RETENTION_DAYS },
    { kind: 'change-log-versions', days: config.CHANGE_LOG_HORIZON_DAYS },
    { kind: 'change-log-tombstones', days: config.CHANGE_LOG_HORIZON_DAYS },
    { kind: 'erasure-proposal', days: config.ERASURE_PROPOSAL_INACTIVE_DAYS },
    { kind: 'erasure-proposal-dismissal', days: config.ERASURE_PROPOSAL_DISMISS_DAYS },
    { kind: 'anonymous-contact-details', days: config.ANONYMOUS_CONTACT_DETAIL_DAYS },
  ];
}
