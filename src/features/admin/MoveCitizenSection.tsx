import { useState, type FormEvent } from 'react';
import type { TeamRef } from '../../domain/user';
import { MoveCitizenRequestSchema } from '../../protocol';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { useAdminApi } from './useAdminApi';

/**
 * "Flyt til andet team" on the citizen page, for an administrator (any team) or a lead (between
 * teams they lead; the server decides). Online only: the move happens on the server, and the
 * devices learn it at their next sync.
 */
export function MoveCitizenSection(props: { citizenId: string; teamId: string }) {
  const t = useT();
  const session = useSignedInSession();
  const { api, explain } = useAdminApi();
  const [teams, setTeams] = useState<TeamRef[] | undefined>();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const role = session?.user.role;
  if (!api || (role !== 'admin' && role !== 'lead')) return null;

  const open = async () => {
    try {
      const others = (await api.adminTeams()).teams.filter((x) => x.id !== props.teamId);
      setTeams(others);
      setTarget(others[0]?.id ?? '');
      setError(undefined);
    } catch (e) {
      setError(explain(e));
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = MoveCitizenRequestSchema.safeParse({ teamId: target });
    if (!body.success) {
      setError(t('admin.error.required'));
      return;
    }
    try {
      await api.moveCitizen(props.citizenId, body.data.teamId);
      setDone(t('admin.move.done', { team: teams?.find((x) => x.id === target)?.name ?? target }));
      setError(undefined);
      setTeams(undefined);
    } catch (err) {
      setError(explain(err, 'admin.saveFailed'));
    }
  };

  return (
    <section aria-labelledby="move-citizen-heading" className="section">
      <h2 id="move-citizen-heading">{t('admin.move.heading')}</h2>
      {error && <Alert>{error}</Alert>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {teams === undefined ? (
        <button type="button" onClick={() => void open()}>
          {t('admin.move.open')}
        </button>
      ) : teams.length === 0 ? (
        <p>{t('admin.move.noTeams')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <SelectField
            label={t('admin.move.team')}
            value={target}
            onChange={setTarget}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
          />
          <button type="submit" className="primary">
            {t('admin.move.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
