import { useCallback, useState } from 'react';
import type { WriteContext } from '../../db/writeContext';
import { useT } from '../../i18n';
import { useResolveWriteContext } from '../../hooks/useWriteContext';
import { errorText } from './errorText';

/**
 * Runs a write with the current write context and turns a failure into a message for an alert.
 * Returns true on success; on failure the form keeps what the user typed.
 */
export function useSaveAction() {
  const t = useT();
  const resolve = useResolveWriteContext();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (write: (ctx: WriteContext) => Promise<unknown>): Promise<boolean> => {
      if (!resolve) {
        setError(t('error.notReady'));
        return false;
      }
      setBusy(true);
      try {
        await write(await resolve());
        setError(null);
        return true;
      } catch (e) {
        console.error('Save failed', e);
        setError(errorText(t, e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [resolve, t],
  );
  return { run, error, busy };
}
