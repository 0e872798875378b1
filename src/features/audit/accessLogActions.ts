import type { MessageKey } from '../../i18n';

const ACTION_KEYS: Record<string, MessageKey> = {
  read: 'accessLog.action.read',
  search: 'accessLog.action.search',
  create: 'accessLog.action.create',
  update: 'accessLog.action.update',
  delete: 'accessLog.action.delete',
  deliver: 'accessLog.action.deliver',
  move: 'accessLog.action.move',
  forbidden: 'accessLog.action.forbidden',
  reject: 'accessLog.action.reject',
  'audit-view': 'accessLog.action.audit-view',
  'audit-export': 'accessLog.action.audit-export',
  export: 'accessLog.action.export',
  'access-request': 'accessLog.action.access-request',
};

/** The catalog key for an audit action; undefined for one the app does not know (shown raw). */
export function accessLogActionKey(action: string): MessageKey | undefined {
  return ACTION_KEYS[action];
}
