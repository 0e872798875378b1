import { z } from 'zod';
import {
  AuthConfigResponseSchema,
  AuditEventsResponseSchema,
  ErrorResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
  TeamMembersResponseSchema,
  AdminDevicesResponseSchema,
  AdminLogResponseSchema,
  AdminTeamMembersResponseSchema,
  AdminUsersResponseSchema,
  WaitingUsersResponseSchema,
  TeamsResponseSchema,
  type AdminLogQuery,
  type AdminLogResponse,
  type AdminTeamMembersResponse,
  type ChangePasswordRequest,
  type CreateTeamRequest,
  type CreateUserRequest,
  type TeamsResponse,
  CitizenAccessResponseSchema,
  AccessRequestFileSchema,
  type AccessRequestFile,
  type AuthConfigResponse,
  type OidcExchangeRequest,
  EraseCitizenResponseSchema,
  RetentionPoliciesResponseSchema,
  ErasureProposalsResponseSchema,
  DismissProposalResponseSchema,
  type ErasureProposalsResponse,
  type DismissProposalResponse,
  type EraseCitizenResponse,
  type RetentionPoliciesResponse,
  RescueImportResponseSchema,
  type AdminDevicesResponse,
  type AdminUsersResponse,
  type WaitingUsersResponse,
  type CitizenAccessResponse,
  type RescueImportRequest,
  type RescueImportResponse,
  type AuditEventsRequest,
  type AuditEventsResponse,
  type LoginResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type TeamMembersResponse,
} from '../protocol';
import type { Role } from '../domain/user';

import { ApiError } from './apiError';

export { ApiError, type ApiErrorCode } from './apiError';

