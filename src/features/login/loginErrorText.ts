import type { MessageKey, MessageParams } from '../../i18n';
import { DbError } from '../../db/errors';
import { ApiError } from '../../sync/apiError';

type T = (key: MessageKey, params?: MessageParams) => string;

/** Why a login failed, in words a caseworker can act on. */
export function loginErrorText(t: T, error: unknown): string {
  if (error instanceof DbError) return t('login.error.other', { code: error.code });
  if (!(error instanceof ApiError)) return t('login.error.other', { code: String(error) });
  switch (error.code) {
    case 'unauthorized':
    case 'forbidden':
      return t('login.error.wrong');
    case 'network':
    case 'timeout':
    case 'unavailable':
      return t('login.error.network');
    case 'device-revoked':
      return t('vault.reason.revoked');
    case 'rate-limited':
      return t('login.error.rateLimited');
    case 'protocol-outdated':
      return t('login.error.outdated');
    default:
      return t('login.error.other', { code: error.code });
  }
}
