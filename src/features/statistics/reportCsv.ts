import type { StatisticsReport } from '../../protocol/statistics';
import type { Locale } from '../../stores/localeStore';
import { periodLabel } from './period';
import { cellText, columnHeadings, reportTables } from './reportText';
import type { StatisticsT } from './statisticsText';

/** Excel reads a file that starts with a byte order mark as UTF-8, so æ, ø and å survive. */
const BOM = '\uFEFF';

function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The report as CSV for Danish Excel: semicolons (the comma is the decimal mark), CRLF, UTF-8 with
 * BOM; the period, the time computed and the small-number rule first; every table after, the
 * withheld counts marked exactly as on screen.
 */
export function reportCsv(
  report: StatisticsReport,
  locale: Locale,
  t: StatisticsT,
  computedAtText: string,
): string {
  const lines: string[][] = [
    [t('statistics.csv.title')],
    [t('statistics.csv.period'), periodLabel(report.from, report.to, locale, t)],
    [t('statistics.csv.teams'), report.teams.map((team) => team.name).join(', ')],
    [t('statistics.csv.computed'), computedAtText],
    [t('statistics.csv.rule'), t('statistics.rule', { n: report.threshold })],
  ];
  const text = (v: Parameters<typeof cellText>[0]) => cellText(v, report.threshold, locale);
  for (const table of reportTables(report, t)) {
    lines.push(
      [],
      [table.caption],
      [table.rowHeading, ...columnHeadings(report, table, locale, t)],
    );
    for (const row of table.rows)
      lines.push([
        row.name,
        ...row.cells.map(text),
        ...(row.total !== undefined ? [text(row.total)] : []),
      ]);
    if (table.totals)
      lines.push([
        t('statistics.total'),
        ...table.totals.cells.map(text),
        text(table.totals.total),
      ]);
  }
  return BOM + lines.map((l) => l.map(field).join(';')).join('\r\n') + '\r\n';
}
