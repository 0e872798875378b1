import { z } from 'zod';
import { IdSchema, InstantSchema, SHORT_TEXT_MAX } from '../domain/common';
import { EntityNameSchema } from '../domain/entities';
import { DeviceIdSchema } from './sync';

/**
 * Reads and searches happen on the device, from its local copy, often offline. Datatilsynet's
 * guidance asks for them to be logged all the same, so the device queues these events and sends
 * them when online. The event id makes a resend harmless.
 */
export const AuditEventSchema = z.object({
  id: IdSchema,
  action: z.enum(['read', 'search', 'export']),
  entity: EntityNameSchema.optional(),
  recordId: IdSchema.optional(),
  /** The search term, for `search` (citizens may ask what was looked up about them). */
  term: z.string().max(SHORT_TEXT_MAX).optional(),
  at: InstantSchema,
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const MAX_AUDIT_EVENTS_PER_REQUEST = 500;

export const AuditEventsRequestSchema = z.object({
  deviceId: DeviceIdSchema,
  events: z.array(AuditEventSchema).min(1).max(MAX_AUDIT_EVENTS_PER_REQUEST),
});
export type AuditEventsRequest = z.infer<typeof AuditEventsRequestSchema>;

export const AuditEventsResponseSchema = z.object({
  /** How many events the server stored now (resent ones are not counted twice). */
  stored: z.number().int().min(0),
  /**
   * Events refused because they name a record of a team the user is not in (each audited as
   * `forbidden`); absent when none. The device drops them like the stored ones.
   */
  refused: z.number().int().min(0).optional(),
  /** Events older than the server's audit retention: not stored (they would be purged at once). */
  expired: z.number().int().min(0).optional(),
});
export type AuditEventsResponse = z.infer<typeof AuditEventsResponseSchema>;

/** One entry of a citizen's access log, as a lead or an administrator sees it. */
export const CitizenAccessEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** read, search, create, update, delete, deliver (sent to a device), move, forbidden, … */
  action: z.string(),
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
});
export type CitizenAccessEntry = z.infer<typeof CitizenAccessEntrySchema>;

export const CitizenAccessQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextBefore` of the previous page (older entries follow). */
  before: z.string().max(200).optional(),
});

export const CitizenAccessResponseSchema = z.object({
  entries: z.array(CitizenAccessEntrySchema),
  /** Send as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.string().optional(),
});
export type CitizenAccessResponse = z.infer<typeof CitizenAccessResponseSchema>;

/** What was left out of an access request, and why (GDPR art. 15 asks for a complete answer). */
export const OmittedRecordsSchema = z.object({
  /** `other-team`: in a team the requester may not see; `deleted`: a deleted record. */
  reason: z.enum(['other-team', 'deleted']),
  teamId: z.string(),
  entity: z.string(),
  count: z.number().int().min(0),
});
export type OmittedRecords = z.infer<typeof OmittedRecordsSchema>;

/**
 * A citizen's access request (GDPR art. 15), as the server answers
 * `GET /api/audit/citizens/:id/access-request` and as the app saves it (`indsigt-<id>.json`).
 */
export const AccessRequestFileSchema = z.object({
  kind: z.literal('fremskudt-access-request'),
  citizenId: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  requestedAt: InstantSchema,
  /** Every record about the citizen the requester may see, by entity, as the server holds it. */
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  /** Per record id: every version in the change log, oldest first (the whole history). */
  history: z.record(
    z.string(),
    z.array(z.object({ version: z.number(), op: z.string(), at: z.string() })),
  ),
  omitted: z.array(OmittedRecordsSchema),
  /** Everyone who read, wrote, printed or received the citizen's data, newest first. */
  accessLog: z.array(CitizenAccessEntrySchema),
});
export type AccessRequestFile = z.infer<typeof AccessRequestFileSchema>;