export interface ApiClientOptions {
  /** Base URL of the server; '' for the same origin as the app. */
  baseUrl?: string;
  /**
   * Returns the current bearer token, if signed in. May be async so the sync engine (and the
   * service worker) can read it from the session in IndexedDB on every request.
   */
  token?: () => string | undefined | Promise<string | undefined>;
  /** fetch to use (tests inject a fault-injecting one). */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** The headers every API request carries: the protocol and schema versions, and the token. */
export function protocolHeaders(token?: string | null): Record<string, string> {
  return {
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [SCHEMA_HEADER]: String(SCHEMA_VERSION),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** A typed client for the server's API: every response is parsed with the shared schemas. */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = {
      ...protocolHeaders(await options.token?.()),
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (error) {
      const aborted = controller.signal.aborted;
      throw new ApiError(
        aborted ? 'timeout' : 'network',
        aborted ? `No answer within ${timeoutMs} ms` : String(error),
      );
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('bad-response', `Not JSON (HTTP ${response.status})`, response.status);
    }
    if (!response.ok) {
      const parsed = ErrorResponseSchema.safeParse(json);
      if (parsed.success) {
        throw new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
      }
      throw new ApiError('bad-response', `HTTP ${response.status}`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('bad-response', parsed.error.message, response.status);
    return parsed.data;
  }

  return {
    /** `deviceId`: the local profile's device id, so the server binds the session to it. */
    login: (username: string, password: string, deviceId?: string): Promise<LoginResponse> =>
      request('POST', '/api/auth/login', LoginResponseSchema, {
        username,
        password,
        ...(deviceId ? { deviceId } : {}),
      }),
    /** Whether the server offers single sign-on (and the provider's logout). No session needed. */
    authConfig: (): Promise<AuthConfigResponse> =>
      request('GET', '/api/auth/config', AuthConfigResponseSchema),
    /**
     * Collects the session of a finished single sign-on (the one-time code is in an HttpOnly
     * cookie); `devices`: this device's id per user already known here.
     */
    oidcExchange: (devices: OidcExchangeRequest['devices']): Promise<LoginResponse> =>
      request('POST', '/api/auth/oidc/exchange', LoginResponseSchema, { devices }),
    /** Revokes this session on the server (logout); the answer's body is not needed. */
    logout: (): Promise<unknown> => request('POST', '/api/auth/logout', z.unknown(), {}),
    me: () => request('GET', '/api/auth/me', MeResponseSchema),
    push: (body: PushRequest): Promise<PushResponse> =>
      request('POST', '/api/sync/push', PushResponseSchema, body),
    /** `cursor`: the previous page's `nextCursor` (INITIAL_PULL_CURSOR on a first pull). */
    pull: (limit: number, cursor: string): Promise<PullResponse> =>
      request(
        'GET',
        `/api/sync/pull?limit=${limit}&cursor=${encodeURIComponent(cursor)}`,
        PullResponseSchema,
      ),
    /** Reports reads and searches done on the device; a resent event is stored once. */
    sendAuditEvents: (body: AuditEventsRequest): Promise<AuditEventsResponse> =>
      request('POST', '/api/audit/events', AuditEventsResponseSchema, body),
    /** The signed-in user's team, for showing names instead of user ids. */
    teamMembers: (): Promise<TeamMembersResponse> =>
      request('GET', '/api/team/members', TeamMembersResponseSchema),
    /**
     * A cheap probe while backing off: resolves when the server answers at all (any JSON body),
     * throws ApiError('network' | 'timeout') when it does not.
     */
    health: (): Promise<unknown> => request('GET', '/healthz', z.unknown()),
    /** A citizen's access log, newest first (lead of the citizen's team, or admin; online only). */
    citizenAccessLog: (citizenId: string, before?: string): Promise<CitizenAccessResponse> =>
      request(
        'GET',
        `/api/audit/citizens/${encodeURIComponent(citizenId)}${
          before ? `?before=${encodeURIComponent(before)}` : ''
        }`,
        CitizenAccessResponseSchema,
      ),
    /**
     * The citizen's access request (GDPR art. 15) from the server: every record the requester
     * may see, their history, what was left out and why, and the access log. Audited by the
     * server as `access-request` (lead of the citizen's team, or admin; online only).
     */
    accessRequest: (citizenId: string): Promise<AccessRequestFile> =>
      request(
        'GET',
        `/api/audit/citizens/${encodeURIComponent(citizenId)}/access-request`,
        AccessRequestFileSchema,
      ),
    /**
     * The access log as CSV. Fetched with the bearer token in the header and handed back as a
     * Blob to save: the token never goes into a URL (a download link would need it there).
     */
    exportCitizenAccessLog: async (citizenId: string): Promise<Blob> => {
      const token = await options.token?.();
      let response: Response;
      try {
        response = await doFetch(
          `${baseUrl}/api/audit/citizens/${encodeURIComponent(citizenId)}/export`,
          {
            headers: protocolHeaders(token),
            cache: 'no-store',
          },
        );
      } catch (error) {
        throw new ApiError('network', String(error));
      }
      if (!response.ok) {
        const parsed = ErrorResponseSchema.safeParse(await response.json().catch(() => null));
        throw parsed.success
          ? new ApiError(parsed.data.error.code, parsed.data.error.message, response.status)
          : new ApiError('bad-response', `HTTP ${response.status}`, response.status);
      }
      return response.blob();
    },
    adminUsers: (): Promise<AdminUsersResponse> =>
      request('GET', '/api/admin/users', AdminUsersResponseSchema),
    /** Users with no team yet (admin or lead), to add to a team. */
    waitingUsers: (): Promise<WaitingUsersResponse> =>
      request('GET', '/api/admin/users/waiting', WaitingUsersResponseSchema),
    adminDevices: (): Promise<AdminDevicesResponse> =>
      request('GET', '/api/admin/devices', AdminDevicesResponseSchema),
    /** Blocks a lost device: its sessions end and it wipes its data at next contact. */
    revokeDevice: (userId: string, deviceId: string): Promise<unknown> =>
      request(
        'POST',
        `/api/admin/users/${encodeURIComponent(userId)}/devices/${encodeURIComponent(deviceId)}/revoke`,
        z.unknown(),
      ),
    /** A user replaces their password (an initial one included); no session needed. */
    changePassword: (body: ChangePasswordRequest): Promise<unknown> =>
      request('POST', '/api/auth/password', z.unknown(), body),
    createUser: (body: CreateUserRequest): Promise<unknown> =>
      request('POST', '/api/admin/users', z.unknown(), body),
    setUserActive: (userId: string, active: boolean): Promise<unknown> =>
      request('PUT', `${userPath(userId)}/active`, z.unknown(), { active }),
    setUserRole: (userId: string, role: Role): Promise<unknown> =>
      request('PUT', `${userPath(userId)}/role`, z.unknown(), { role }),
    setUserTeams: (userId: string, teams: string[]): Promise<unknown> =>
      request('PUT', `${userPath(userId)}/teams`, z.unknown(), { teams }),
    resetPassword: (userId: string, password: string, mustChangePassword: boolean) =>
      request('POST', `${userPath(userId)}/password`, z.unknown(), {
        password,
        mustChangePassword,
      }),
    /** Ends every session of the user (they must sign in again). */
    revokeSessions: (userId: string): Promise<unknown> =>
      request('POST', `${userPath(userId)}/revoke-sessions`, z.unknown()),
    /** Moves a citizen and every record naming it (admin, or lead of both teams). */
    moveCitizen: (citizenId: string, teamId: string): Promise<unknown> =>
      request('POST', `/api/citizens/${encodeURIComponent(citizenId)}/move`, z.unknown(), {
        teamId,
      }),
    /** Every team for an administrator; the teams they lead for a lead. */
    adminTeams: (): Promise<TeamsResponse> =>
      request('GET', '/api/admin/teams', TeamsResponseSchema),
    createTeam: (body: CreateTeamRequest): Promise<unknown> =>
      request('POST', '/api/admin/teams', z.unknown(), body),
    renameTeam: (teamId: string, name: string): Promise<unknown> =>
      request('PUT', teamPath(teamId), z.unknown(), { name }),
    adminTeamMembers: (teamId: string): Promise<AdminTeamMembersResponse> =>
      request('GET', `${teamPath(teamId)}/members`, AdminTeamMembersResponseSchema),
    addTeamMember: (teamId: string, user: string): Promise<unknown> =>
      request('POST', `${teamPath(teamId)}/members`, z.unknown(), { user }),
    removeTeamMember: (teamId: string, userId: string): Promise<unknown> =>
      request('DELETE', `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`, z.unknown()),
    /** The administration log, newest first (admins: all; leads: their teams'). */
    adminLog: (query: AdminLogQuery = {}): Promise<AdminLogResponse> => {
      const params = new URLSearchParams();
      const { limit, ...named } = query;
      for (const [key, value] of Object.entries(named)) if (value) params.set(key, value);
      if (limit !== undefined) params.set('limit', String(limit));
      const qs = params.toString();
      return request('GET', `/api/admin/log${qs ? `?${qs}` : ''}`, AdminLogResponseSchema);
    },
    /** Erases a citizen and every record naming it, for good (a lead of the team or an admin). */
    eraseCitizen: (citizenId: string): Promise<EraseCitizenResponse> =>
      request(
        'POST',
        `/api/citizens/${encodeURIComponent(citizenId)}/erase`,
        EraseCitizenResponseSchema,
        { confirmCitizenId: citizenId },
      ),
    retentionPolicies: (): Promise<RetentionPoliciesResponse> =>
      request('GET', '/api/retention/policies', RetentionPoliciesResponseSchema),
    /** The retention job's open erasure proposals the user may act on (lead, administrator). */
    erasureProposals: (): Promise<ErasureProposalsResponse> =>
      request('GET', '/api/retention/proposals', ErasureProposalsResponseSchema),
    /** Keeps the citizen: the proposal is dismissed (audited) and not made again for a while. */
    dismissErasureProposal: (citizenId: string): Promise<DismissProposalResponse> =>
      request(
        'POST',
        `/api/retention/proposals/${encodeURIComponent(citizenId)}/dismiss`,
        DismissProposalResponseSchema,
      ),
    /** Applies a device's rescue file on the server (administrator; each change at most once). */
    rescueImport: (body: RescueImportRequest): Promise<RescueImportResponse> =>
      request('POST', '/api/admin/rescue-import', RescueImportResponseSchema, body),
  };
}

const userPath = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}`;
const teamPath = (teamId: string) => `/api/admin/teams/${encodeURIComponent(teamId)}`;

export type ApiClient = ReturnType<typeof createApiClient>;
