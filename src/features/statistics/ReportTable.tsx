import type { PublishedCount } from '../../domain/smallNumbers';
import type { StatisticsReport } from '../../protocol/statistics';
import type { Locale } from '../../stores/localeStore';
import { cellText, columnHeadings, type ReportTableView } from './reportText';
import type { StatisticsT } from './statisticsText';

function Cell({
  value,
  threshold,
  locale,
  t,
}: {
  value: PublishedCount;
  threshold: number;
  locale: Locale;
  t: StatisticsT;
}) {
  const text = cellText(value, threshold, locale);
  if (typeof value === 'number') return <td>{text}</td>;
  // The mark alone says little to a screen reader: the label says what it means.
  const label =
    value === 'small'
      ? t('statistics.cell.smallLabel', { n: threshold })
      : t('statistics.cell.hiddenLabel');
  return (
    <td className="withheld">
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </td>
  );
}

/** One table of the report: months across, rows down, totals where they add up. */
export function ReportTable({
  report,
  table,
  locale,
  t,
}: {
  report: StatisticsReport;
  table: ReportTableView;
  locale: Locale;
  t: StatisticsT;
}) {
  const headingId = `stat-${table.id}`;
  const cell = (value: PublishedCount, key: number | string) => (
    <Cell key={key} value={value} threshold={report.threshold} locale={locale} t={t} />
  );
  return (
    <div className="table-scroll stat-table" role="region" aria-labelledby={headingId} tabIndex={0}>
      <table>
        <caption id={headingId}>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeading}</th>
            {columnHeadings(report, table, locale, t).map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row.name}</th>
              {row.cells.map((v, c) => cell(v, c))}
              {row.total !== undefined && cell(row.total, 'total')}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr>
              <th scope="row">{t('statistics.total')}</th>
              {table.totals.cells.map((v, c) => cell(v, c))}
              {cell(table.totals.total, 'total')}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
