import type { MessageKey, MessageParams } from '../../i18n';
import { PRINT_LABELS, type PrintLabel } from '../../print/labels';

export const printLabelKey = (l: PrintLabel) => `print.label.${l}` as MessageKey;

/** The printed labels in the user's language. */
export function printLabels(
  t: (key: MessageKey, params?: MessageParams) => string,
): Record<PrintLabel, string> {
  return Object.fromEntries(PRINT_LABELS.map((l) => [l, t(printLabelKey(l))])) as Record<
    PrintLabel,
    string
  >;
}
