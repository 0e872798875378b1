import { z } from 'zod';
import { DateOnlySchema, IdSchema, TeamIdSchema } from '../domain/common';
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

export interface NamedRow {
  id: string;
  name: string;
}

/**
 * The report. Every count of people is already protected (domain/smallNumbers): the server never
 * sends a withheld value. Tables have one column per month of `months`.
 */
export interface StatisticsReport {
  from: string;
  to: string;
  months: string[];
  /** When the server computed it: contacts synced after this (or still on a device) are not in it. */
  computedAt: string;
  threshold: number;
  teams: NamedRow[];
  locations: NamedRow[];
  /** Rows: `locations`. */
  contactsByLocation: ProtectedTable;
  /** Rows: CONTACT_KINDS. */
  contactsByKind: ProtectedTable;
  /** Rows: AGE_GROUPS (domain/contact). */
  contactsByAgeGroup: ProtectedTable;
  /** Rows: GENDERS. */
  contactsByGender: ProtectedTable;
  /** Rows: CONTACT_TOPICS; a contact may have several topics, so these count mentions. */
  contactsByTopic: ProtectedTable;
  /** Distinct named citizens met in the period, per location (`locations`) and in all. */
  distinctCitizens: { byLocation: PublishedCount[]; total: PublishedCount };
  /** Staff work, not people: visits held and hours spent per location (rows) and month. */
  visits: { counts: number[][]; hours: number[][] };
  /** Rows: FOLLOW_UP_MEASURES, each row protected on its own (the rows do not add up). */
  followUps: ProtectedTable[];
  /** Journal notes written per team (`teams`) and month. */
  notesByTeam: ProtectedTable;
}
