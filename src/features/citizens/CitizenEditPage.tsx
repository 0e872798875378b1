import { useLocation, useParams } from 'wouter';
import { citizensRepo } from '../../db/citizens';
import { citizenDisplayName } from '../../domain';
import { useCitizen } from '../../hooks/useCitizens';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { useSaveAction } from '../shared/useSaveAction';
import { CitizenForm } from './CitizenForm';
import { citizenToForm, emptyCitizenForm, formToFields } from './citizenForm';

/** /borgere/ny: a citizen known perhaps only by an alias. */
export function CitizenNewPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const save = useSaveAction();
  return (
    <AppPage title={t('citizens.form.newTitle')}>
      <CitizenForm
        initial={emptyCitizenForm}
        busy={save.busy}
        saveError={save.error}
        onSubmit={async (values) => {
          let id = '';
          const ok = await save.run(async (ctx) => {
            const created = await citizensRepo.create(ctx, {
              ...formToFields(values),
              consents: [],
            });
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
      <AppPage title={t('citizens.notFound')}>
        <p>{t('citizens.notFound')}</p>
      </AppPage>
    );
  }
  return (
    <AppPage title={t('citizens.form.editTitle', { name: citizenDisplayName(citizen) })}>
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
