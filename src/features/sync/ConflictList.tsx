import { useState } from 'react';
import type { EntityName, FieldConflict } from '../../domain';
import { useSyncActions } from '../../hooks/useSyncActions';
import type { ConflictChoice } from '../../sync/settleConflict';
import { Alert, StatusMessage } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { useUserName } from '../../hooks/useUserName';
import { fieldLabelKey } from './fieldLabels';
import { useSyncTexts } from './useSyncTexts';
import './sync.css';

interface ConflictListProps {
  entity: EntityName;
  record: { id: string; conflicts: FieldConflict[] };
  /**
   * Inside a page that already names the record under its own heading (the conflicts list): no
   * section heading of its own, and the fields' headings one level lower.
   */
  nested?: boolean;
}

/**
 * The conflicts the server kept visible on a record (invariant 3): for each, the field by its
 * form label, the value that won and the value that lost, who wrote each and when, and buttons to
 * settle it. Settling is an ordinary change, so it works offline and syncs like any other.
 */
export function ConflictList({ entity, record, nested = false }: ConflictListProps) {
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
  const items = (
    <>
      {save.error && <Alert>{save.error}</Alert>}
      <ul className="sync-conflicts-list">
        {record.conflicts.map((c) => (
          <li key={c.id} className="sync-conflict">
            <ConflictItem
              entity={entity}
              conflict={c}
              disabled={save.busy}
              onChoose={choose}
              nested={nested}
            />
          </li>
        ))}
      </ul>
    </>
  );
  if (nested) return items;
  return (
    <section className="section" aria-labelledby={`conflicts-${record.id}`}>
      <h2 id={`conflicts-${record.id}`}>{t('sync.conflict.title')}</h2>
      {items}
    </section>
  );
}

function ConflictItem(props: {
  entity: EntityName;
  conflict: FieldConflict;
  disabled: boolean;
  nested: boolean;
  onChoose: (c: FieldConflict, choice: ConflictChoice) => Promise<void>;
}) {
  const { entity, conflict: c, disabled, nested, onChoose } = props;
  const { t, value } = useSyncTexts();
  const fmt = useFormat();
  const userName = useUserName();
  const by = t('sync.conflict.by', {
    user: userName(c.losingUserId ?? '?'),
    time: fmt.dateTime(c.at),
  });
  const Heading = nested ? 'h4' : 'h3';
  if (c.kind !== 'field-clash') {
    return (
      <>
        <Heading>{t('sync.conflict.wholeRecord')}</Heading>
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
  const labelKey = fieldLabelKey(entity, c.field);
  const keptBy = c.winningUserId
    ? t('sync.conflict.by', {
        user: userName(c.winningUserId),
        time: c.winningAt ? fmt.dateTime(c.winningAt) : '?',
      })
    : t('sync.conflict.byUnknown', { time: fmt.dateTime(c.at) });
  const otherBy = t('sync.conflict.tried', {
    user: userName(c.losingUserId ?? '?'),
    time: fmt.dateTime(c.at),
  });
  return (
    <>
      <Heading>{labelKey ? t(labelKey) : c.field}</Heading>
      <dl className="sync-values">
        <dt>{t('sync.conflict.kept')}</dt>
        <dd>
          {value(c.winningValue)}
          <span className="sync-value-by">{keptBy}</span>
        </dd>
        <dt>{t('sync.conflict.other')}</dt>
        <dd>
          {value(c.losingValue)}
          <span className="sync-value-by">{otherBy}</span>
        </dd>
      </dl>
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
