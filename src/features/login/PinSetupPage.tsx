import { useState, type FormEvent } from 'react';
import { DbError, pinProblem } from '../../db';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { AppPage } from '../shared/AppPage';

interface PinSetupPageProps {
  /** Wraps the data key with the PIN and opens the store (signInWithSso.setPinAndSignIn). */
  onPin: (pin: string) => Promise<void>;
}

/**
 * After a single sign-on on a device with no PIN for the caseworker (the first time, or after a
 * forgotten PIN): choose the PIN or passphrase that unlocks Fremskudt here offline.
 */
export function PinSetupPage({ onPin }: PinSetupPageProps) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = pinProblem(pin, repeated);
    if (problem) {
      setError(t(problem === 'too-short' ? 'vault.pin.tooShort' : 'vault.pin.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onPin(pin);
    } catch (err) {
      setError(t('vault.pin.failed', { code: err instanceof DbError ? err.code : String(err) }));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <AppPage screen="vault.pin.title">
        <p>{t('vault.pin.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('vault.pin.label')}
            type="password"
            value={pin}
            onChange={setPin}
            required
          />
          <TextField
            label={t('vault.pin.repeat')}
            type="password"
            value={repeated}
            onChange={setRepeated}
            required
          />
          {error && <Alert>{error}</Alert>}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('vault.pin.busy') : t('vault.pin.submit')}
          </button>
        </form>
      </AppPage>
    </main>
  );
}
