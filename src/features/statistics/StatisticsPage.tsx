import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { readLastReport, saveLastReport } from '../../db/statisticsCopy';
import { localDateOf } from '../../domain/statisticsPeriod';
import { useLocations } from '../../hooks/useLocations';
import { useSignedInSession } from '../../hooks/useSession';
import { useUnsentCount } from '../../hooks/useUnsentCount';
import { StatisticsReportSchema, type StatisticsReport } from '../../protocol/statistics';
import { useLocaleStore } from '../../stores/localeStore';
import { ApiError } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { BarChart, LineChart, MAX_LINE_SERIES } from './charts';
import {
  defaultChoice,
  monthLabel,
  periodLabel,
  periodRange,
  recentQuarters,
  type PeriodChoice,
  type PeriodKind,
} from './period';
import { reportCsv } from './reportCsv';
import { ReportTable } from './ReportTable';
import { reportSummary, reportTables } from './reportText';
import { fetchReport, type ReportQuery } from './statisticsApi';
import { useStatisticsT } from './statisticsText';
import '../audit/tables.css';
import './statistics.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'fresh'; report: StatisticsReport }
  | { state: 'saved'; report: StatisticsReport }
  | { state: 'failed'; offline: boolean; message: string };

/** /statistik: leads and administrators; aggregates computed and protected on the server. */
export default function StatisticsPage() {
  const t = useStatisticsT();
  const locale = useLocaleStore((s) => s.locale);
  const format = useFormat();
  const session = useSignedInSession();
  const locations = useLocations();
  const unsent = useUnsentCount();
  const allowed = session?.user.role === 'lead' || session?.user.role === 'admin';
  const today = localDateOf(new Date());
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice(today));
  const [teams, setTeams] = useState<string[] | undefined>();
  const [location, setLocation] = useState('');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const [query, setQuery] = useState<ReportQuery>(() => periodRange(choice));
  // The token, not the session object: a new session object comes with every change to the
  // store's meta table, saving the report among them.
  const token = session?.token;

  useEffect(() => {
    if (!allowed || !token) return;
    let current = true;
    fetchReport(token, query).then(
      async (report) => {
        if (current) setLoaded({ state: 'fresh', report });
        await saveLastReport(report);
      },
      async (e: unknown) => {
        const offline = e instanceof ApiError && (e.code === 'network' || e.code === 'timeout');
        const message = e instanceof Error ? e.message : String(e);
        // Offline, the last report opened on this device (sealed like the rest) stands in.
        const saved = offline
          ? StatisticsReportSchema.safeParse(await readLastReport())
          : undefined;
        if (!current) return;
        setLoaded(
          saved?.success
            ? { state: 'saved', report: saved.data }
            : { state: 'failed', offline, message },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [allowed, token, query]);

  const report = loaded.state === 'fresh' || loaded.state === 'saved' ? loaded.report : undefined;
  const tables = useMemo(() => (report ? reportTables(report, t) : []), [report, t]);

  if (!allowed) {
    return (
      <AppPage screen="shell.nav.statistics" title={t('statistics.title')}>
        <p>{t('statistics.noAccess')}</p>
      </AppPage>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLoaded({ state: 'loading' });
    setQuery({
      ...periodRange(choice),
      ...(teams ? { teams } : {}),
      ...(location ? { locations: [location] } : {}),
    });
  };
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const availableTeams = report?.availableTeams ?? session?.user.teams ?? [];
  const period = report ? periodLabel(report.from, report.to, locale, t) : '';

  const downloadCsv = () => {
    if (!report) return;
    const csv = reportCsv(report, locale, t, format.dateTime(report.computedAt));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `statistik-${report.from}-${report.to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const kinds: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const byLocation = tables[0];
  const topRows = report
    ? report.locations
        .map((l, i) => ({ name: l.name, i, total: report.contactsByLocation.rowTotals[i] }))
        .sort(
          (a, b) =>
            (typeof b.total === 'number' ? b.total : 0) -
            (typeof a.total === 'number' ? a.total : 0),
        )
        .slice(0, MAX_LINE_SERIES)
    : [];

  return (
    <AppPage
      screen="shell.nav.statistics"
      title={t('statistics.title')}
      actions={
        report && (
          <div className="button-row no-print">
            <button type="button" onClick={downloadCsv}>
              {t('statistics.csv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('statistics.print')}
            </button>
          </div>
        )
      }
    >
      <form
        className="stat-filters no-print"
        onSubmit={submit}
        aria-label={t('statistics.filters')}
      >
        <div className="field-row">
          <SelectField
            label={t('statistics.period')}
            value={choice.kind}
            onChange={(v) => set({ kind: v as PeriodKind })}
            options={kinds.map((k) => ({ value: k, label: t(`statistics.period.${k}`) }))}
          />
          {choice.kind === 'month' && (
            <TextField
              label={t('statistics.period.whichMonth')}
              type="month"
              value={choice.month}
              onChange={(v) => set({ month: v })}
              required
            />
          )}
          {choice.kind === 'quarter' && (
            <SelectField
              label={t('statistics.period.whichQuarter')}
              value={choice.quarter}
              onChange={(v) => set({ quarter: v })}
              options={recentQuarters(today, 8).map((q) => {
                const [year, n] = q.split('-');
                return { value: q, label: t('statistics.quarter', { n: n!, year: year! }) };
              })}
            />
          )}
          {choice.kind === 'year' && (
            <SelectField
              label={t('statistics.period.whichYear')}
              value={choice.year}
              onChange={(v) => set({ year: v })}
              options={years.map((y) => ({ value: y, label: y }))}
            />
          )}
          {choice.kind === 'custom' && (
            <>
              <TextField
                label={t('statistics.period.from')}
                type="date"
                value={choice.from}
                onChange={(v) => set({ from: v })}
                required
              />
              <TextField
                label={t('statistics.period.to')}
                type="date"
                value={choice.to}
                onChange={(v) => set({ to: v })}
                required
              />
            </>
          )}
          <SelectField
            label={t('statistics.location')}
            value={location}
            onChange={setLocation}
            options={[
              { value: '', label: t('statistics.allLocations') },
              ...(locations ?? []).map((l) => ({ value: l.id, label: l.name })),
            ]}
          />
        </div>
        {availableTeams.length > 1 && (
          <CheckboxGroup
            legend={t('statistics.teams')}
            options={availableTeams.map((team) => ({ value: team.id, label: team.name }))}
            selected={teams ?? availableTeams.map((team) => team.id)}
            onChange={setTeams}
          />
        )}
        <button type="submit" className="primary">
          {t('statistics.show')}
        </button>
      </form>

      {loaded.state === 'loading' && <StatusMessage>{t('statistics.loading')}</StatusMessage>}
      {loaded.state === 'failed' && (
        <Alert>
          {loaded.offline
            ? t('statistics.offlineNone')
            : t('statistics.failed', { message: loaded.message })}
        </Alert>
      )}
      {loaded.state === 'saved' && (
        <Alert>
          {t('statistics.offline')}{' '}
          {t('statistics.savedCopy', { period, at: format.dateTime(loaded.report.computedAt) })}
        </Alert>
      )}

      {report && (
        <article className="stat-report" aria-labelledby="stat-print-title">
          <h2 id="stat-print-title" className="print-only">
            {t('statistics.printTitle', { period })}
          </h2>
          <p className="stat-synced">
            {t('statistics.syncedUntil', { at: format.dateTime(report.computedAt) })}
            {unsent ? <> {t('statistics.unsent', { count: unsent })}</> : null}
          </p>
          <p className="stat-rule">{t('statistics.rule', { n: report.threshold })}</p>
          <section className="section" aria-labelledby="stat-summary">
            <h2 id="stat-summary">{t('statistics.summary.heading')}</h2>
            {reportSummary(report, locale, t).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
          <section className="section" aria-labelledby="stat-contacts">
            <h2 id="stat-contacts">{t('statistics.sections.contacts')}</h2>
            {byLocation && (
              <figure className="stat-figure">
                <figcaption>
                  <strong>{t('statistics.chart.overTime')}</strong>{' '}
                  {t('statistics.chart.sameAsTable', { table: byLocation.caption })}{' '}
                  {t('statistics.chart.gap')}
                </figcaption>
                <LineChart
                  title={t('statistics.chart.overTime')}
                  months={report.months.map((m) => monthLabel(m, locale))}
                  series={topRows.map((row) => ({
                    name: row.name,
                    values: report.contactsByLocation.cells[row.i] ?? [],
                  }))}
                />
              </figure>
            )}
            {tables.slice(0, 4).map((table) => (
              <ReportTable key={table.id} report={report} table={table} locale={locale} t={t} />
            ))}
            <figure className="stat-figure">
              <figcaption>
                <strong>{t('statistics.chart.topics')}</strong>{' '}
                {t('statistics.chart.sameAsTable', { table: tables[4]?.caption ?? '' })}
              </figcaption>
              <BarChart
                title={t('statistics.chart.topics')}
                threshold={report.threshold}
                locale={locale}
                bars={(tables[4]?.rows ?? []).map((row) => ({
                  name: row.name,
                  value: row.total ?? 0,
                }))}
              />
            </figure>
            {tables.slice(4, 6).map((table) => (
              <ReportTable key={table.id} report={report} table={table} locale={locale} t={t} />
            ))}
          </section>
          <section className="section" aria-labelledby="stat-work">
            <h2 id="stat-work">{t('statistics.sections.work')}</h2>
            {tables.slice(6).map((table) => (
              <ReportTable key={table.id} report={report} table={table} locale={locale} t={t} />
            ))}
          </section>
        </article>
      )}
    </AppPage>
  );
}
