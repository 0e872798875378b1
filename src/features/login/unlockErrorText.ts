import { DbError } from '../../db/errors';
import type { MessageKey, MessageParams } from '../../i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** Why unlocking failed: almost always a mistyped password. */
export function unlockErrorText(t: T, error: unknown): string {
  if (error instanceof DbError && error.code === 'wrong-password') return t('vault.unlock.wrong');
  const code = error instanceof DbError ? error.code : String(error);
  return t('vault.unlock.failed', { code });
}
