import { Link } from 'wouter';
import { citizenDisplayName, type Citizen } from '../../domain';
import { useCitizensByIds } from '../../hooks/useCitizens';
import { useConflictedRecords } from '../../hooks/useConflicts';
import type { MessageKey } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { ConflictList } from './ConflictList';
import { recordPath } from './recordPath';
import { useSyncTexts } from './useSyncTexts';
import './sync.css';

function citizenIdOf(entity: string, record: Record<string, unknown>): string | undefined {
  if (entity === 'citizen') return record.id as string;
  return typeof record.citizenId === 'string' ? record.citizenId : undefined;
}

/**
 * "Konflikter": every record on this device with a conflict nobody has settled yet, whoever's
 * device lost it, each linking to its record and settleable right here.
 */
export function ConflictsPage() {
  const { t } = useSyncTexts();
  const records = useConflictedRecords();
  const citizens = useCitizensByIds(
    (records ?? []).flatMap((r) => citizenIdOf(r.entity, r.record) ?? []),
  );
  const nameOf = (citizen: Citizen | undefined) =>
    citizen ? citizenDisplayName(citizen) : undefined;
  return (
    <AppPage screen="sync.conflictsPage.title">
      <p className="lead">{t('sync.conflictsPage.intro')}</p>
      {records === undefined ? (
        <p>{t('common.loading')}</p>
      ) : records.length === 0 ? (
        <p>{t('sync.conflictsPage.empty')}</p>
      ) : (
        records.map(({ entity, record }) => {
          const citizenId = citizenIdOf(entity, record);
          const name =
            entity === 'citizen'
              ? citizenDisplayName(record as unknown as Citizen)
              : nameOf(citizenId ? citizens.get(citizenId) : undefined);
          const kind = t(`sync.entity.${entity}` satisfies MessageKey);
          const headingId = `conflicted-${record.id}`;
          return (
            <article key={record.id} className="sync-attention-item" aria-labelledby={headingId}>
              <h2 id={headingId}>
                <Link href={recordPath(entity, record.id, citizenId)}>
                  {name ? t('sync.recordOf', { entity: kind, name }) : kind}
                </Link>
              </h2>
              <ConflictList entity={entity} record={record} nested />
            </article>
          );
        })
      )}
    </AppPage>
  );
}
