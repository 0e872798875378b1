import { DbError } from '../../db/errors';
import { PIN_MAX_ATTEMPTS, PIN_WARN_FROM } from '../../db/vault/pin';
import { WrongPinError } from '../../sync/unlock';
import type { MessageKey, MessageParams } from '../../i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** Why unlocking failed: almost always a mistyped password. */
export function unlockErrorText(t: T, error: unknown): string {
  if (error instanceof WrongPinError) {
    // Warned from the seventh wrong PIN on: how many are left, and what a wipe would lose.
    return PIN_MAX_ATTEMPTS - error.remaining >= PIN_WARN_FROM
      ? t('vault.unlock.pinWarning', { remaining: error.remaining, unsent: error.unsent })
      : t('vault.unlock.pinWrong');
  }
  if (error instanceof DbError && error.code === 'wrong-password') return t('vault.unlock.wrong');
  const code = error instanceof DbError ? error.code : String(error);
  return t('vault.unlock.failed', { code });
}
