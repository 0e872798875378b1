import { useState, type FormEvent } from 'react';
import type { RescueImportResponse } from '../../protocol';
import { useT } from '../../i18n';
import { ApiError, type ApiClient } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { browserMemory } from '../../ui/browserMemory';
import { TextField } from '../../ui/TextField';

/**
 * Administration: "Indlæs ventende ændringer fra fil". Applies a device's rescue file on the
 * server as that device's push would have (each change once; a second upload changes nothing).
 */
export function RescueImportSection({ api }: { api: ApiClient }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<RescueImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!file) return setError(t('admin.rescue.noFile'));
    setError(null);
    setBusy(true);
    try {
      setResult(await api.rescueImport({ file: await file.text(), passphrase }));
      setPassphrase('');
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'invalid-request'
          ? t('admin.rescue.unreadable')
          : t('admin.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="admin-rescue-heading" className="section">
      <h2 id="admin-rescue-heading">{t('admin.rescue.heading')}</h2>
      <p>{t('admin.rescue.explain')}</p>
      <form onSubmit={(e) => void upload(e)} noValidate>
        <div className="field">
          <label htmlFor="admin-rescue-file">{t('admin.rescue.file')}</label>
          <input
            id="admin-rescue-file"
            type="file"
            accept="application/json,.json"
            {...browserMemory()}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <TextField
          label={t('admin.rescue.passphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
        />
        <button type="submit" disabled={busy}>
          {t('admin.rescue.import')}
        </button>
      </form>
      {result && (
        <StatusMessage>
          {t('admin.rescue.done', {
            count: result.count,
            user: result.userId,
            applied: result.applied,
            conflicts: result.conflicts,
            rejected: result.rejected,
            already: result.alreadyApplied,
          })}
        </StatusMessage>
      )}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
