import type { MessageKey, MessageParams } from '../../i18n';
import type { AccessRequestPdfOptions } from '../../print/accessRequestPdf';
import { ACCESS_REQUEST_LABELS, type AccessRequestLabel } from '../../print/labels';
import { printLabels } from '../print/printLabels';
import { accessLogActionKey } from './accessLogActions';

type T = (key: MessageKey, params?: MessageParams) => string;

const ENTITY_KEYS: Record<string, MessageKey> = {
  citizen: 'accessRequest.entity.citizen',
  case: 'accessRequest.entity.case',
  note: 'accessRequest.entity.note',
  contact: 'accessRequest.entity.contact',
  followUp: 'accessRequest.entity.followUp',
  handoverMark: 'accessRequest.entity.handoverMark',
  visit: 'accessRequest.entity.visit',
};

/** An entity's name in the user's language (its technical name when the app has none). */
export function entityName(t: T, entity: string): string {
  const key = ENTITY_KEYS[entity];
  return key ? t(key) : entity;
}

/**
 * The access request PDF's texts in the user's language. The templates keep their {placeholders}:
 * the PDF fills them per line.
 */
export function accessRequestPdfTexts(
  t: T,
): Pick<AccessRequestPdfOptions, 'labels' | 'text' | 'entityName' | 'actionName'> {
  return {
    labels: printLabels(t),
    text: Object.fromEntries(
      ACCESS_REQUEST_LABELS.map((l) => [l, t(`accessRequest.pdf.${l}` as MessageKey)]),
    ) as Record<AccessRequestLabel, string>,
    entityName: (entity) => entityName(t, entity),
    actionName: (action) => {
      const key = accessLogActionKey(action);
      return key ? t(key) : action;
    },
  };
}
