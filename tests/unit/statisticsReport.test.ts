import { describe, expect, it } from 'vitest';
import { protectLinkedTables, protectTable } from '../../src/domain/smallNumbers';
import type { PublishedCount } from '../../src/domain/smallNumbers';
import { StatisticsReportSchema, type StatisticsReport } from '../../src/protocol/statistics';
import { periodLabel, periodRange } from '../../src/features/statistics/period';
import { reportCsv } from '../../src/features/statistics/reportCsv';
import { reportSummary } from '../../src/features/statistics/reportText';
import { statisticsT } from '../../src/features/statistics/statisticsText';

const months = ['2026-07', '2026-08', '2026-09'];
const zeros = (rows: number) => Array.from({ length: rows }, () => [0, 0, 0]);

function sampleReport(): StatisticsReport {
  const [byLocation, byKind, byAge, byGender] = protectLinkedTables(
    [
      [
        [10, 8, 0],
        [2, 0, 7],
      ],
      [
        [0, 8, 0],
        [12, 0, 7],
      ],
      [
        [2, 0, 0],
        [0, 0, 0],
        [10, 0, 7],
        [0, 8, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 8, 0],
        [10, 0, 7],
        [2, 0, 0],
        [0, 0, 0],
      ],
    ],
    3,
  );
  return StatisticsReportSchema.parse({
    from: '2026-07-01',
    to: '2026-09-30',
    months,
    computedAt: '2026-10-01T12:05:00.000Z',
    threshold: 5,
    teams: [{ id: 'syd', name: 'Team Syd' }],
    availableTeams: [{ id: 'syd', name: 'Team Syd' }],
    locations: [
      { id: 'a', name: 'Højstrup værested' },
      { id: 'b', name: 'Herberget; Nørregade' },
    ],
    contactsByLocation: byLocation,
    contactsByKind: byKind,
    contactsByAgeGroup: byAge,
    contactsByGender: byGender,
    contactsByTopic: protectTable(zeros(8), 3),
    distinctCitizens: { byLocation: ['small', 0], total: 'small' },
    visits: {
      counts: [
        [2, 0, 0],
        [0, 0, 0],
      ],
      hours: [
        [3.5, 0, 0],
        [0, 0, 0],
      ],
    },
    followUps: [
      protectTable([[6, 0, 0]], 3),
      protectTable([[6, 0, 0]], 3),
      protectTable([[0, 0, 0]], 3),
    ],
    notesByTeam: protectTable([[0, 12, 0]], 3),
  });
}

