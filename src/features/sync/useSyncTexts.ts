import { useT, useTCount, type MessageKey } from '../../i18n';
import type { SyncErrorInfo } from '../../sync/syncStatus';

const ERROR_KEYS: Record<string, MessageKey> = {
  network: 'sync.error.network',
  timeout: 'sync.error.timeout',
  internal: 'sync.error.internal',
  unavailable: 'sync.error.unavailable',
  'rate-limited': 'sync.error.rate-limited',
  'bad-response': 'sync.error.bad-response',
  'local-storage': 'sync.error.local-storage',
  'storage-full': 'sync.error.storage-full',
};

const REJECT_KEYS: Record<string, MessageKey> = {
  'invalid-fields': 'sync.reject.invalid-fields',
  'unknown-record': 'sync.reject.unknown-record',
  'server-owned-field': 'sync.reject.server-owned-field',
  'note-final-immutable': 'sync.reject.note-final-immutable',
  forbidden: 'sync.reject.forbidden',
  'too-many-conflicts': 'sync.reject.too-many-conflicts',
  'record-erased': 'sync.reject.record-erased',
  'payload-too-large': 'sync.reject.payload-too-large',
  'invalid-request': 'sync.reject.invalid-request',
};

/** Danish (or English) words for sync codes: why a sync failed, why a change was refused. */
export function useSyncTexts() {
  const t = useT();
  const tc = useTCount();
  return {
    t,
    tc,
    syncError: (error: SyncErrorInfo) => {
      const key = ERROR_KEYS[error.code];
      return key ? t(key, { message: error.message }) : t('sync.error.other', { code: error.code });
    },
    rejectReason: (code: string | undefined) => {
      const key = code ? REJECT_KEYS[code] : undefined;
      return key ? t(key) : t('sync.reject.other', { code: code ?? '?' });
    },
    /** A field value as text: strings as they are, empty as "(tom)", anything else as JSON. */
    value: (v: unknown) => {
      if (v === undefined || v === null || v === '') return t('sync.value.empty');
      if (typeof v === 'string') return v;
      if (Array.isArray(v) && v.length === 0) return t('sync.value.empty');
      return JSON.stringify(v);
    },
  };
}
