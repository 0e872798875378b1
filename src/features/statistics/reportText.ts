import type { PublishedCount } from '../../domain/smallNumbers';
import type { StatisticsReport } from '../../protocol/statistics';
import { FOLLOW_UP_MEASURES } from '../../protocol/statistics';
import { AGE_GROUPS, CONTACT_TOPICS, GENDERS } from '../../domain/contact';
import type { Locale } from '../../stores/localeStore';
import { monthLabel, periodLabel } from './period';
import type { StatisticsT } from './statisticsText';

/** A withheld count's mark in tables, charts' labels, CSV and print alike. */
export const HIDDEN_MARK = '·';

/** How a published count reads in a cell: the number, "< 5", or the withheld mark. */
export function cellText(value: PublishedCount, threshold: number, locale: Locale): string {
  if (value === 'small') return `< ${threshold}`;
  if (value === 'hidden') return HIDDEN_MARK;
  return value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
}

/** How a published count reads in a sentence: "412", "under 5", "ikke oplyst". */
export function sentenceValue(
  value: PublishedCount,
  threshold: number,
  locale: Locale,
  t: StatisticsT,
): string {
  if (value === 'small') return t('statistics.value.small', { n: threshold });
  if (value === 'hidden') return t('statistics.value.hidden');
  return cellText(value, threshold, locale);
}

/** One table of the report as its caption, row names, and the published rows with totals. */
export interface ReportTableView {
  id: string;
  caption: string;
  rowHeading: string;
  rows: { name: string; cells: PublishedCount[]; total?: PublishedCount }[];
  /** The "I alt" row, when the rows add up. */
  totals?: { cells: PublishedCount[]; total: PublishedCount };
  /** Whether the table has a total column. */
  hasTotal: boolean;
}

/** Every table of the report, in reading order: the screen, the CSV and the print use this. */
export function reportTables(report: StatisticsReport, t: StatisticsT): ReportTableView[] {
  const withTotals = (
    id: string,
    caption: string,
    rowHeading: string,
    names: readonly string[],
    table: StatisticsReport['contactsByLocation'],
  ): ReportTableView => ({
    id,
    caption,
    rowHeading,
    hasTotal: true,
    rows: names.map((name, i) => ({
      name,
      cells: table.cells[i] ?? [],
      total: table.rowTotals[i] ?? 0,
    })),
    totals: { cells: table.columnTotals, total: table.total },
  });
  const sum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
  const round1 = (h: number) => Math.round(h * 10) / 10;
  const locations = report.locations.map((l) => l.name);
  return [
    withTotals(
      'by-location',
      t('statistics.table.byLocation'),
      t('statistics.col.location'),
      locations,
      report.contactsByLocation,
    ),
    withTotals(
      'by-kind',
      t('statistics.table.byKind'),
      t('statistics.col.measure'),
      [t('statistics.kind.named'), t('statistics.kind.anonymous')],
      report.contactsByKind,
    ),
    withTotals(
      'by-age',
      t('statistics.table.byAgeGroup'),
      t('statistics.col.measure'),
      AGE_GROUPS.map((a) => t(`statistics.age.${a}`)),
      report.contactsByAgeGroup,
    ),
    withTotals(
      'by-gender',
      t('statistics.table.byGender'),
      t('statistics.col.measure'),
      GENDERS.map((g) => t(`statistics.gender.${g}`)),
      report.contactsByGender,
    ),
    withTotals(
      'by-topic',
      t('statistics.table.byTopic'),
      t('statistics.col.measure'),
      CONTACT_TOPICS.map((c) => t(`statistics.topic.${c}`)),
      report.contactsByTopic,
    ),
    {
      id: 'distinct',
      caption: t('statistics.table.distinct'),
      rowHeading: t('statistics.col.location'),
      hasTotal: false,
      rows: [
        ...locations.map((name, i) => ({
          name,
          cells: [report.distinctCitizens.byLocation[i] ?? 0],
        })),
        { name: t('statistics.total'), cells: [report.distinctCitizens.total] },
      ],
    },
    {
      id: 'visits',
      caption: t('statistics.table.visits'),
      rowHeading: t('statistics.col.location'),
      hasTotal: true,
      rows: locations.map((name, i) => {
        const row = report.visits.counts[i] ?? [];
        return { name, cells: row, total: sum(row) };
      }),
      totals: {
        cells: report.months.map((_, c) => sum(report.visits.counts.map((r) => r[c] ?? 0))),
        total: sum(report.visits.counts.map(sum)),
      },
    },
    {
      id: 'hours',
      caption: t('statistics.table.hours'),
      rowHeading: t('statistics.col.location'),
      hasTotal: true,
      rows: locations.map((name, i) => {
        const row = report.visits.hours[i] ?? [];
        return { name, cells: row, total: round1(sum(row)) };
      }),
      totals: {
        cells: report.months.map((_, c) => round1(sum(report.visits.hours.map((r) => r[c] ?? 0)))),
        total: round1(sum(report.visits.hours.map(sum))),
      },
    },
    {
      id: 'follow-ups',
      caption: t('statistics.table.followUps'),
      rowHeading: t('statistics.col.measure'),
      hasTotal: true,
      rows: FOLLOW_UP_MEASURES.map((m, i) => ({
        name: t(`statistics.followUps.${m}`),
        cells: report.followUps[i]?.cells[0] ?? [],
        total: report.followUps[i]?.rowTotals[0] ?? 0,
      })),
    },
    withTotals(
      'notes',
      t('statistics.table.notes'),
      t('statistics.col.team'),
      report.teams.map((team) => team.name),
      report.notesByTeam,
    ),
  ];
}

