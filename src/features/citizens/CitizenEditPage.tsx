import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { citizensRepo } from '../../db/citizens';
import { citizenDisplayName } from '../../domain';
import { useCitizen } from '../../hooks/useCitizens';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';
import { AppPage } from '../shared/AppPage';
import { useSaveAction } from '../shared/useSaveAction';
import { CitizenForm } from './CitizenForm';
import { citizenToForm, emptyCitizenForm, formToFields } from './citizenForm';

/**
 * /borgere/ny: a citizen known perhaps only by an alias. A caseworker in several teams picks the
 * team (default: their default team); the citizen's cases, notes and contacts follow it.
 */
export function CitizenNewPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const save = useSaveAction();
  const user = useSignedInSession()?.user;
  const [teamId, setTeamId] = useState(user?.teamId ?? '');
  const teams = user?.teams ?? [];
  return (
    <AppPage screen="citizens.form.newTitle">
      {teams.length > 1 && (
        <SelectField
          label={t('citizens.form.team')}
          value={teamId}
          onChange={setTeamId}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
      <CitizenForm
        initial={emptyCitizenForm}
        busy={save.busy}
        saveError={save.error}
        onSubmit={async (values) => {
          let id = '';
          const ok = await save.run(async (ctx) => {
            const created = await citizensRepo.create(
              ctx,
              { ...formToFields(values), consents: [] },
              undefined,
              teamId ? { teamId } : {},
            );
            id = created.id;
          });
          if (ok) navigate(`/borgere/${id}`);
          return ok;
        }}
      />
    </AppPage>
  );
}

/** /borgere/:id/rediger */
export function CitizenEditPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const citizen = useCitizen(id);
  const save = useSaveAction();
  if (citizen === undefined) return <p role="status">{t('common.loading')}</p>;
  if (citizen === null) {
    return (
      <AppPage screen="citizens.notFound">
        <p>{t('citizens.notFound')}</p>
      </AppPage>
    );
  }
  return (
    <AppPage
      screen="citizens.form.editScreen"
      title={t('citizens.form.editTitle', { name: citizenDisplayName(citizen) })}
    >
      <CitizenForm
        key={citizen.id}
        initial={citizenToForm(citizen)}
        busy={save.busy}
        saveError={save.error}
        onSubmit={async (values) => {
          const ok = await save.run((ctx) =>
            citizensRepo.update(ctx, citizen.id, formToFields(values)),
          );
          if (ok) navigate(`/borgere/${citizen.id}`);
          return ok;
        }}
      />
    </AppPage>
  );
}
