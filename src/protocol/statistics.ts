import { z } from 'zod';
import { DateOnlySchema, IdSchema, InstantSchema, TeamIdSchema } from '../domain/common';
import { MAX_REPORT_MONTHS } from '../domain/statisticsPeriod';
import type { ProtectedTable, PublishedCount } from '../domain/smallNumbers';

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(4_000)
    .transform((s) => s.split(',').filter((v) => v !== ''))
    .pipe(z.array(item).max(200));

/** GET /api/statistics query: the period (dates, both included) and optional filters. */
export const StatisticsQuerySchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  /** Team ids, comma-separated; absent: every team the user may see. */
  teams: list(TeamIdSchema).optional(),
  /** Location ids, comma-separated; absent: every location. */
  locations: list(IdSchema).optional(),
});
export type StatisticsQuery = z.input<typeof StatisticsQuerySchema>;

export const FOLLOW_UP_MEASURES = ['created', 'doneOnTime', 'overdue'] as const;
export type FollowUpMeasure = (typeof FOLLOW_UP_MEASURES)[number];
export const CONTACT_KINDS = ['named', 'anonymous'] as const;

const PublishedCountSchema = z.union([
  z.number().nonnegative(),
  z.literal('small'),
  z.literal('hidden'),
]) satisfies z.ZodType<PublishedCount>;
const counts = z.array(PublishedCountSchema).max(500);
export const ProtectedTableSchema = z.object({
  cells: z.array(counts).max(500),
  rowTotals: counts,
  columnTotals: counts,
  total: PublishedCountSchema,
}) satisfies z.ZodType<ProtectedTable>;

export const NamedRowSchema = z.object({ id: z.string().max(64), name: z.string().max(200) });
export type NamedRow = z.infer<typeof NamedRowSchema>;

/**
 * The report. Every count of people is already protected (domain/smallNumbers): the server never
 * sends a withheld value. Tables have one column per month of `months`.
 */
export const StatisticsReportSchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)).max(MAX_REPORT_MONTHS),
  /** When the server computed it: contacts synced later, or still only on a device, are not in it. */
  computedAt: InstantSchema,
  threshold: z.number().int().positive(),
  /** The teams counted. */
  teams: z.array(NamedRowSchema).max(200),
  /** Every team the user may choose (a lead: their teams; an administrator: all). */
  availableTeams: z.array(NamedRowSchema).max(200),
  locations: z.array(NamedRowSchema).max(500),
  /** Rows: `locations`. */
  contactsByLocation: ProtectedTableSchema,
  /** Rows: CONTACT_KINDS. */
  contactsByKind: ProtectedTableSchema,
  /** Rows: AGE_GROUPS (domain/contact). */
  contactsByAgeGroup: ProtectedTableSchema,
  /** Rows: GENDERS. */
  contactsByGender: ProtectedTableSchema,
  /** Rows: CONTACT_TOPICS; a contact may have several topics, so these count mentions. */
  contactsByTopic: ProtectedTableSchema,
  /** Distinct named citizens met in the period, per location (`locations`) and in all. */
  distinctCitizens: z.object({ byLocation: counts, total: PublishedCountSchema }),
  /** Staff work, not people: visits held and hours spent per location (rows) and month. */
  visits: z.object({
    counts: z.array(z.array(z.number()).max(500)).max(500),
    hours: z.array(z.array(z.number()).max(500)).max(500),
  }),
  /** Rows: FOLLOW_UP_MEASURES, each protected on its own (the measures do not add up). */
  followUps: z.array(ProtectedTableSchema).length(FOLLOW_UP_MEASURES.length),
  /** Journal notes written per team (`teams`) and month. */
  notesByTeam: ProtectedTableSchema,
});
export type StatisticsReport = z.infer<typeof StatisticsReportSchema>;
