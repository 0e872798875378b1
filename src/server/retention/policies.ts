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
  >,
): RetentionPolicy[] {
  return [
    { kind: 'audit-log', days: config.AUDIT_RETENTION_DAYS },
    { kind: 'refused-changes', days: config.REJECTED_RETENTION_DAYS },
    { kind: 'devices', days: config.DEVICE_RETENTION_DAYS },
    { kind: 'change-log-versions', days: config.CHANGE_LOG_HORIZON_DAYS },
    { kind: 'change-log-tombstones', days: config.CHANGE_LOG_HORIZON_DAYS },
  ];
}
