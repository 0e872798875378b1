import { useState, type FormEvent } from 'react';
import { db } from '../../db';
import { usePendingCount } from '../../hooks/usePendingCount';
import { RESCUE_PASSPHRASE_MIN } from '../../protocol';
import { exportRescueFile } from '../../sync/rescueExport';
import { useT, useTCount } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { saveBlob } from '../audit/saveBlob';

/**
 * "Gem ventende ændringer som fil": when this device cannot reach the server (sync keeps failing,
 * the disk is full, days without network), its waiting changes leave it as a file encrypted with
 * a passphrase the caseworker chooses; an administrator imports it on the server. The changes stay
 * on the device too and are sent as usual if it recovers; the server applies each only once.
 */
export function RescueExportSection() {
  const t = useT();
  const tc = useTCount();
  // undefined until the outbox has been counted: "0 waiting changes" must never show before then.
  const pending = usePendingCount();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (passphrase.length < RESCUE_PASSPHRASE_MIN)
      return setError(t('settings.rescue.tooShort', { min: RESCUE_PASSPHRASE_MIN }));
    if (passphrase !== repeat) return setError(t('settings.rescue.mismatch'));
    setError(null);
    setBusy(true);
    try {
      const file = await exportRescueFile(db, passphrase);
      const stamp = file.exportedAt.slice(0, 16).replace(/[:T]/g, '-');
      saveBlob(
        new Blob([JSON.stringify(file)], { type: 'application/json' }),
        `fremskudt-ventende-${stamp}.json`,
      );
      setSaved(file.count);
      setPassphrase('');
      setRepeat('');
    } catch (e) {
      setError(
        t('settings.rescue.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rescue-heading" className="section">
      <h2 id="rescue-heading">{t('settings.rescue.heading')}</h2>
      <p>{t('settings.rescue.explain')}</p>
      <p role="status">
        {pending === undefined ? t('common.loading') : tc('settings.rescue.count', pending)}
      </p>
      {(pending ?? 0) > 0 && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <TextField
            label={t('settings.rescue.passphrase')}
            hint={t('settings.rescue.passphraseHint', { min: RESCUE_PASSPHRASE_MIN })}
            type="password"
            value={passphrase}
            onChange={setPassphrase}
          />
          <TextField
            label={t('settings.rescue.repeat')}
            type="password"
            value={repeat}
            onChange={setRepeat}
          />
          <button type="submit" disabled={busy}>
            {t('settings.rescue.save')}
          </button>
        </form>
      )}
      {saved !== null && <p role="status">{tc('settings.rescue.saved', saved)}</p>}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
