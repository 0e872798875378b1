import { useRef, useState } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { contactsRepo } from '../../db/contacts';
import { visitsRepo } from '../../db/visits';
import { nowIso } from '../../db/writeContext';
import { citizensRepo } from '../../db/citizens';
import { citizenDisplayName } from '../../domain';
import { useCitizen } from '../../hooks/useCitizens';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';
import { AppPage } from '../shared/AppPage';
import { useSaveAction } from '../shared/useSaveAction';
import { CitizenForm } from './CitizenForm';
import { citizenFormFromQuery, citizenToForm, formToFields } from './citizenForm';

/**
 * /borgere/ny: a citizen known perhaps only by an alias. A caseworker in several teams picks the
 * team (default: their default team); the citizen's cases, notes and contacts follow it.
 * From a visit (`?navn=…&besoeg=<visit id>`): prefilled with what was searched, and on saving the
 * citizen is registered as a contact of that visit right after, and the visit is shown again.
 */
export function CitizenNewPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const save = useSaveAction();
  const user = useSignedInSession()?.user;
  const [teamId, setTeamId] = useState(user?.teamId ?? '');
  const teams = user?.teams ?? [];
  const params = new URLSearchParams(useSearch());
  const fromVisit = params.get('besoeg');
  const created = useRef<string | null>(null);
  const [initial] = useState(() => citizenFormFromQuery(params.get('navn') ?? ''));
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
      {fromVisit && <p className="lead">{t('citizens.form.fromVisit')}</p>}
      <CitizenForm
        initial={initial}
        busy={save.busy}
        saveError={save.error}
        onSubmit={async (values) => {
          const ok = await save.run(async (ctx) => {
            // A retry after the contact failed must not create the citizen a second time.
            created.current ??= (
              await citizensRepo.create(
                ctx,
                { ...formToFields(values), consents: [] },
                undefined,
                teamId ? { teamId } : {},
              )
            ).id;
            const visit = fromVisit ? await visitsRepo.get(fromVisit) : undefined;
            if (visit && visit.endedAt === undefined) {
              await contactsRepo.create(ctx, {
                visitId: visit.id,
                locationId: visit.locationId,
                at: nowIso(ctx),
                kind: 'named',
                citizenId: created.current,
                remark: '',
              });
            }
          });
          if (ok) navigate(fromVisit ? '/besoeg' : `/borgere/${created.current}`);
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
