import { useState } from 'react';
import type { AdminDevice } from '../../protocol';
import { useT } from '../../i18n';

/** "Spær enhed" with an explicit confirmation: revoking wipes the device's data at next contact. */
export function DeviceRevokeButton(props: { device: AdminDevice; onConfirm: () => Promise<void> }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const names = { device: props.device.id, user: props.device.username };
  if (!confirming) {
    return (
      <button
        type="button"
        aria-label={t('admin.device.revokeLabel', names)}
        onClick={() => setConfirming(true)}
      >
        {t('admin.device.revoke')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('admin.device.revokeLabel', names)} className="confirm">
      <p>{t('admin.device.confirm', names)}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          // The confirm step appears in place of the button; focus goes to its first choice.
          autoFocus
          onClick={() => void props.onConfirm().finally(() => setConfirming(false))}
        >
          {t('admin.device.confirmYes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
