import type { MessageKey, MessageParams } from '../../i18n';
import type { PrintLabel } from '../../print/citizenFilePdf';

const LABELS: readonly PrintLabel[] = [
  'title',
  'page',
  'printedBy',
  'details',
  'ownGoals',
  'lifeStory',
  'phone',
  'cpr',
  'consents',
  'expires',
  'withdrawn',
  'cases',
  'journal',
  'correction',
  'contacts',
  'followUps',
  'done',
  'none',
  'period',
];
export const printLabelKey = (l: PrintLabel) => `print.label.${l}` as MessageKey;

/** The printed labels in the user's language. */
export function printLabels(
  t: (key: MessageKey, params?: MessageParams) => string,
): Record<PrintLabel, string> {
  return Object.fromEntries(LABELS.map((l) => [l, t(printLabelKey(l))])) as Record<
    PrintLabel,
    string
  >;
}
