import { useT } from '../i18n';
import { Alert } from './Alert';

interface FormActionsProps {
  /** The save failure to announce above the buttons, if any. */
  error: string | null | undefined;
  busy: boolean;
  saveLabel: string;
  onCancel: () => void;
}

/** A form's save error and its save (submit) and cancel buttons. */
export function FormActions({ error, busy, saveLabel, onCancel }: FormActionsProps) {
  const t = useT();
  return (
    <>
      {error && <Alert>{error}</Alert>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
