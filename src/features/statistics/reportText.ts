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

type Forms = 'citizens' | 'places' | 'hours' | 'visits' | 'created' | 'notes' | 'distinct';

/**
 * The short text summary ("I 3. kvartal 2026 mødte teamet Syd 412 borgere på 3 steder, heraf 268
 * anonymt og 144 med navn."), one string per subject. Protected numbers read as words: a small
 * count as "færre end 5", zero as "ingen"; a withheld count is left out of the text (its clause,
 * or its sentence), never said as a placeholder.
 */
export function reportSummary(report: StatisticsReport, locale: Locale, t: StatisticsT): string[] {
  const format = (n: number) => n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
  /** A count in a sentence: a number, "færre end 5", "ingen"; null when withheld. */
  const word = (value: PublishedCount): string | null => {
    if (value === 'hidden') return null;
    if (value === 'small') return t('statistics.value.small', { n: report.threshold });
    return value === 0 ? t('statistics.value.none') : format(value);
  };
  /** A count with its noun in the right number ("1 borger", "færre end 5 borgere"). */
  const counted = (forms: Forms, value: number | 'small', params = {}): string =>
    t(`statistics.summary.${forms}.${value === 1 ? 'one' : 'many'}`, {
      ...params,
      n: word(value)!,
    });
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const period = periodLabel(report.from, report.to, locale, t);
  const only = report.teams.length === 1 ? report.teams[0] : undefined;
  // "teamet Syd", but a team called "Fremskudt team Syd" is not "teamet Fremskudt team Syd".
  const who = !only
    ? t('statistics.summary.teams', { n: report.teams.length })
    : /\bteam\b/i.test(only.name)
      ? only.name
      : t('statistics.summary.oneTeam', { team: only.name });
  const sum = (rows: number[][]) => rows.flat().reduce((a, b) => a + b, 0);
  const lines: string[] = [];

  const total = report.contactsByLocation.total;
  if (total === 'hidden') lines.push(t('statistics.summary.contactsHidden', { period, who }));
  else if (total === 0) lines.push(t('statistics.summary.contactsNone', { period, who }));
  else {
    const [named = 0, anonymous = 0] = report.contactsByKind.rowTotals;
    const parts = [
      [anonymous, 'statistics.summary.kinds.anonymous'] as const,
      [named, 'statistics.summary.kinds.named'] as const,
    ].filter(([value]) => value !== 'hidden');
    const kinds =
      named === 0 && anonymous !== 0
        ? t('statistics.summary.kinds.allAnonymous')
        : anonymous === 0 && named !== 0
          ? t('statistics.summary.kinds.allNamed')
          : parts.length === 0
            ? ''
            : t('statistics.summary.kinds', {
                parts: parts
                  .map(([value, key]) => t(key, { n: word(value)! }))
                  .join(t('statistics.summary.kinds.and')),
              });
    const places = report.contactsByLocation.rowTotals.filter((x) => x !== 0).length;
    const distinct = report.distinctCitizens.total;
    lines.push(
      [
        t('statistics.summary.contacts', {
          period,
          who,
          total: counted('citizens', total),
          places: counted('places', places),
          kinds,
        }),
        // How many people the named contacts were (none named: nothing to say).
        ...(distinct !== 0 && distinct !== 'hidden'
          ? [sentence(counted('distinct', distinct))]
          : []),
      ].join(' '),
    );
  }

  const visits = sum(report.visits.counts);
  const hours = Math.round(sum(report.visits.hours) * 10) / 10;
  lines.push(
    visits === 0
      ? t('statistics.summary.visitsNone')
      : counted('visits', visits, { hours: counted('hours', hours) }),
  );

  const [created, onTime, overdue] = report.followUps.map((f) => f.total);
  const followUps: string[] = [];
  if (created !== undefined && created !== 'hidden')
    followUps.push(
      sentence(created === 0 ? t('statistics.summary.created.none') : counted('created', created)),
    );
  const done = onTime === undefined ? null : word(onTime);
  const late = overdue === undefined ? null : word(overdue);
  // Nothing due in the period (or both withheld): no sentence about deadlines.
  if (!(onTime === 0 && overdue === 0)) {
    if (done !== null && late !== null)
      followUps.push(sentence(t('statistics.summary.due', { onTime: done, overdue: late })));
    else if (done !== null)
      followUps.push(sentence(t('statistics.summary.dueOnTime', { onTime: done })));
    else if (late !== null)
      followUps.push(sentence(t('statistics.summary.dueOverdue', { overdue: late })));
  }
  if (followUps.length > 0) lines.push(followUps.join(' '));

  const notes = report.notesByTeam.total;
  if (notes !== 'hidden')
    lines.push(
      sentence(notes === 0 ? t('statistics.summary.notes.none') : counted('notes', notes)),
    );
  return lines;
}
