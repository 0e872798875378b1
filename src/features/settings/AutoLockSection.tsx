import { useState } from 'react';
import { saveAutoLockMinutes } from '../../hooks/useAutoLockSetting';
import { useVaultState } from '../../hooks/useVault';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';

const CHOICES = [1, 2, 5, 10, 15, 30] as const;

/** Indstillinger: minutes without input before Fremskudt locks itself (default 5). */
export function AutoLockSection() {
  const t = useT();
  const vault = useVaultState();
  const [saved, setSaved] = useState(false);
  if (vault.status !== 'unlocked') return null;
  const current = vault.profile.autoLockMinutes;
  const options = [...new Set([...CHOICES, current])]
    .sort((a, b) => a - b)
    .map((m) => ({ value: String(m), label: String(m) }));
  return (
    <section aria-labelledby="autolock-heading" className="section">
      <h2 id="autolock-heading">{t('vault.autoLock.heading')}</h2>
      <SelectField
        label={t('vault.autoLock.label')}
        hint={t('vault.autoLock.hint')}
        value={String(current)}
        options={options}
        onChange={(value) => {
          setSaved(false);
          saveAutoLockMinutes(vault.profile, Number(value)).then(
            () => setSaved(true),
            (error: unknown) => console.error('Could not save the auto-lock setting', error),
          );
        }}
      />
      {saved && <p role="status">{t('vault.autoLock.saved')}</p>}
    </section>
  );
}
