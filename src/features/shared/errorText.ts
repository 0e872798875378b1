import { DbError } from '../../db/errors';
import type { MessageKey, MessageParams } from '../../i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/**
 * A failed write in Danish (or English). storage-full gets its own clear message; the caller keeps
 * the form's text so nothing typed is lost.
 */
export function errorText(t: T, error: unknown): string {
  if (error instanceof DbError) {
    switch (error.code) {
      case 'storage-full':
        return t('error.storage-full');
      case 'storage-failed':
        return t('error.storage-failed', { message: error.message });
      case 'invalid-fields':
        return t('error.invalid-fields');
      case 'not-found':
        return t('error.not-found');
      case 'note-final-immutable':
        return t('error.note-final-immutable');
    }
  }
  return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
}
