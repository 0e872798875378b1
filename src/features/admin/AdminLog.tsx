import { useEffect, useState } from 'react';
import type { TeamRef } from '../../domain/user';
import { ADMIN_ACTIONS, type AdminAction, type AdminLogEntry } from '../../protocol';
import { useT, type MessageKey } from '../../i18n';
import type { ApiClient } from '../../sync/apiClient';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { useFormat } from '../shared/useFormat';

const whatKey = (what: string): MessageKey | undefined =>
  (ADMIN_ACTIONS as readonly string[]).includes(what)
    ? (`admin.what.${what as AdminAction}` as MessageKey)
    : undefined;

/**
 * The administration log: who did what, to whom, in which team, when; newest first, filtered by
 * action and team. The server decides what the reader may see (admins all, leads their teams').
 */
export function AdminLog(props: {
  api: ApiClient;
  teams: readonly TeamRef[];
  explain: (e: unknown) => string;
  /** Bumped after each change on the page, so the log shows it. */
  generation: number;
}) {
  const t = useT();
  const format = useFormat();
  const [what, setWhat] = useState('');
  const [teamId, setTeamId] = useState('');
  const [entries, setEntries] = useState<AdminLogEntry[] | undefined>();
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const { api, explain, generation } = props;

  useEffect(() => {
    let current = true;
    api
      .adminLog({
        ...(what ? { what: what as AdminAction } : {}),
        ...(teamId ? { teamId } : {}),
      })
      .then(
        (page) => {
          if (!current) return;
          setEntries(page.entries);
          setHasMore(page.hasMore);
          setError(undefined);
        },
        (e: unknown) => {
          if (current) setError(explain(e));
        },
      );
    return () => {
      current = false;
    };
  }, [api, explain, what, teamId, generation]);

  const older = async () => {
    const last = entries?.at(-1);
    if (!last) return;
    try {
      const page = await api.adminLog({
        ...(what ? { what: what as AdminAction } : {}),
        ...(teamId ? { teamId } : {}),
        before: last.at,
      });
      setEntries([...(entries ?? []), ...page.entries]);
      setHasMore(page.hasMore);
    } catch (e) {
      setError(explain(e));
    }
  };

  const teamName = (id: string | null) =>
    id === null ? '' : (props.teams.find((x) => x.id === id)?.name ?? id);
  const all = { value: '', label: t('admin.log.filterAll') };
  return (
    <section aria-labelledby="admin-log-heading" className="section">
      <h2 id="admin-log-heading">{t('admin.log.heading')}</h2>
      <div className="filters">
        <SelectField
          label={t('admin.log.filterWhat')}
          value={what}
          onChange={setWhat}
          options={[all, ...ADMIN_ACTIONS.map((a) => ({ value: a, label: t(`admin.what.${a}`) }))]}
        />
        <SelectField
          label={t('admin.log.filterTeam')}
          value={teamId}
          onChange={setTeamId}
          options={[all, ...props.teams.map((x) => ({ value: x.id, label: x.name }))]}
        />
      </div>
      {error && <Alert>{error}</Alert>}
      {entries && entries.length === 0 && <p>{t('admin.log.empty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t('admin.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.log.col.time')}</th>
                <th scope="col">{t('admin.log.col.by')}</th>
                <th scope="col">{t('admin.log.col.what')}</th>
                <th scope="col">{t('admin.log.col.user')}</th>
                <th scope="col">{t('admin.log.col.team')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const key = whatKey(e.what);
                return (
                  <tr key={e.id}>
                    <td>{format.dateTime(e.at)}</td>
                    <td>
                      {e.by === 'cli'
                        ? t('admin.log.cli')
                        : e.by === 'provider'
                          ? t('admin.log.provider')
                          : (e.byName ?? e.by ?? '')}
                    </td>
                    <td>{key ? t(key) : e.what}</td>
                    <td>{e.userName ?? e.userId ?? ''}</td>
                    <td>{teamName(e.teamId)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <button type="button" onClick={() => void older()}>
          {t('admin.log.more')}
        </button>
      )}
    </section>
  );
}
