import { useState } from 'react';
import type { EntityName, FieldConflict } from '../../domain';
import { useSyncActions } from '../../hooks/useSyncActions';
import type { ConflictChoice } from '../../sync/settleConflict';
import { Alert, StatusMessage } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { useUserName } from '../../hooks/useUserName';
import { useSyncTexts } from './useSyncTexts';
import './sync.css';

interface ConflictListProps {
  entity: EntityName;
  record: { id: string; conflicts: FieldConflict[] };
}

/**
 * The conflicts the server kept visible on a record (invariant 3): for each, the value that won,
 * the value that lost, who wrote it and when, and buttons to settle it. Settling is an ordinary
 * change, so it works offline and syncs like any other.
 */
export function ConflictList({ entity, record }: ConflictListProps) {
  const { t } = useSyncTexts();
  const save = useSaveAction();
  const { settle } = useSyncActions();
  const [settled, setSettled] = useState(false);
  if (record.conflicts.length === 0) {
    return settled ? <StatusMessage>{t('sync.conflict.saved')}</StatusMessage> : null;
  }
  const choose = async (conflict: FieldConflict, choice: ConflictChoice) => {
    const ok = await save.run((ctx) => settle(ctx, entity, record.id, conflict, choice));
    if (ok) setSettled(true);
  };
  return (
    <section className="section" aria-labelledby={`conflicts-${record.id}`}>
      <h2 id={`conflicts-${record.id}`}>{t('sync.conflict.title')}</h2>
      {save.error && <Alert>{save.error}</Alert>}
      <ul>
        {record.conflicts.map((c) => (
          <li key={c.id} className="sync-conflict">
            <ConflictItem conflict={c} disabled={save.busy} onChoose={choose} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConflictItem(props: {
  conflict: FieldConflict;
  disabled: boolean;
  onChoose: (c: FieldConflict, choice: ConflictChoice) => Promise<void>;
}) {
  const { conflict: c, disabled, onChoose } = props;
  const { t, value } = useSyncTexts();
  const fmt = useFormat();
  const userName = useUserName();
  const by = t('sync.conflict.by', {
    user: userName(c.losingUserId ?? '?'),
    time: fmt.dateTime(c.at),
  });
  if (c.kind !== 'field-clash') {
    return (
      <>
        <p>
          {c.kind === 'edit-after-delete'
            ? t('sync.conflict.editAfterDelete')
            : t('sync.conflict.deleteAfterEdit')}
        </p>
        <p>{by}</p>
        <div className="button-row">
          <button type="button" disabled={disabled} onClick={() => void onChoose(c, 'keep')}>
            {t('sync.conflict.keepRecord')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={disabled}
            onClick={() => void onChoose(c, 'delete')}
          >
            {t('sync.conflict.deleteAnyway')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <h3>{t('sync.conflict.field', { field: c.field })}</h3>
      <dl className="sync-values">
        <dt>{t('sync.conflict.kept')}</dt>
        <dd>{value(c.winningValue)}</dd>
        <dt>{t('sync.conflict.other')}</dt>
        <dd>{value(c.losingValue)}</dd>
      </dl>
      <p>{by}</p>
      <div className="button-row">
        <button
          type="button"
          disabled={disabled}
          aria-label={`${t('sync.conflict.keep')}: ${value(c.winningValue)}`}
          onClick={() => void onChoose(c, 'keep')}
        >
          {t('sync.conflict.keep')}
        </button>
        <button
          type="button"
          disabled={disabled}
          aria-label={`${t('sync.conflict.useOther')}: ${value(c.losingValue)}`}
          onClick={() => void onChoose(c, 'use-other')}
        >
          {t('sync.conflict.useOther')}
        </button>
      </div>
    </>
  );
}
