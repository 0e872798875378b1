import type { z } from 'zod';
import type { MessageKey } from '../../i18n';

/**
 * A form's errors from the API's own zod schema (src/protocol), so the form refuses exactly what
 * the server would: per field, the first issue's message from `messages`; an issue of a refinement
 * (code "custom") gets `custom` instead when given.
 */
export function schemaErrors<F extends string>(
  schema: z.ZodType,
  value: unknown,
  messages: Record<F, MessageKey>,
  custom?: Partial<Record<F, MessageKey>>,
): Partial<Record<F, MessageKey>> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Partial<Record<F, MessageKey>> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0]) as F;
    if (!(field in messages) || errors[field]) continue;
    errors[field] = (issue.code === 'custom' ? custom?.[field] : undefined) ?? messages[field];
  }
  return errors;
}