describe('the statistics report as text, CSV and period', () => {
  const t = statisticsT('da');

  it('names the period as a lead would say it', () => {
    expect(periodLabel('2026-07-01', '2026-09-30', 'da', t)).toBe('3. kvartal 2026');
    expect(periodLabel('2026-07-01', '2026-07-31', 'da', t)).toBe('juli 2026');
    expect(periodLabel('2026-01-01', '2026-12-31', 'da', t)).toBe('2026');
    expect(
      periodRange({ kind: 'quarter', quarter: '2026-1', month: '', year: '', from: '', to: '' }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('sums the report up in Danish, with a small count said as "færre end 5"', () => {
    expect(reportSummary(sampleReport(), 'da', t)).toEqual([
      'I 3. kvartal 2026 mødte Team Syd 27 borgere på 2 steder, heraf 19 anonymt og 8 med navn. Færre end 5 forskellige borgere blev mødt med navn.',
      'Der blev holdt 2 besøg på i alt 3,5 timer.',
      'Der blev oprettet 6 opfølgninger. Af opfølgningerne med frist i perioden blev 6 udført til tiden, og ingen er overskredet.',
      'Der blev skrevet 12 journalnotater.',
    ]);
  });

  /** The sample report with its contact totals, follow-up totals and notes total replaced. */
  function withTotals(totals: {
    total?: PublishedCount;
    named?: PublishedCount;
    anonymous?: PublishedCount;
    distinct?: PublishedCount;
    places?: number;
    followUps?: [PublishedCount, PublishedCount, PublishedCount];
    notes?: PublishedCount;
    team?: string;
  }): StatisticsReport {
    const report = sampleReport();
    const byLocation = report.contactsByLocation;
    const byKind = report.contactsByKind;
    return {
      ...report,
      teams: [{ id: 'syd', name: totals.team ?? 'Syd' }],
      contactsByLocation: {
        ...byLocation,
        total: totals.total ?? byLocation.total,
        rowTotals:
          totals.places === undefined
            ? byLocation.rowTotals
            : byLocation.rowTotals.map((x, i) => (i < totals.places! ? x : 0)),
      },
      contactsByKind: {
        ...byKind,
        rowTotals: [totals.named ?? byKind.rowTotals[0]!, totals.anonymous ?? byKind.rowTotals[1]!],
      },
      distinctCitizens: {
        ...report.distinctCitizens,
        total: totals.distinct ?? report.distinctCitizens.total,
      },
      followUps: totals.followUps
        ? report.followUps.map((f, i) => ({ ...f, total: totals.followUps![i]! }))
        : report.followUps,
      notesByTeam: { ...report.notesByTeam, total: totals.notes ?? report.notesByTeam.total },
    };
  }
  const contactsLine = (report: StatisticsReport, locale: 'da' | 'en' = 'da') =>
    reportSummary(report, locale, statisticsT(locale))[0];

  it('says each small-number case of the contacts as plain Danish, never "ikke oplyst"', () => {
    // A small share: its complement is withheld, and the withheld one is left out of the text.
    expect(contactsLine(withTotals({ anonymous: 'small', named: 'hidden', distinct: 12 }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd 27 borgere på 2 steder, heraf færre end 5 anonymt. 12 forskellige borgere blev mødt med navn.',
    );
    expect(contactsLine(withTotals({ anonymous: 'hidden', named: 'small' }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd 27 borgere på 2 steder, heraf færre end 5 med navn. Færre end 5 forskellige borgere blev mødt med navn.',
    );
    // Both withheld: no "heraf" at all.
    expect(contactsLine(withTotals({ anonymous: 'hidden', named: 'hidden', distinct: 0 }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd 27 borgere på 2 steder.',
    );
    // All of one kind; one place.
    expect(contactsLine(withTotals({ named: 0, anonymous: 27, distinct: 0, places: 1 }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd 27 borgere på ét sted, alle anonymt.',
    );
    expect(contactsLine(withTotals({ named: 27, anonymous: 0, distinct: 9 }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd 27 borgere på 2 steder, alle med navn. 9 forskellige borgere blev mødt med navn.',
    );
    // A small total; a withheld total; none at all.
    expect(
      contactsLine(
        withTotals({ total: 'small', named: 'small', anonymous: 0, distinct: 'small', places: 1 }),
      ),
    ).toBe(
      'I 3. kvartal 2026 mødte teamet Syd færre end 5 borgere på ét sted, alle med navn. Færre end 5 forskellige borgere blev mødt med navn.',
    );
    expect(contactsLine(withTotals({ total: 'hidden' }))).toBe(
      'I 3. kvartal 2026 er antallet af borgere, som teamet Syd mødte, skjult for at beskytte små tal.',
    );
    expect(contactsLine(withTotals({ total: 0, named: 0, anonymous: 0, distinct: 0 }))).toBe(
      'I 3. kvartal 2026 mødte teamet Syd ingen borgere.',
    );
  });

  it('says the follow-ups and notes in each small-number case, leaving withheld counts out', () => {
    const lines = (totals: Parameters<typeof withTotals>[0]) =>
      reportSummary(withTotals(totals), 'da', t).slice(2);
    expect(lines({ followUps: ['small', 'small', 0], notes: 'small' })).toEqual([
      'Der blev oprettet færre end 5 opfølgninger. Af opfølgningerne med frist i perioden blev færre end 5 udført til tiden, og ingen er overskredet.',
      'Der blev skrevet færre end 5 journalnotater.',
    ]);
    expect(lines({ followUps: [9, 'hidden', 'small'], notes: 0 })).toEqual([
      'Der blev oprettet 9 opfølgninger. Af opfølgningerne med frist i perioden er færre end 5 overskredet.',
      'Der blev ikke skrevet journalnotater.',
    ]);
    expect(lines({ followUps: [0, 7, 'hidden'], notes: 'hidden' })).toEqual([
      'Der blev ikke oprettet opfølgninger. Af opfølgningerne med frist i perioden blev 7 udført til tiden.',
    ]);
    // Nothing due in the period: no sentence about deadlines.
    expect(lines({ followUps: [1, 0, 0], notes: 1 })).toEqual([
      'Der blev oprettet 1 opfølgning.',
      'Der blev skrevet 1 journalnotat.',
    ]);
  });

  it('reads as plain English too, in the same cases', () => {
    expect(reportSummary(sampleReport(), 'en', statisticsT('en'))).toEqual([
      'In Q3 2026, Team Syd met 27 citizens at 2 locations, 19 anonymously and 8 by name. Fewer than 5 different citizens were met by name.',
      '2 visits were held, 3.5 hours in all.',
      '6 follow-ups were created. Due in the period: 6 done on time, none overdue.',
      '12 journal notes were written.',
    ]);
    expect(contactsLine(withTotals({ anonymous: 'small', named: 'hidden' }), 'en')).toBe(
      'In Q3 2026, the team Syd met 27 citizens at 2 locations, fewer than 5 anonymously. Fewer than 5 different citizens were met by name.',
    );
    expect(contactsLine(withTotals({ total: 'hidden' }), 'en')).toBe(
      'In Q3 2026, the number of citizens the team Syd met is withheld to protect small numbers.',
    );
  });

  it('never says a withheld count as a placeholder in any case', () => {
    const cases: PublishedCount[] = [0, 1, 7, 'small', 'hidden'];
    for (const locale of ['da', 'en'] as const)
      for (const a of cases)
        for (const b of cases) {
          const text = reportSummary(
            withTotals({
              total: a,
              named: a,
              anonymous: b,
              distinct: b,
              followUps: [a, b, a],
              notes: b,
            }),
            locale,
            statisticsT(locale),
          ).join(' ');
          expect(text).not.toMatch(/ikke oplyst|not disclosed|·|undefined|null|\{/);
          expect(text).not.toMatch(/ {2}|, \.|\s\./);
        }
  });

  it('exports CSV that Danish Excel opens: BOM, semicolons, æøå, the period, the rule and the same marks as the table', () => {
    const csv = reportCsv(sampleReport(), 'da', t, '1. okt. 2026 kl. 14:05');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Periode;3. kvartal 2026');
    expect(lines[4]).toMatch(
      /^Regel;"?Små tal beskyttes: antal personer under 5 vises som ""< 5""/,
    );
    expect(lines).toContain('Sted;jul. 2026;aug. 2026;sep. 2026;I alt');
    const hoejstrup = lines.find((l) => l.startsWith('Højstrup værested;'))!;
    const herberg = lines.find((l) => l.startsWith('"Herberget; Nørregade";'))!;
    expect(herberg.split(';').slice(2)[0]).toBe('< 5');
    // The complement of the small count is withheld too, never a number that reveals it.
    expect([...hoejstrup.split(';'), ...herberg.split(';')]).toContain('·');
    expect(lines).toContain('Timer på stedet pr. måned');
    expect(lines.find((l) => l.startsWith('Højstrup værested;3,5'))).toBeDefined();
  });
});
