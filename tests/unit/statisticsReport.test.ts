import { describe, expect, it } from 'vitest';
import { protectLinkedTables, protectTable } from '../../src/domain/smallNumbers';
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

  it('sums the report up in Danish, with protected numbers said as "under 5"', () => {
    const [contacts, visits, followUps, notes] = reportSummary(sampleReport(), 'da', t);
    expect(contacts).toBe(
      'I 3. kvartal 2026 mødte teamet Team Syd 27 borgere, heraf 19 anonymt og 8 med navn (under 5 forskellige borgere), på 2 steder.',
    );
    expect(visits).toBe('Der blev holdt 2 besøg på i alt 3,5 timer.');
    expect(followUps).toContain('6 opfølgninger blev oprettet');
    expect(notes).toBe('Der blev skrevet 12 journalnotater.');
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
