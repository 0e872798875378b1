import { useState, type FormEvent } from 'react';
import type { OutboxEntry } from '../../db';
import { useSyncActions } from '../../hooks/useSyncActions';
import type { MessageKey } from '../../i18n';
import { TextField } from '../../ui/TextField';
import { Alert, StatusMessage } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { fieldLabelKey } from './fieldLabels';
import { useSyncTexts } from './useSyncTexts';

/** Only plain text fields can be corrected in place; other values are resent as they are. */
function textFields(entry: OutboxEntry): [string, string][] {
  return Object.entries(entry.fields).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
}

/** One refused change: what it was, why the server refused it, and a way forward. */
export function RejectedChange({ entry }: { entry: OutboxEntry }) {
  const { t, rejectReason, value } = useSyncTexts();
  const fmt = useFormat();
  const { resend } = useSyncActions();
  const editable = textFields(entry);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(editable));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const heading = t('sync.attention.heading', {
    entity: t(`sync.entity.${entry.entity}` satisfies MessageKey),
    op: t(`sync.op.${entry.op}` satisfies MessageKey),
  });
  const headingId = `rejected-${entry.mutationId}`;
  const label = (field: string) => {
    const key = fieldLabelKey(entry.entity, field);
    return key ? t(key) : field;
  };

  const send = async (corrections?: Record<string, unknown>) => {
    if (entry.seq === undefined) return;
    try {
      await resend(entry.seq, corrections);
      setDone(true);
    } catch (e) {
      console.error('Resending a refused change failed', e);
      setError(t('error.unknown', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(
      editable.filter(([f, v]) => draft[f] !== v).map(([f]) => [f, draft[f]]),
    );
    void send(changed);
  };

  return (
    <article className="sync-attention-item" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>
        <strong>{t('sync.attention.reason')}:</strong> {rejectReason(entry.lastError?.code)}
        {entry.rejectedAt && (
          <> ({t('sync.attention.rejectedAt', { time: fmt.dateTime(entry.rejectedAt) })})</>
        )}
      </p>
      <h3>{t('sync.attention.changed')}</h3>
      {Object.keys(entry.fields).length === 0 ? (
        <p>{t('sync.attention.noFields')}</p>
      ) : (
        <dl className="sync-values">
          {Object.entries(entry.fields).map(([field, v]) => (
            <div key={field}>
              <dt>{label(field)}</dt>
              <dd>{value(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {done && <StatusMessage>{t('sync.attention.resent')}</StatusMessage>}
      {error && <Alert>{error}</Alert>}
      {editable.length > 0 && entry.op !== 'delete' && (
        <form onSubmit={onSubmit} className="form">
          <fieldset>
            <legend>{t('sync.attention.fixLegend')}</legend>
            {editable.map(([field]) => (
              <TextField
                key={field}
                label={label(field)}
                value={draft[field] ?? ''}
                onChange={(v) => setDraft((d) => ({ ...d, [field]: v }))}
              />
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {t('sync.attention.fixAndResend')}
          </button>
        </form>
      )}
      <button type="button" onClick={() => void send()}>
        {t('sync.attention.resend')}
      </button>
    </article>
  );
}
