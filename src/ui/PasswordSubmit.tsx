import { Alert } from './Alert';
import { TextField } from './TextField';

interface PasswordSubmitProps {
  label: string;
  password: string;
  onPasswordChange: (value: string) => void;
  /** The refusal to announce (wrong password, no network …), if any. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
}

/** The end of a password form (login, unlock): the password field, its error and the submit. */
export function PasswordSubmit({
  label,
  password,
  onPasswordChange,
  error,
  busy,
  submitLabel,
  busyLabel,
}: PasswordSubmitProps) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        value={password}
        onChange={onPasswordChange}
        autoComplete="current-password"
        required
      />
      {error && <Alert>{error}</Alert>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </>
  );
}
