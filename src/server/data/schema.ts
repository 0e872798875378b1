import type { Generated, Kysely } from 'kysely';
import type { Role } from '../../domain/user';

/**
 * The server's tables. Portable types only, so one set of migrations and queries serves SQLite
 * and PostgreSQL: ids and instants are text (ISO-8601 UTC, which sorts like time), booleans are
 * 0/1 integers, JSON is text.
 */
export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  /** The default team, one of the user's teams; null while the user has none (migration 0012). */
  team_id: string | null;
  role: Role;
  /** `app`, or `provider` when the provider's group claim set it (auth/groupMapping.ts). */
  role_source: Generated<MembershipSource>;
  /** `scrypt$N$r$p$salt$hash`, base64 parts (see auth/password.ts). */
  password_hash: string;
  created_at: string;
  /** 1: the password was set by an administrator; the user must choose their own at login. */
  must_change_password: Generated<number>;
  /** Set when an administrator deactivated the user: no login, no session. */
  deactivated_at: string | null;
}

export interface SessionsTable {
  /** sha256 of the bearer token: a leaked database does not leak usable tokens. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** The device the session was opened on (null for sessions older than migration 0002). */
  device_id: string | null;
  /** Set by logout or an administrator: the token is refused from then on. */
  revoked_at: string | null;
}

/** Who set a membership or a role: an administrator or lead in Fremskudt, or the provider. */
export type MembershipSource = 'app' | 'provider';

/** Which teams a user belongs to; users.team_id is their default team, also listed here. */
export interface UserTeamsTable {
  user_id: string;
  team_id: string;
  added_at: string;
  /** `provider`: from the group claim at sign-in; the app cannot remove it (migration 0012). */
  source: Generated<MembershipSource>;
}

/** A (user, device) pair that has signed in; the id is the one the device sends at login. */
export interface DevicesTable {
  id: string;
  user_id: string;
  /** base64url random; the device wraps its local data key with it too. */
  secret: string;
  label: string | null;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** Failed logins per username (known or not, so the table reveals nothing about accounts). */
export interface LoginThrottleTable {
  username: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** Login attempts per client IP and minute (migration 0004): the per-IP limit of every process. */
export interface LoginIpWindowTable {
  ip: string;
  /** The window's first instant (ISO, a whole minute). */
  window_start: string;
  attempts: number;
}

/** A provider's subject (oid or sub) linked to a Fremskudt user (single sign-on). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

/** A browser sign-in sent to the provider and not yet back: what the callback must match. */
export interface OidcLoginsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}

/** A validated sign-in waiting for the app to collect its session (once, within a minute). */
export interface OidcHandoffsTable {
  /** sha256 of the one-time code, which travels only in an HttpOnly cookie. */
  code_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface RecordsTable {
  entity: string;
  id: string;
  team_id: string;
  version: number;
  deleted: number;
  /** The whole record as pulled (JSON). */
  data: string;
  /** Per field: { version, deviceId } of its last change (JSON), for the merge rules. */
  field_versions: string;
  updated_seq: number;
}

/**
 * The counted fields of every live contact, copied from its record by triggers (migration 0013)
 * for the statistics report; never written by the application.
 */
export interface StatisticsContactsTable {
  id: string;
  team_id: string;
  at: string | null;
  location_id: string | null;
  kind: string | null;
  age_group: string | null;
  gender: string | null;
  citizen_id: string | null;
  /** The contact's topics as JSON text (an array). */
  topics: string | null;
}

export interface ChangesTable {
  /** Assigned in commit order (see data/writeTransaction.ts): a reader never skips one. */
  seq: number;
  team_id: string;
  entity: string;
  record_id: string;
  op: 'upsert' | 'delete' | 'evict' | 'erase';
  version: number;
  /** The record as of this change (JSON), null for a tombstone. */
  data: string | null;
  created_at: string;
}

/**
 * SQLite only (migration 0003): the last change-log seq handed out, one row with id 1. PostgreSQL
 * uses the sequence `changes_seq` instead.
 */
export interface ChangeSeqTable {
  id: number;
  last: number;
}

export interface AppliedMutationsTable {
  mutation_id: string;
  device_id: string;
  user_id: string;
  /** The MutationResult first answered (JSON); a retry gets exactly this. */
  result: string;
  applied_at: string;
}

export interface RejectedMutationsTable {
  mutation_id: string;
  device_id: string;
  user_id: string;
  team_id: string;
  entity: string;
  record_id: string;
  op: string;
  /** The whole mutation as sent (JSON): the server keeps a copy of everything it refused. */
  mutation: string;
  code: string;
  message: string;
  issues: string | null;
  rejected_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  team_id: string | null;
  action: string;
  entity: string | null;
  record_id: string | null;
  request_id: string | null;
  detail: string | null;
  /** The citizen the entry concerns, where known: the per-citizen access view reads by it. */
  citizen_id: string | null;
  device_id: string | null;
}

/** A citizen a pulled page carried, pointing at the page's `pull` row in audit_log. */
export interface AuditDeliveriesTable {
  citizen_id: string;
  /** The `pull` row's time, copied so the view orders and retention deletes by this table alone. */
  at: string;
  audit_id: string;
}

/** A pulled page's citizens not yet folded into `audit_deliveries` (migration 0014). */
export interface AuditDeliveriesStagedTable {
  audit_id: string;
  /** The `pull` row's time. */
  at: string;
  /** The citizen ids, a JSON array of strings. */
  citizens: string;
}

/** A scheduled job's lease (retention/jobLease.ts): who runs it, until when at most. */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Per scope: the highest seq of a tombstone compaction removed (retention/compactChangeLog.ts). */
export interface ChangeLogHorizonTable {
  team_id: string;
  seq: number;
}

/**
 * A citizen the retention job proposes for erasure (retention/erasureProposals.ts): no activity
 * since `last_activity_at` and every final note carried over. Open while `dismissed_at` is null;
 * a lead's dismissal keeps the row, so the job does not propose the citizen again before
 * `dismissed_until`.
 */
export interface ErasureProposalsTable {
  citizen_id: string;
  team_id: string;
  proposed_at: string;
  last_activity_at: string;
  /** The citizen's notes (all carried over) when proposed. */
  notes: number;
  dismissed_at: string | null;
  dismissed_by: string | null;
  dismissed_until: string | null;
}

export interface Schema {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_teams: UserTeamsTable;
  devices: DevicesTable;
  login_throttle: LoginThrottleTable;
  login_ip_window: LoginIpWindowTable;
  user_identities: UserIdentitiesTable;
  oidc_logins: OidcLoginsTable;
  oidc_handoffs: OidcHandoffsTable;
  records: RecordsTable;
  statistics_contacts: StatisticsContactsTable;
  changes: ChangesTable;
  change_seq: ChangeSeqTable;
  applied_mutations: AppliedMutationsTable;
  rejected_mutations: RejectedMutationsTable;
  audit_log: AuditLogTable;
  audit_deliveries: AuditDeliveriesTable;
  audit_deliveries_staged: AuditDeliveriesStagedTable;
  job_leases: JobLeasesTable;
  change_log_horizon: ChangeLogHorizonTable;
  erasure_proposals: ErasureProposalsTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** The one data-access handle the server passes around. */
export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** log2 of scrypt's N for the password hashes this server writes (PASSWORD_HASH_COST). */
  passwordHashCost: number;
  close(): Promise<void>;
}
