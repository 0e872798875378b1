import { useState } from 'react';
import { useT } from '../../i18n';
import { applyUpdate, noteInProgress } from '../../pwa';
import { useUpdateState } from './usePwaState';

function startUpdate(): void {
  applyUpdate().catch((error: unknown) => {
    console.error('Could not apply the update', error);
    window.location.reload();
  });
}

/**
 * "Ny version klar — genindlæs": shown when a new service worker waits. Only the user's click
 * reloads, and while a note is being written the click first asks to save it.
 */
export function UpdatePrompt() {
  const t = useT();
  const state = useUpdateState();
  const [askingAboutNote, setAskingAboutNote] = useState(false);

  if (state === 'current') return null;
  if (state === 'applying') {
    return (
      <p className="pwa-update" role="status">
        {t('pwa.update.applying')}
      </p>
    );
  }

  const onReload = (): void => {
    noteInProgress()
      .then((busy) => {
        if (busy) setAskingAboutNote(true);
        else startUpdate();
      })
      .catch((error: unknown) => {
        // Unable to tell: ask rather than risk interrupting a note.
        console.warn('Could not check for a note in progress', error);
        setAskingAboutNote(true);
      });
  };

  return (
    <div className="pwa-update" role="region" aria-label={t('pwa.update.available')}>
      {askingAboutNote ? (
        <>
          <p role="alert">{t('pwa.update.noteInProgress')}</p>
          <button type="button" onClick={startUpdate}>
            {t('pwa.update.reloadAnyway')}
          </button>
          <button type="button" onClick={() => setAskingAboutNote(false)}>
            {t('pwa.update.later')}
          </button>
        </>
      ) : (
        <button type="button" onClick={onReload}>
          {t('pwa.update.reload')}
        </button>
      )}
    </div>
  );
}