/** The column headings of a table: the months, and "I alt" where the rows have totals. */
export function columnHeadings(
  report: StatisticsReport,
  table: ReportTableView,
  locale: Locale,
  t: StatisticsT,
): string[] {
  if (table.id === 'distinct') return [t('statistics.col.citizens')];
  return [
    ...report.months.map((m) => monthLabel(m, locale)),
    ...(table.hasTotal ? [t('statistics.total')] : []),
  ];
}

/** The short text summary ("I 3. kvartal 2026 mødte teamet 412 borgere, heraf 268 anonymt …"). */
export function reportSummary(report: StatisticsReport, locale: Locale, t: StatisticsT): string[] {
  const v = (value: PublishedCount) => sentenceValue(value, report.threshold, locale, t);
  const period = periodLabel(report.from, report.to, locale, t);
  const only = report.teams.length === 1 ? report.teams[0] : undefined;
  const who = only
    ? t('statistics.summary.oneTeam', { team: only.name })
    : t('statistics.summary.teams', { n: report.teams.length });
  const sum = (rows: number[][]) => rows.flat().reduce((a, b) => a + b, 0);
  const placesVisited = report.contactsByLocation.rowTotals.filter((x) => x !== 0).length;
  const [created, onTime, overdue] = report.followUps;
  // A sentence may begin with a protected value ("under 5 opfølgninger …").
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return [
    t('statistics.summary.contacts', {
      period,
      who,
      total: v(report.contactsByLocation.total),
      anonymous: v(report.contactsByKind.rowTotals[1] ?? 0),
      named: v(report.contactsByKind.rowTotals[0] ?? 0),
      distinct: v(report.distinctCitizens.total),
      locations: placesVisited,
    }),
    t('statistics.summary.visits', {
      visits: v(sum(report.visits.counts)),
      hours: v(Math.round(sum(report.visits.hours) * 10) / 10),
    }),
    t('statistics.summary.followUps', {
      created: v(created?.total ?? 0),
      onTime: v(onTime?.total ?? 0),
      overdue: v(overdue?.total ?? 0),
    }),
    t('statistics.summary.notes', { notes: v(report.notesByTeam.total) }),
  ].map(sentence);
}
